// What the every-page browser test (test/e2e/every-page.test.ts) does on each page: the checks
// (axe, 320 px without horizontal scrolling, identifiers that cannot wrap), screenshots, forms
// posted as the page's own form would be, and the record of which routes were visited.
import type { Page, Response } from "playwright-core";

/** A route path as a regular expression over a request's path. */
export function routePattern(path: string): RegExp {
  let re = "";
  for (let i = 0; i < path.length; ) {
    const ch = path[i]!;
    if (ch === ":") {
      const name = /^:[A-Za-z_][A-Za-z0-9_]*/.exec(path.slice(i))![0];
      i += name.length;
      if (path[i] === "{") {
        let depth = 0;
        let j = i;
        for (; j < path.length; j++) {
          if (path[j] === "{") depth++;
          else if (path[j] === "}" && --depth === 0) break;
        }
        re += `(?:${path.slice(i + 1, j)})`;
        i = j + 1;
      } else re += "[^/]+";
    } else if (ch === "*") {
      re += ".*";
      i++;
    } else {
      re += ch.replace(/[.+?^$()|[\]\\]/g, "\\$&");
      i++;
    }
  }
  return new RegExp(`^${re}$`);
}

/**
 * The identifiers and times a person reads, as they are written on the pages: none may be broken
 * over two lines (issue 15). Separators may be spaces or hyphens, which may break, or U+00A0,
 * U+202F and U+2011, which may not.
 */
export const IDENTIFIERS: { kind: string; re: RegExp }[] = [
  { kind: "URN", re: /URN[-\u2011][0-9A-Z]{4}[-\u2011][0-9A-Z]{4}[-\u2011][0-9A-Z]/g },
  { kind: "client number", re: /(?<![\d])\d{3}[ \u00a0\u202f]\d{3}[ \u00a0\u202f]\d{3}[ \u00a0\u202f]\d(?![\d])/g },
  { kind: "registered-mail tracking number", re: /\b[A-Z]{2}[ \u00a0\u202f]?\d{3}[ \u00a0\u202f]?\d{3}[ \u00a0\u202f]?\d{3}[ \u00a0\u202f]?[A-Z]{2}\b/g },
  { kind: "letter id", re: /\bL[-\u2011]\d{1,18}\b/g },
  { kind: "reference", re: /\b[A-Z]{1,4}[-\u2011]\d{4}[-\u2011]\d{6}\b/g },
  { kind: "time", re: /\b\d{1,2}:\d{2}[ \u00a0\u202f]?[ap]\.m\./g },
  { kind: "time", re: /(?<![\d])\d{1,2}[ \u00a0\u202f]h(?:[ \u00a0\u202f]\d{2})?(?![\p{L}\d])/gu },
];

/** Characters a line may break at, inside an identifier. */
export const BREAKABLE = /[ \t\n\r\-\u2010]/;

/**
 * Every identifier or time in the page's text (the document and the components' shadow roots)
 * that could be broken over two lines: not inside an element of class `ttp-id`
 * (white-space: nowrap), and written with a space or a hyphen.
 */
export async function wrappableIdentifiers(page: Page): Promise<string[]> {
  const patterns = IDENTIFIERS.map((p) => ({ kind: p.kind, source: p.re.source, flags: p.re.flags }));
  // Given as text: tsx names the functions it compiles with a helper the page does not have.
  return page.evaluate(`(${FIND_WRAPPABLE})(${JSON.stringify({ patterns, breakable: BREAKABLE.source })})`);
}

/** Runs in the page: see wrappableIdentifiers. */
const FIND_WRAPPABLE = `function ({ patterns, breakable }) {
  const found = [];
  const breaks = new RegExp(breakable);
  function inNoWrap(node) {
    for (let n = node.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
      if (n instanceof Element && n.classList.contains("ttp-id")) return true;
    }
    return false;
  }
  function walk(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      if (n instanceof Element) {
        if (n.shadowRoot) walk(n.shadowRoot);
        continue;
      }
      if (!(n instanceof Text)) continue;
      const parent = n.parentElement;
      if (parent && ["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT"].includes(parent.tagName)) continue;
      const text = n.textContent || "";
      for (const p of patterns) {
        for (const m of text.matchAll(new RegExp(p.source, p.flags))) {
          if (breaks.test(m[0]) && !inNoWrap(n)) found.push(p.kind + ' "' + m[0] + '" in «' + text.trim().replace(/\\s+/g, " ").slice(0, 120) + "»");
        }
      }
    }
  }
  walk(document.body);
  return found;
}`;

/**
 * Text a person would read as a programmer's key: a whole text node such as
 * "membership.approve" or "review.site-validation-recorded" (a message or audit key shown raw).
 */
export async function rawKeys(page: Page): Promise<string[]> {
  return page.evaluate(`(${FIND_RAW_KEYS})()`);
}

const FIND_RAW_KEYS = `function () {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent || "").trim();
    const parent = n.parentElement;
    if (parent && ["SCRIPT", "STYLE", "TEMPLATE"].includes(parent.tagName)) continue;
    if (/^[a-z]+(?:-[a-z]+)*(?:\\.[a-z]+(?:-[a-z]+)*)+$/.test(text)) found.push(text);
  }
  return found;
}`;

/** How far the page is wider than its viewport (0: no horizontal scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Posts the page's own form (the first POST form to the page's own path, or to `action`) as the
 * browser would, its current fields replaced by `fields`: the page's CSRF proof goes with it.
 * Natively submitted, past any checking in the page, so that the server's own answer to wrong
 * input is what the browser shows. Returns the answer's response.
 */
export async function postOwnForm(page: Page, fields: Record<string, string>, action?: string): Promise<Response | null> {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.evaluate(
      ({ fields, action }) => {
        const target = action ?? location.pathname;
        // The attributes, not the properties: a field named "method" or "action" (the sign-in
        // steps have both) hides the form's own form.method and form.action from scripts.
        // (No named function in here: tsx would wrap it in a helper the page does not have.)
        const forms = [...document.forms].filter((f) => (f.getAttribute("method") ?? "get").toLowerCase() === "post" && new URL(f.getAttribute("action") ?? "", location.href).pathname === target);
        const csrf = document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? "";
        const data = forms[0] ? new FormData(forms[0]) : new FormData();
        if (!data.has("_csrf")) data.set("_csrf", csrf);
        for (const [k, v] of Object.entries(fields)) data.set(k, v);
        const form = document.createElement("form");
        form.method = "post";
        form.action = target + (forms[0] ? new URL(forms[0].getAttribute("action") ?? "", location.href).search : "");
        for (const [k, v] of data) {
          if (typeof v !== "string") continue;
          const input = document.createElement("input");
          input.type = "hidden";
          input.name = k;
          input.value = v;
          form.append(input);
        }
        document.body.append(form);
        HTMLFormElement.prototype.submit.call(form);
      },
      { fields, action },
    ),
  ]);
  return response;
}
