// A browser over real HTTP for the Sign-In Partner tests: one cookie jar for every origin on
// 127.0.0.1 (cookies do not tell ports apart, as in a browser), manual redirects, and forms
// posted as a page would post them (same-origin metadata, the portal's CSRF proof).
import assert from "node:assert/strict";

export class PartnerBrowser {
  private readonly jar = new Map<string, { name: string; value: string; path: string }>();

  constructor(private readonly portalBaseUrl: string) {}

  get(url: string): Promise<Response> {
    return this.send(url, { method: "GET" });
  }

  /** A form of the portal's, with its CSRF proof from the cookie jar. */
  async postPortal(path: string, fields: Record<string, string>): Promise<Response> {
    if (!this.cookie("ttp-csrf")) await this.get(`/${path.split("/")[1] ?? "en"}`);
    return this.postForm(new URL(path, this.portalBaseUrl).href, { _csrf: this.cookie("ttp-csrf") ?? "", ...fields });
  }

  /** A form posted to its own origin (the provider's pages). */
  postForm(url: string, fields: Record<string, string>): Promise<Response> {
    const target = new URL(url, this.portalBaseUrl);
    return this.send(target.href, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: target.origin, "sec-fetch-site": "same-origin" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  cookie(name: string): string | undefined {
    return [...this.jar.values()].find((c) => c.name === name)?.value;
  }

  /** Follows redirects (GET) until a URL that `stop` accepts, or a response that is not a redirect. */
  async follow(res: Response, stop: (url: URL) => boolean = () => false): Promise<{ url: URL; res: Response }> {
    let url = new URL(res.url);
    for (let hops = 0; res.status >= 300 && res.status < 400; hops++) {
      assert.ok(hops < 10, "too many redirects");
      url = location(res, url.href);
      if (stop(url)) return { url, res };
      res = await this.get(url.href);
    }
    return { url, res };
  }

  private async send(url: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
    const target = new URL(url, this.portalBaseUrl);
    const cookie = [...this.jar.values()]
      .filter((c) => target.pathname === c.path || target.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    const res = await fetch(target, { ...init, redirect: "manual", headers: { ...(cookie ? { cookie } : {}), ...init.headers } });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attrs.find((a) => a.toLowerCase().startsWith("path="))?.slice(5) ?? "/";
      const expired = attrs.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)).getTime() < new Date().getTime()));
      if (expired || value === "") this.jar.delete(`${name};${path}`);
      else this.jar.set(`${name};${path}`, { name, value, path });
    }
    return res;
  }
}

export function location(res: Response, base: string): URL {
  const to = res.headers.get("location");
  assert.ok(to, `expected a redirect, got ${res.status}`);
  return new URL(to, base);
}
