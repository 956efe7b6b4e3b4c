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
