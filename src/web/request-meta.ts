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

/**
 * The client's address, for growing delays per address (SEC-3). Behind `trustProxyHops`
 * reverse proxies, the address is the X-Forwarded-For entry that the outermost trusted proxy
 * saw (entries further left can be forged by the client). IPv6 addresses count by /64.
 */
export function clientAddress(c: AppContext, trustProxyHops = 0): string {
  let address: string | undefined;
  if (trustProxyHops > 0) {
    const hops = (c.req.header("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
    address = hops[hops.length - trustProxyHops];
  }
  if (!address) {
    try {
      address = getConnInfo(c).remote.address;
    } catch {
      address = undefined; // app.request() without a socket
    }
  }
  if (!address) return "unknown";
  if (address.includes(":") && !address.startsWith("::ffff:")) return `${address.split(":").slice(0, 4).join(":")}::/64`;
  return address.replace(/^::ffff:/, "");
}

export function requestMeta(c: AppContext): RequestMeta {
  return {
    locale: c.get("locale"),
    userAgent: c.req.header("user-agent") ?? null,
    address: clientAddress(c, c.get("trustProxyHops")),
    requestId: c.get("requestId"),
  };
}
