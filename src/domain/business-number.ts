// The Canada Revenue Agency business number (BN, REG-2): 9 digits, the last a Luhn check
// digit over the first 8 — the check python-stdnum's `stdnum.ca.bn` applies. A program
// account number (BN15) adds a 2-letter program identifier and a 4-digit reference number,
// e.g. "123456782 RM 0001" (RM: import/export). The portal keeps the 9-digit BN.
//
// Reading is forgiving as stdnum's `compact` is: spaces and hyphens anywhere (here also any
// whitespace and the Unicode dashes), letters in either case. Unlike stdnum, any two letters
// are accepted as a program identifier (the CRA has more than RC, RM, RP and RT).

export interface ParsedBusinessNumber {
  /** The 9-digit business number, digits only. */
  bn9: string;
  /** The 15-character program account number ("123456782RM0001", upper case) if one was typed. */
  programAccount: string | null;
}

const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/gu;
const BN9 = /^\d{9}$/;
const BN15 = /^(\d{9})([A-Z]{2})(\d{4})$/;

/**
 * Whether a string of ASCII digits passes the Luhn (mod 10) check: from the right, every
 * second digit doubled (less 9 when over 9), the sum a multiple of 10. False for an empty
 * string or any character that is not 0–9.
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Reads a business number as a person types it: 9 digits, or the 15-character program
 * account form; spaces and hyphens anywhere; letters in either case. Null when the length,
 * the characters or the check digit are wrong.
 */
export function parseBusinessNumber(input: string): ParsedBusinessNumber | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const typed = input.replace(SEPARATORS, "");
  // ASCII only, before upper-casing: "ﬀ".toUpperCase() is "FF".
  if (!/^[0-9A-Za-z]+$/.test(typed)) return null;
  const compact = typed.toUpperCase();
  let bn9: string;
  let programAccount: string | null = null;
  if (BN9.test(compact)) {
    bn9 = compact;
  } else {
    const match = BN15.exec(compact);
    if (match === null || match[1] === undefined) return null;
    bn9 = match[1];
    programAccount = compact;
  }
  return luhnValid(bn9) ? { bn9, programAccount } : null;
}

/** "123456782" → "123 456 782". Throws a RangeError unless given exactly 9 digits. */
export function formatBusinessNumber(bn9: string): string {
  if (!BN9.test(bn9)) throw new RangeError(`a business number is 9 digits: ${JSON.stringify(bn9)}`);
  return `${bn9.slice(0, 3)} ${bn9.slice(3, 6)} ${bn9.slice(6)}`;
}
