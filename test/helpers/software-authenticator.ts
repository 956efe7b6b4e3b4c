// A software WebAuthn authenticator for unit and HTTP tests: a P-256 key pair made with
// node:crypto, and the bytes a real authenticator and browser would send — an attestation
// object (fmt "none": authenticator data with the RP ID's hash, the flags, the signature
// counter, an AAGUID, the credential id and the public key as a COSE key, all CBOR-encoded
// here by hand) with its clientDataJSON, then assertions signed by the private key over the
// authenticator data and the hash of their clientDataJSON. Nothing is hand-made JSON that the
// verifier would not check: @simplewebauthn/server parses and verifies every byte.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

// ---- a minimal CBOR encoder (RFC 8949): what attestation objects and COSE keys use ----------

type Cbor = number | string | Uint8Array | Map<number | string, Cbor> | { [key: string]: Cbor };

function head(major: number, value: number): Buffer {
  if (value < 24) return Buffer.from([(major << 5) | value]);
  if (value < 0x100) return Buffer.from([(major << 5) | 24, value]);
  if (value < 0x10000) {
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(value, 1);
    return b;
  }
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(value, 1);
  return b;
}

export function cborEncode(value: Cbor): Buffer {
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new Error("only integers");
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  const entries: [number | string, Cbor][] = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([k, v]) => [cborEncode(k), cborEncode(v)])]);
}

// ---- the authenticator -------------------------------------------------------------------

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

function sha256(data: Uint8Array | string): Buffer {
  return createHash("sha256").update(data).digest();
}

/** A registration response as @simplewebauthn/browser's startRegistration() returns it. */
export interface RegistrationResponse {
  id: string;
  rawId: string;
  type: "public-key";
  response: { clientDataJSON: string; attestationObject: string; transports: string[] };
  clientExtensionResults: Record<string, never>;
  authenticatorAttachment: "platform" | "cross-platform";
}

/** An authentication response as startAuthentication() returns it. */
export interface AuthenticationResponse {
  id: string;
  rawId: string;
  type: "public-key";
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle?: string };
  clientExtensionResults: Record<string, never>;
  authenticatorAttachment: "platform" | "cross-platform";
}

export interface SoftwareAuthenticatorOptions {
  /** The origin the "browser" runs on (clientDataJSON.origin). */
  origin: string;
  /** The RP ID whose hash goes into the authenticator data (defaults to the origin's host). */
  rpId?: string;
  /** Whether the credential is synced (backup eligible and backed up): a "passkey" in a password manager. */
  backedUp?: boolean;
  /** Whether the authenticator verifies the user (PIN, biometrics). */
  userVerified?: boolean;
}

/** One credential on a software authenticator: its key, its id and its signature counter. */
export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  /** The signature counter the next assertion carries (after incrementing). */
  counter = 0;
  readonly origin: string;
  readonly rpId: string;
  private readonly backedUp: boolean;
  private readonly userVerified: boolean;

  constructor(options: SoftwareAuthenticatorOptions) {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    this.origin = options.origin;
    this.rpId = options.rpId ?? new URL(options.origin).hostname;
    this.backedUp = options.backedUp ?? false;
    this.userVerified = options.userVerified ?? true;
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private flags(extra: number): number {
    return FLAG_UP | (this.userVerified ? FLAG_UV : 0) | (this.backedUp ? FLAG_BE | FLAG_BS : 0) | extra;
  }

  private counterBytes(): Buffer {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(this.counter, 0);
    return b;
  }

  /** The public key as a COSE_Key (EC2, ES256, P-256). */
  coseKey(): Buffer {
    const jwk = this.publicKey.export({ format: "jwk" });
    return cborEncode(
      new Map<number, Cbor>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, "base64url")],
        [-3, Buffer.from(jwk.y!, "base64url")],
      ]),
    );
  }

  /** Answers navigator.credentials.create() for `options` (the server's creation options JSON). */
  register(options: { challenge: string; rp?: { id?: string } }, settings: { origin?: string; rpId?: string; transports?: string[] } = {}): RegistrationResponse {
    const rpId = settings.rpId ?? this.rpId;
    const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.create", challenge: options.challenge, origin: settings.origin ?? this.origin, crossOrigin: false }));
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length, 0);
    const authData = Buffer.concat([sha256(rpId), Buffer.from([this.flags(FLAG_AT)]), this.counterBytes(), Buffer.alloc(16), idLength, this.credentialId, this.coseKey()]);
    const attestationObject = cborEncode({ fmt: "none", attStmt: {}, authData });
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: settings.transports ?? ["internal", "hybrid"] },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  /**
   * Answers navigator.credentials.get() for `options` (the server's request options JSON): the
   * counter moves up by one (unless `counter` sets it), and the assertion is signed.
   */
  authenticate(options: { challenge: string }, settings: { origin?: string; rpId?: string; counter?: number } = {}): AuthenticationResponse {
    this.counter = settings.counter ?? this.counter + 1;
    const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge: options.challenge, origin: settings.origin ?? this.origin, crossOrigin: false }));
    const authenticatorData = Buffer.concat([sha256(settings.rpId ?? this.rpId), Buffer.from([this.flags(0)]), this.counterBytes()]);
    const signature = sign("sha256", Buffer.concat([authenticatorData, sha256(clientDataJSON)]), this.privateKey); // DER, as WebAuthn wants
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authenticatorData), signature: b64url(signature) },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }
}
