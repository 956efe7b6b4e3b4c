// Static assets, all from our own origin (no CDN, no Google Fonts): the GC Design System
// components, its fonts, and the portal's own stylesheet.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { createHash } from "node:crypto";

const require = createRequire(import.meta.url);
const gcdsDir = join(dirname(require.resolve("@gcds-core/components")), "gcds");
const fontsDir = join(dirname(require.resolve("@gcds-core/fonts/package.json")), "fonts");
const ownDir = join(dirname(fileURLToPath(import.meta.url)), "static");
/** @simplewebauthn/browser's one-file build (it defines window.SimpleWebAuthnBrowser), for static/webauthn.js. */
const simpleWebAuthnBrowser = join(dirname(require.resolve("@simplewebauthn/browser")), "..", "dist", "bundle", "index.umd.min.js");

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".png": "image/png",
};

interface Asset {
  body: Uint8Array;
  type: string;
  etag: string;
}

function asset(body: Uint8Array | string, name: string): Asset {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  return {
    body: bytes,
    type: TYPES[extname(name)] ?? "application/octet-stream",
    etag: `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 22)}"`,
  };
}

/** gcds.css without its Google Fonts import and with the icon font served from here. */
export function sanitizeGcdsCss(css: string): string {
  return css
    .replace(/@import url\([^)]*\);/g, "")
    .replace(/url\(https:\/\/cdn\.design-system\.canada\.ca\/[^)]*\/icons\/gcds-icons\.ttf\) format\("truetype"\),/g, "")
    .replace(/url\(https:\/\/cdn\.design-system\.canada\.ca\/[^)]*\/icons\/gcds-icons\.woff\)/g, "url(/assets/fonts/icons/gcds-icons.woff)");
}

/** The @font-face rules of the design system's fonts, pointed at our own copies. */
function fontsCss(): string {
  const lato = readFileSync(join(fontsDir, "lato", "gcds-lato.css"), "utf8").replaceAll("path/to/file/", "/assets/fonts/lato/");
  const noto = readFileSync(join(fontsDir, "noto-sans", "gcds-noto-sans.css"), "utf8").replaceAll("path/to/file/", "/assets/fonts/noto-sans/");
  return `${lato}\n${noto}\n`;
}

function loadAssets(): Map<string, Asset> {
  const map = new Map<string, Asset>();
  for (const name of readdirSync(gcdsDir)) {
    if (!name.endsWith(".js") && !name.endsWith(".css")) continue;
    const raw = readFileSync(join(gcdsDir, name));
    map.set(`gcds/${name}`, asset(name === "gcds.css" ? sanitizeGcdsCss(raw.toString("utf8")) : raw, name));
  }
  for (const family of ["lato", "noto-sans", "icons"]) {
    for (const name of readdirSync(join(fontsDir, family))) {
      if (!/\.(woff2?|svg)$/.test(name)) continue;
      map.set(`fonts/${family}/${name}`, asset(readFileSync(join(fontsDir, family, name)), name));
    }
  }
  map.set("fonts.css", asset(fontsCss(), "fonts.css"));
  for (const name of readdirSync(ownDir)) map.set(name, asset(readFileSync(join(ownDir, name)), name));
  map.set("simplewebauthn-browser.js", asset(readFileSync(simpleWebAuthnBrowser), "simplewebauthn-browser.js"));
  return map;
}

export function assetRoutes(): Hono {
  const assets = loadAssets();
  const app = new Hono();
  // Browsers ask for /favicon.ico on pages that name no icon (the demo partner's, say).
  app.get("/favicon.ico", (c) => c.redirect("/assets/favicon.svg", 301));
  app.get("/assets/*", (c) => {
    const found = assets.get(c.req.path.slice("/assets/".length));
    if (!found) return c.notFound();
    const headers = {
      "content-type": found.type,
      etag: found.etag,
      "cache-control": "public, max-age=3600",
    };
    if (c.req.header("if-none-match") === found.etag) return c.body(null, 304, headers);
    return c.body(found.body as Uint8Array<ArrayBuffer>, 200, headers);
  });
  return app;
}
