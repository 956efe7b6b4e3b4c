// Identifiers and times a person reads — URNs, client numbers, tracking numbers, letter ids,
// submission references, activation codes, "14 h 18" — are never broken over two lines (issue 15).
import type { Child } from "hono/jsx";

/** An identifier in a page's text: it stays on one line (.ttp-id is white-space: nowrap). */
export function Id(props: { children: Child }) {
  return <span class="ttp-id">{props.children}</span>;
}

/**
 * The same, for text that cannot hold markup (a notice's title, an option's label, a PDF's or an
 * email's text): spaces become no-break spaces and hyphens non-breaking hyphens.
 */
export function unbreakable(value: string): string {
  return value.replace(/ /g, "\u00a0").replace(/-/g, "\u2011");
}

/**
 * A message whose `{name}` placeholders are identifiers: each is rendered with Id, the words
 * around it as text, so one sentence stays one message in each language.
 */
export function WithIds(props: { text: string; ids: Record<string, string> }) {
  const parts = props.text.split(/\{(\w+)\}/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <Id>{props.ids[part] ?? `{${part}}`}</Id> : part))}</>;
}

/** The identifiers and times an email's text may hold (the development mailbox shows them). */
const IN_TEXT = new RegExp(
  [
    /URN-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]/.source,
    /(?<!\d)\d{3} \d{3} \d{3} \d(?!\d)/.source,
    /\b[A-Z]{2} ?\d{3} ?\d{3} ?\d{3} ?[A-Z]{2}\b/.source,
    /\bL-\d{1,18}\b/.source,
    /\b[A-Z]{1,4}-\d{4}-\d{6}\b/.source,
    /\b\d{1,2}:\d{2}[ \u00a0\u202f]?[ap]\.m\./.source,
    /(?<!\d)\d{1,2}[ \u00a0\u202f]h(?:[ \u00a0\u202f]\d{2})?(?![\p{L}\d])/u.source,
  ].join("|"),
  "gu",
);

/** Plain text (an email's body) with each identifier or time in it rendered with Id. */
export function IdsInText(props: { text: string }) {
  const out: Child[] = [];
  let last = 0;
  for (const m of props.text.matchAll(IN_TEXT)) {
    out.push(props.text.slice(last, m.index), <Id>{m[0]}</Id>);
    last = m.index + m[0].length;
  }
  out.push(props.text.slice(last));
  return <>{out}</>;
}
