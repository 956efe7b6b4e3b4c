// The user reference number (URN, ID-4): 8 random characters from the Crockford base-32
// alphabet and 1 check character from the same alphabet. Canonical form: 9 upper-case
// characters, no prefix, no separators ("7K4Q9XMTR"); shown as "URN-7K4Q-9XMT-R".
//
// The check character is a Damm-style check over GF(32). Each character is a field element
// (its index in the alphabet); the quasigroup is x ∘ y = α·x ⊕ y, with the field built on
// the primitive polynomial x⁵ + x² + 1 and α = x (the element 2). Running the interim
// r ← r ∘ d over the 8 characters from r = 0, the check character c is the one with
// r ∘ c = 0, i.e. c = α·r; a URN is valid when the same run over all 9 characters ends at 0.
//
// Why it catches what it must: the final interim is Σ α^(8−i)·d_i (a linear map).
// - A substitution d → d' at position i changes it by α^k·(d ⊕ d'), non-zero since α ≠ 0.
// - Swapping neighbours a ≠ b changes it by α^k·(α ⊕ 1)·(a ⊕ b), non-zero since α ≠ 1.
// (urn.test.ts checks both exhaustively on samples and by property.)

export const URN_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const URN_BODY_LENGTH = 8;
export const URN_LENGTH = URN_BODY_LENGTH + 1;

/** x⁵ + x² + 1, primitive over GF(2). */
const PRIMITIVE_POLYNOMIAL = 0b100101;

/** α·x in GF(32), with α = x (the element 2). */
function timesAlpha(x: number): number {
  const shifted = x << 1;
  return shifted & 0b100000 ? shifted ^ PRIMITIVE_POLYNOMIAL : shifted;
}

/** The quasigroup operation x ∘ y = α·x ⊕ y. */
function step(interim: number, digit: number): number {
  return timesAlpha(interim) ^ digit;
}

const VALUE_OF = new Map<string, number>(Array.from(URN_ALPHABET, (ch, i) => [ch, i]));

/** Character → value for typed input: both cases, O read as 0, I and L read as 1. */
const TYPED_VALUE = new Map<string, number>();
for (const [ch, value] of VALUE_OF) {
  TYPED_VALUE.set(ch, value);
  TYPED_VALUE.set(ch.toLowerCase(), value);
}
for (const ch of "oO") TYPED_VALUE.set(ch, 0);
for (const ch of "iIlL") TYPED_VALUE.set(ch, 1);

/** Separators a person may type or paste anywhere: whitespace and hyphens or dashes. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/gu;

const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{9}$/;
const CANONICAL_BODY = /^[0-9A-HJKMNP-TV-Z]{8}$/;

function charAt(value: number): string {
  const ch = URN_ALPHABET[value];
  if (ch === undefined) throw new RangeError(`not a GF(32) element: ${value}`);
  return ch;
}

function interimOf(canonical: string): number {
  let interim = 0;
  for (const ch of canonical) {
    const value = VALUE_OF.get(ch);
    if (value === undefined) throw new RangeError(`not a URN character: ${JSON.stringify(ch)}`);
    interim = step(interim, value);
  }
  return interim;
}

/**
 * The check character for an 8-character body in canonical form (upper-case Crockford
 * base-32, no separators). Throws a RangeError for anything else.
 */
export function urnCheckCharacter(body8: string): string {
  if (!CANONICAL_BODY.test(body8)) {
    throw new RangeError(`a URN body is 8 upper-case Crockford base-32 characters: ${JSON.stringify(body8)}`);
  }
  // r ∘ c = α·r ⊕ c = 0  ⇔  c = α·r.
  return charAt(timesAlpha(interimOf(body8)));
}

/**
 * A new URN in canonical form. `randomBytes(n)` must return n cryptographically random bytes
 * (e.g. `crypto.randomBytes`); each character takes the low 5 bits of one byte, which is
 * uniform because 256 is a multiple of 32.
 */
export function generateUrn(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(URN_BODY_LENGTH);
  if (bytes.length < URN_BODY_LENGTH) {
    throw new RangeError(`randomBytes(${URN_BODY_LENGTH}) returned ${bytes.length} bytes`);
  }
  let body = "";
  for (let i = 0; i < URN_BODY_LENGTH; i++) body += charAt((bytes[i] ?? 0) & 0b11111);
  return body + urnCheckCharacter(body);
}

/** "7K4Q9XMTR" → "URN-7K4Q-9XMT-R". Throws a RangeError if not in canonical form. */
export function formatUrn(canonical: string): string {
  if (!CANONICAL.test(canonical)) {
    throw new RangeError(`not a canonical URN: ${JSON.stringify(canonical)}`);
  }
  return `URN-${canonical.slice(0, 4)}-${canonical.slice(4, 8)}-${canonical.slice(8)}`;
}

/**
 * Reads a URN as a person types it: any case, with or without the "URN" prefix, with spaces
 * or hyphens anywhere, O read as 0 and I/L as 1. Returns the canonical form, or null when the
 * input has another character (U included), the wrong length or the wrong check character.
 */
export function parseUrn(input: string): string | null {
  // Nothing longer can be a URN; this also bounds the work on hostile input.
  if (input.length > 64) return null;
  let compact = input.replace(SEPARATORS, "");
  // A URN never contains U, so a leading "URN" can only be the prefix.
  if (/^urn/i.test(compact)) compact = compact.slice(3);
  if (compact.length !== URN_LENGTH) return null;
  let canonical = "";
  let interim = 0;
  for (const ch of compact) {
    const value = TYPED_VALUE.get(ch);
    if (value === undefined) return null;
    canonical += charAt(value);
    interim = step(interim, value);
  }
  return interim === 0 ? canonical : null;
}
