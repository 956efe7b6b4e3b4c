// The Government of Canada signature (the flag symbol and "Government of Canada /
// Gouvernement du Canada"), drawn as vector paths at the top of every letter (issue 15). The
// path data is the GC Design System's own (gcds-signature's sig-blk-en.svg and sig-blk-fr.svg
// in @gcds-core/components), read once; the colours are its tokens (FIP red, black).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The signature's drawing box, from its SVG's viewBox. */
const VIEW = { width: 819, height: 78 };
const FLAG_RED = "#eb2d37"; // --gcds-signature-color-flag
const TEXT_BLACK = "#000000"; // --gcds-signature-color-text

/** One path of the drawing, with the translation its SVG element gives it. */
interface Shape {
  d: string;
  dx: number;
  dy: number;
}

interface SignaturePaths {
  flag: Shape[];
  text: Shape[];
  title: string;
}

const cache = new Map<"en" | "fr", SignaturePaths>();

function paths(lang: "en" | "fr"): SignaturePaths {
  let found = cache.get(lang);
  if (!found) {
    const root = dirname(createRequire(import.meta.url).resolve("@gcds-core/components/package.json"));
    const svg = readFileSync(join(root, "dist", "collection", "components", "gcds-signature", "assets", `sig-blk-${lang}.svg`), "utf8");
    const flag: Shape[] = [];
    const text: Shape[] = [];
    for (const m of svg.matchAll(/<path\s+d="([^"]+)"\s+class="(fip_flag|fip_text)"(?:\s+transform="translate\(([-\d.]+),\s*([-\d.]+)\)")?\s*\/>/g)) {
      (m[2] === "fip_flag" ? flag : text).push({ d: m[1]!, dx: Number(m[3] ?? 0), dy: Number(m[4] ?? 0) });
    }
    const title = /<title[^>]*>([^<]+)<\/title>/.exec(svg)?.[1] ?? "";
    if (flag.length === 0 || text.length === 0 || !/<svg[^>]+viewBox="0 0 819 78"/.test(svg)) {
      throw new Error(`the GC Design System's signature (sig-blk-${lang}.svg) is not as expected`);
    }
    found = { flag, text, title };
    cache.set(lang, found);
  }
  return found;
}

/** The signature's words, for the tagged PDF's alternate text ("Government of Canada"). */
export function signatureTitle(lang: "en" | "fr"): string {
  return paths(lang).title;
}

/** The height the signature takes when drawn `width` points wide. */
export function signatureHeight(width: number): number {
  return (width * VIEW.height) / VIEW.width;
}

/** Draws the signature in `lang`'s order with its top left corner at (x, y), `width` points wide. */
export function drawSignature(doc: PDFKit.PDFDocument, lang: "en" | "fr", x: number, y: number, width: number): void {
  const p = paths(lang);
  const scale = width / VIEW.width;
  doc.save();
  doc.translate(x, y).scale(scale);
  for (const [shapes, colour] of [[p.flag, FLAG_RED], [p.text, TEXT_BLACK]] as const) {
    for (const shape of shapes) {
      doc.save();
      doc.translate(shape.dx, shape.dy).path(shape.d).fill(colour);
      doc.restore();
    }
  }
  doc.restore();
}
