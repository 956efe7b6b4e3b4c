// The PIP client number (REG-4): 9 random digits, the first not 0, and 1 check digit by the
// decimal Damm algorithm. Canonical form: 10 digits ("1234567890"); shown as "123 456 789 0".
//
// Damm: the check digit is read off a totally anti-symmetric quasigroup of order 10 (the
// table from H. Michael Damm's 2004 thesis). Running interim ← TABLE[interim][digit] from 0
// over the body gives the check digit; a number is valid when the same run over all of its
// digits ends at 0. It detects every single-digit error and every transposition of two
// adjacent digits (client-number.test.ts checks both exhaustively on samples and by property).

const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export const CLIENT_NUMBER_BODY_LENGTH = 9;
export const CLIENT_NUMBER_LENGTH = CLIENT_NUMBER_BODY_LENGTH + 1;

const CANONICAL = /^[1-9]\d{9}$/;
const CANONICAL_BODY = /^[1-9]\d{8}$/;
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/gu;

function dammInterim(digits: string): number {
  let interim = 0;
  for (let i = 0; i < digits.length; i++) {
    const next = DAMM_TABLE[interim]?.[digits.charCodeAt(i) - 48];
    if (next === undefined) throw new RangeError(`not a digit: ${JSON.stringify(digits[i])}`);
    interim = next;
  }
  return interim;
}

/** The Damm check digit of a 9-digit body whose first digit is not 0. Throws a RangeError otherwise. */
export function clientNumberCheckDigit(body9: string): string {
  if (!CANONICAL_BODY.test(body9)) {
    throw new RangeError(`a client number body is 9 digits, the first not 0: ${JSON.stringify(body9)}`);
  }
  return String(dammInterim(body9));
}

/**
 * A new client number in canonical form. `randomInt(max)` must return a uniformly random
 * integer in [0, max) (e.g. `crypto.randomInt`); a value out of range throws a RangeError.
 */
export function generateClientNumber(randomInt: (maxExclusive: number) => number): string {
  const draw = (max: number): number => {
    const value = randomInt(max);
    if (!Number.isInteger(value) || value < 0 || value >= max) {
      throw new RangeError(`randomInt(${max}) returned ${value}`);
    }
    return value;
  };
  let body = String(1 + draw(9));
  for (let i = 1; i < CLIENT_NUMBER_BODY_LENGTH; i++) body += String(draw(10));
  return body + clientNumberCheckDigit(body);
}

/**
 * Reads a client number as a person types it (spaces and hyphens anywhere). Returns the
 * canonical 10 digits, or null for another character, the wrong length, a leading 0 or a
 * wrong check digit.
 */
export function parseClientNumber(input: string): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const compact = input.replace(SEPARATORS, "");
  if (!CANONICAL.test(compact)) return null;
  return dammInterim(compact) === 0 ? compact : null;
}

/** "1234567890" → "123 456 789 0". Throws a RangeError if not in canonical form. */
export function formatClientNumber(canonical: string): string {
  if (!CANONICAL.test(canonical)) {
    throw new RangeError(`not a canonical client number: ${JSON.stringify(canonical)}`);
  }
  return `${canonical.slice(0, 3)} ${canonical.slice(3, 6)} ${canonical.slice(6, 9)} ${canonical.slice(9)}`;
}
