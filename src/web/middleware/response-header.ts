// Setting a header on the response a handler already returned. Hono's c.header() at that point
// copies the response; on @hono/node-server that turns its lightweight response (status, body
// string, headers) into a real one, converting the whole body, which was an eighth of the
// dashboard's time (issue 14). The response's own headers can be set in place instead; only a
// response with immutable headers (one a fetch() returned) needs Hono's copy.
import type { Context } from "hono";

export function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}
