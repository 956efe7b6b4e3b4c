// A browser-like client over app.request(): keeps cookies, sends same-origin fetch
// metadata, and puts the CSRF proof into forms as our pages do; and the check of where a
// response redirects.
import assert from "node:assert/strict";
import type { Hono } from "hono";
import type { AppEnv } from "../../src/web/context.ts";

let clients = 0;

export class TestClient {
  readonly cookies = new Map<string, string>();
  /** Each client comes from its own address (TEST-NET-2), as separate people would. */
  readonly address: string;
  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly origin = "http://localhost",
    address?: string,
  ) {
    clients++;
    this.address = address ?? `198.51.${Math.floor(clients / 250) % 250}.${(clients % 250) + 1}`;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { method: "GET", headers });
  }

  /** Posts a form as a page of ours would: with the CSRF field taken from the cookie jar. */
  async postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    if (!this.csrfToken()) await this.get(`/${path.split("/")[1] ?? "en"}`);
    const body = new URLSearchParams({ _csrf: this.csrfToken() ?? "", ...fields });
    return this.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: this.origin, "sec-fetch-site": "same-origin", ...headers },
      body: body.toString(),
    });
  }

  csrfToken(): string | undefined {
    return this.cookies.get("ttp-csrf") ?? this.cookies.get("__Host-ttp-csrf");
  }

  async request(path: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await this.app.request(
      `${this.origin}${path}`,
      { ...init, headers: { ...(cookie ? { cookie } : {}), ...init.headers } },
      { incoming: { socket: { remoteAddress: this.address, remotePort: 40000, remoteFamily: "IPv4" } } },
    );
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
}

/** The response is a 303 to `to` (the exact path, or one matching the pattern). */
export function expectRedirect(res: Response, to: string | RegExp, label = "redirect"): void {
  assert.equal(res.status, 303, `${label}: status ${res.status}`);
  const location = res.headers.get("location") ?? "";
  if (typeof to === "string") assert.equal(location, to, label);
  else assert.match(location, to, label);
}
