// A file the browser downloads rather than shows (APP-9, APP-5, APP-13): evidence files,
// submissions' PDFs, decision letters. Always an attachment under its display name, never
// sniffed, never cached, and sandboxed should a browser open it anyway.
import type { Readable } from "node:stream";
import { attachmentDisposition } from "../platform/uploads.ts";

export function attachmentResponse(body: Readable | Uint8Array, file: { type: string; name: string; size: number }): Response {
  return new Response(body as unknown as BodyInit, {
    headers: {
      "content-type": file.type,
      "content-length": String(file.size),
      "content-disposition": attachmentDisposition(file.name),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}

/** A PDF drawn by the portal, as a download. */
export function pdfAttachment(pdf: Buffer, name: string): Response {
  return attachmentResponse(new Uint8Array(pdf), { type: "application/pdf", name, size: pdf.length });
}
