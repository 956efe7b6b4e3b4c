// Authenticator apps (RFC 6238 TOTP: SHA-1, 6 digits, 30 s), for CBSA staff (STAFF-1) and
// traders (ID-9) alike: a secret, the address an app scans, and the check of a code within one
// step either side of now. Which step was last accepted (a code is used once) is the caller's
// to keep, beside the sealed secret.
import { timingSafeEqual } from "node:crypto";
import * as OTPAuth from "otpauth";
import encodeQR from "qr";

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** Codes of the previous and next step are accepted too (clock drift, typing time). */
export const TOTP_WINDOW = 1;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), in base32. */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads (from a QR code, or typed as its key). */
export function totpUri(issuer: string, label: string, secret: string): string {
  return new OTPAuth.TOTP({ issuer, label, secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: TOTP_DIGITS, period: TOTP_PERIOD_S }).toString();
}

/** The time step of `now` (RFC 6238: seconds since the epoch ÷ 30). */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_S);
}

/** The step (within ±1 of now) whose code is `code`, or null. Compared in constant time. */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  const current = totpStep(now);
  const given = Buffer.from(code);
  let found: number | null = null;
  for (let delta = -TOTP_WINDOW; delta <= TOTP_WINDOW; delta++) {
    const expected = Buffer.from(OTPAuth.HOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: TOTP_DIGITS, counter: current + delta }));
    if (expected.length === given.length && timingSafeEqual(expected, given) && found === null) found = current + delta;
  }
  return found;
}

/** The secret in groups of 4, as authenticator apps show and accept it when typed. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * The address as a QR code: an SVG drawn on the server (no script, no outside service), as a
 * data: URL for an <img> (the CSP allows data: images). Dark modules on a white square with
 * the quiet zone QR readers need.
 */
export function totpQrDataUrl(uri: string): string {
  const svg = encodeQR(uri, "svg", { ecc: "medium", border: 4, optimize: true }).replace(/(<svg[^>]*>)/, '$1<rect width="100%" height="100%" fill="#fff"/>');
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}
