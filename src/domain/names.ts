// Comparing what a person typed with what a record holds, for identifying people (USR-3,
// USR-4) and searching for them (STAFF-3): case, accents and spacing are not what makes two
// names different ("  lévesque-Roy " is "Levesque-Roy"), while letters and their order are.

/** A name or search term folded for comparison: NFKD without marks, lower case, one space. */
export function foldName(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLocaleLowerCase("en-CA")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Whether two names are the same name, ignoring case, accents and spacing. */
export function namesMatch(typed: string, recorded: string): boolean {
  const a = foldName(typed);
  return a.length > 0 && a === foldName(recorded);
}

/** Email addresses compared the way the portal stores them: trimmed, lower case. */
export function emailsMatch(typed: string, recorded: string): boolean {
  const a = typed.trim().toLowerCase();
  return a.length > 0 && a === recorded.trim().toLowerCase();
}

/**
 * What the TCCU may search a person by (STAFF-3), folded: each word of the names, the whole
 * names, the email address and its local part, and the URN. A search matches by prefix.
 */
export function searchTerms(p: { given_name: string; family_name: string; email: string; urn: string }): string[] {
  const terms = new Set<string>();
  for (const name of [p.given_name, p.family_name]) {
    const folded = foldName(name);
    if (folded) terms.add(folded);
    for (const word of folded.split(/[\s'’.-]+/)) if (word) terms.add(word);
  }
  const email = p.email.trim().toLowerCase();
  terms.add(email);
  terms.add(email.split("@")[0]!);
  terms.add(p.urn.toLowerCase());
  return [...terms].map((t) => t.slice(0, 200));
}

/** A search typed by a person, as words to match by prefix against `searchTerms`. */
export function searchWords(query: string): string[] {
  const folded = foldName(query.slice(0, 200));
  const words = folded.split(/[\s,;]+/).filter(Boolean);
  return [...new Set(words)].slice(0, 5);
}
