// The application key (SEC-8): 32 bytes that key every hash of a code or token we keep
// (HMAC-SHA-256) and encrypt the secrets we must read back (TOTP secrets, AES-256-GCM). A
// copy of the database alone then gives an attacker neither: a 6-digit code's keyed hash
// cannot be tried offline, and a TOTP secret cannot be read.
//
// The key is loaded once at start (useAppKey) and held for the process, like the clock:
// hashing happens in many small functions (a session look-up, a code check) that would
// otherwise all need it passed down. Production requires APP_KEY; development generates one
// into DATA_DIR once. Rotation: set the new key as APP_KEY and the old as APP_KEY_PREVIOUS;
// look-ups accept hashes under either, TOTP secrets are re-encrypted under the new key at
// start, and once the longest-lived hashed secret (an activation code, 45 days) has gone,
// APP_KEY_PREVIOUS can be removed.
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface AppKeys {
  current: Buffer;
  previous: Buffer | null;
}

let keys: AppKeys | null = null;

export class AppKeyError extends Error {}

/** Reads a base64 (or base64url) key of exactly 32 bytes. */
export function parseAppKey(text: string, name = "APP_KEY"): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, /[-_]/.test(trimmed) ? "base64url" : "base64");
  if (key.length !== 32 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    throw new AppKeyError(`${name} must be 32 random bytes in base64 (for example: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")`);
  }
  return key;
}

/** A new key, as APP_KEY would hold it. */
export function newAppKeyText(): string {
  return randomBytes(32).toString("base64");
}

/**
 * The development key: read from DATA_DIR/app-key, written there (owner-only) the first
 * time. Never used in production, where APP_KEY is required.
 */
export function developmentAppKey(dataDir: string): Buffer {
  const file = join(dataDir, "app-key");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, `${newAppKeyText()}\n`, { flag: "wx", mode: 0o600 });
    } catch (err) {
      // Another process wrote it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  chmodSync(file, 0o600);
  return parseAppKey(readFileSync(file, "utf8"), file);
}

/** The keys a configuration names: APP_KEY (+ APP_KEY_PREVIOUS), or the development key in DATA_DIR. */
export function resolveAppKeys(setting: { current: Buffer | undefined; previous: Buffer | undefined; generateInto: string }): AppKeys {
  return { current: setting.current ?? developmentAppKey(setting.generateInto), previous: setting.previous ?? null };
}

/** Holds the keys for this process; call once at start, before the database is migrated. */
export function useAppKeys(next: AppKeys): void {
  keys = next;
}

function loaded(): AppKeys {
  if (!keys) throw new AppKeyError("the application key is not loaded (useAppKeys at start)");
  return keys;
}

// A key handed to createHmac as bytes is imported into a KeyObject on every call (tens of
// microseconds, on every request: the session token's hash); imported once per key instead.
const keyObjects = new WeakMap<Buffer, KeyObject>();

function hmac(key: Buffer, purpose: string, value: string): string {
  let keyObject = keyObjects.get(key);
  if (!keyObject) keyObjects.set(key, (keyObject = createSecretKey(key)));
  return createHmac("sha256", keyObject).update(`${purpose}\0${value}`).digest("base64url");
}

/** The keyed hash of `value` for one purpose ("token", "code", "activation"), under the current key. */
export function keyedHash(purpose: string, value: string): string {
  return hmac(loaded().current, purpose, value);
}

/** Every hash `value` may be stored under: the current key's, then the previous key's during a rotation. */
export function keyedHashCandidates(purpose: string, value: string): string[] {
  const k = loaded();
  return k.previous ? [hmac(k.current, purpose, value), hmac(k.previous, purpose, value)] : [hmac(k.current, purpose, value)];
}

/** Whether `stored` is the keyed hash of `value` under the current or previous key; constant time. */
export function keyedHashMatches(purpose: string, value: string, stored: string): boolean {
  const s = Buffer.from(stored);
  let match = false;
  for (const candidate of keyedHashCandidates(purpose, value)) {
    const c = Buffer.from(candidate);
    if (c.length === s.length && timingSafeEqual(c, s)) match = true;
  }
  return match;
}

const SEALED_PREFIX = "sealed1.";

/** Whether a stored value is already encrypted by seal(). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/** AES-256-GCM under the current key: `sealed1.<iv>.<tag>.<ciphertext>` (base64url). */
export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", loaded().current, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return SEALED_PREFIX + [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

function openWith(key: Buffer, stored: string): string | null {
  const [iv = "", tag = "", body = ""] = stored.slice(SEALED_PREFIX.length).split(".");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** Decrypts a sealed value (current key, then previous). Throws when neither key opens it. */
export function unseal(stored: string): string {
  if (!isSealed(stored)) throw new AppKeyError("not a sealed value");
  const k = loaded();
  const plain = openWith(k.current, stored) ?? (k.previous ? openWith(k.previous, stored) : null);
  if (plain === null) throw new AppKeyError("a sealed value opens with neither APP_KEY nor APP_KEY_PREVIOUS");
  return plain;
}

/** Whether a sealed value was sealed under the current key (else it needs re-sealing after a rotation). */
export function sealedUnderCurrentKey(stored: string): boolean {
  return isSealed(stored) && openWith(loaded().current, stored) !== null;
}
