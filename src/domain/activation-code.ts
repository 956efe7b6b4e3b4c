// The activation code (REG-4, REG-5): 12 random characters from an alphabet without the
// characters people confuse (no 0/O, 1/I/L, U), read in either case. Canonical form: 12
// upper-case characters ("ABCDEFGHJKMN"); shown as "ABCD-EFGH-JKMN". 30 characters give
// 12·log2(30) ≈ 58.9 bits. The code is stored only as a hash (by the feature, not here). It
// expires exactly 45 × 24 hours after it is issued.

export const ACTIVATION_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const ACTIVATION_CODE_LENGTH = 12;
export const ACTIVATION_CODE_VALIDITY_DAYS = 45;

const VALIDITY_MS = ACTIVATION_CODE_VALIDITY_DAYS * 24 * 60 * 60 * 1000;
const ALPHABET_SET = new Set(ACTIVATION_CODE_ALPHABET);
const CANONICAL = new RegExp(`^[${ACTIVATION_CODE_ALPHABET}]{${ACTIVATION_CODE_LENGTH}}$`);
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/gu;

/**
 * A new activation code in canonical form. `randomInt(max)` must return a uniformly random
 * integer in [0, max) (e.g. `crypto.randomInt`, which rejects rather than reduces modulo),
 * so each character is uniform over the alphabet; a value out of range throws a RangeError.
 */
export function generateActivationCode(randomInt: (maxExclusive: number) => number): string {
  const size = ACTIVATION_CODE_ALPHABET.length;
  let code = "";
  for (let i = 0; i < ACTIVATION_CODE_LENGTH; i++) {
    const value = randomInt(size);
    const ch = Number.isInteger(value) ? ACTIVATION_CODE_ALPHABET[value] : undefined;
    if (ch === undefined) throw new RangeError(`randomInt(${size}) returned ${value}`);
    code += ch;
  }
  return code;
}

/** "ABCDEFGHJKMN" → "ABCD-EFGH-JKMN". Throws a RangeError if not in canonical form. */
export function formatActivationCode(code: string): string {
  if (!CANONICAL.test(code)) throw new RangeError(`not a canonical activation code: ${JSON.stringify(code)}`);
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * Reads an activation code as a person types it: spaces and hyphens anywhere, either case.
 * Returns the canonical form, or null for the wrong length or a character outside the
 * alphabet (0, O, 1, I, L and U included: they are never in a code).
 */
export function normalizeActivationCode(input: string): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const compact = input.replace(SEPARATORS, "");
  // Check ASCII before upper-casing: "ß".toUpperCase() is "SS".
  if (compact.length !== ACTIVATION_CODE_LENGTH || !/^[0-9A-Za-z]+$/.test(compact)) return null;
  const upper = compact.toUpperCase();
  for (const ch of upper) if (!ALPHABET_SET.has(ch)) return null;
  return upper;
}

function timeOf(date: Date, what: string): number {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new RangeError(`${what} is not a valid Date`);
  return time;
}

/** The instant an activation code issued at `issuedAt` expires: exactly 45 × 24 h later. */
export function activationCodeExpiry(issuedAt: Date): Date {
  return new Date(timeOf(issuedAt, "issuedAt") + VALIDITY_MS);
}

/** Whether a code issued at `issuedAt` has expired at `now` (it has at exactly 45 days). */
export function isActivationCodeExpired(issuedAt: Date, now: Date): boolean {
  return timeOf(now, "now") >= activationCodeExpiry(issuedAt).getTime();
}
