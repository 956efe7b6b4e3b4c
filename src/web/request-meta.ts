// What services record about the request behind a change: language, client address
// (for growing delays), user agent (for the sessions list) and request id (for audit).
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Locale } from "../domain/locale.ts";
import type { AppContext } from "./context.ts";

export interface RequestMeta {
  locale: Locale;
  userAgent: string | null;
  address: string;
  requestId: string;
}

export function clientAddress(c: AppContext): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // app.request() without a socket
  }
}

export function requestMeta(c: AppContext): RequestMeta {
  return { locale: c.get("locale"), userAgent: c.req.header("user-agent") ?? null, address: clientAddress(c), requestId: c.get("requestId") };
}
