// The GCKey username and password rules (ID-2), checked on the server.
//
// Passwords follow NIST SP 800-63B and OWASP ASVS rather than composition rules: 12 to 128
// characters (Unicode code points after NFC normalization), any characters except the ones
// the source system forbids, not containing the username, not on a list of common
// passwords. No rule about upper case, digits or symbols. Spaces and accents are allowed.

import { readFileSync } from "node:fs";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const USERNAME_MIN_LENGTH = 8;
export const USERNAME_MAX_LENGTH = 16;

/**
 * The characters the source forbids in a password, in the order SPEC.md lists them:
 * " < > ¢ £ ¤ ¥ ¦ § ¨ © ª « ¬ ® ¯ ° ± ² ³ ´ µ ¶ • · ¸ ¹ º » ¼ ½ ¾ Ð × Ø Þ ß ð ø þ
 * Both U+2022 (bullet) and U+00B7 (middle dot) are refused. Written as escapes so that no
 * editor can swap one look-alike for another.
 */
export const FORBIDDEN_PASSWORD_CHARACTERS =
  "\u0022\u003C\u003E" + // " < >
  "\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC" + // ¢ £ ¤ ¥ ¦ § ¨ © ª « ¬
  "\u00AE\u00AF\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6" + // ® ¯ ° ± ² ³ ´ µ ¶
  "\u2022" + // • bullet
  "\u00B7\u00B8\u00B9\u00BA\u00BB\u00BC\u00BD\u00BE" + // · ¸ ¹ º » ¼ ½ ¾
  "\u00D0\u00D7\u00D8\u00DE\u00DF\u00F0\u00F8\u00FE"; // Ð × Ø Þ ß ð ø þ

const FORBIDDEN = new Set(FORBIDDEN_PASSWORD_CHARACTERS);

export type PasswordRule = "tooShort" | "tooLong" | "forbiddenCharacters" | "containsUsername" | "common";

export type PasswordCheck =
  | { ok: true; normalized: string }
  | { ok: false; failures: PasswordRule[]; forbidden: string[] };

/** The form a password is checked, hashed and compared in: Unicode NFC. */
export function normalizePassword(password: string): string {
  return password.normalize("NFC");
}

/**
 * Checks a new password against every rule at once, on its NFC form (so two inputs that
 * normalize alike always get the same answer). On success, `normalized` is what to hash.
 * On failure, `failures` names every rule that failed (in the order of `PasswordRule`) and
 * `forbidden` the distinct forbidden characters found, in order of first appearance.
 */
export function checkPassword(password: string, username: string): PasswordCheck {
  const normalized = normalizePassword(password);
  const failures: PasswordRule[] = [];

  const length = codePointLength(normalized);
  if (length < PASSWORD_MIN_LENGTH) failures.push("tooShort");
  if (length > PASSWORD_MAX_LENGTH) failures.push("tooLong");

  const forbidden: string[] = [];
  for (const ch of new Set(normalized)) if (FORBIDDEN.has(ch)) forbidden.push(ch);
  if (forbidden.length > 0) failures.push("forbiddenCharacters");

  const lowered = normalized.toLowerCase();
  const name = username.normalize("NFC").toLowerCase();
  if (name.length > 0 && lowered.includes(name)) failures.push("containsUsername");

  if (isCommonPassword(normalized)) failures.push("common");

  return failures.length === 0 ? { ok: true, normalized } : { ok: false, failures, forbidden };
}

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// ---- the common-password list ---------------------------------------------------------

const COMMON_PASSWORDS_FILE = new URL("./lists/common-passwords.txt", import.meta.url);

let commonPasswords: ReadonlySet<string> | undefined;

/** The shipped list (lower case, one a line), read once on first use. */
function commonPasswordSet(): ReadonlySet<string> {
  if (commonPasswords === undefined) {
    const entries = readFileSync(COMMON_PASSWORDS_FILE, "utf8")
      .split(/\r?\n/)
      .filter((line) => line.length > 0)
      .map((line) => line.normalize("NFC").toLowerCase());
    commonPasswords = new Set(entries);
  }
  return commonPasswords;
}

/** Whether the password is on the shipped list (case-insensitive, after NFC). */
export function isCommonPassword(password: string): boolean {
  return commonPasswordSet().has(normalizePassword(password).toLowerCase());
}

/** How many distinct passwords the shipped list holds. */
export function commonPasswordCount(): number {
  return commonPasswordSet().size;
}

// ---- usernames -------------------------------------------------------------------------

const USERNAME = /^[A-Za-z0-9]{8,16}$/;

/**
 * A GCKey username: 8 to 16 ASCII letters and digits, nothing else (no spaces: trim what a
 * form sends before asking). Ask before any normalization: NFC turns the Kelvin sign into K.
 */
export function checkUsername(username: string): "ok" | "invalid" {
  return USERNAME.test(username) ? "ok" : "invalid";
}

/**
 * The form usernames are stored and compared in for uniqueness (case-insensitive). Only the
 * ASCII letters A to Z are lowered: String.toLowerCase would fold the Kelvin sign (U+212A) into
 * "k" and the dotted capital I (U+0130) into "i" plus a dot, so a username typed with a look-
 * alike would reach someone else's account. Anything else is left as typed: it fails
 * checkUsername, and at sign-in it matches no stored username (which are all ASCII).
 */
export function normalizeUsername(username: string): string {
  return username.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
