// The Demo Bank's secrets, made once and kept in the database (never only in memory): the
// private key that signs its ID tokens and the keys that sign its cookies. Several processes
// starting at once agree on one value: the first insert wins and everyone reads it back.
import { generateKeyPair, randomBytes, randomUUID, type JsonWebKey } from "node:crypto";
import { promisify } from "node:util";
import type { DemoPartnerDb } from "./schema.ts";

const SIGNING_KEY = "signing-key";
const COOKIE_KEYS = "cookie-keys";

export interface DemoPartnerSecrets {
  /** A private RSA JWK (RS256) with its kid. */
  signingKey: JsonWebKey & { kid: string; alg: string; use: string };
  cookieKeys: string[];
}

async function loadOrCreate<T>(db: DemoPartnerDb, name: string, create: () => Promise<T>): Promise<T> {
  const existing = await db.selectFrom("demo_partner_keys").select("value").where("name", "=", name).executeTakeFirst();
  if (existing) return existing.value as T;
  const value = await create();
  await db
    .insertInto("demo_partner_keys")
    .values({ name, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const stored = await db.selectFrom("demo_partner_keys").select("value").where("name", "=", name).executeTakeFirstOrThrow();
  return stored.value as T;
}

export async function loadDemoPartnerSecrets(db: DemoPartnerDb): Promise<DemoPartnerSecrets> {
  const signingKey = await loadOrCreate(db, SIGNING_KEY, async () => {
    const { privateKey } = await promisify(generateKeyPair)("rsa", { modulusLength: 2048 });
    return { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), alg: "RS256", use: "sig" };
  });
  const cookieKeys = await loadOrCreate(db, COOKIE_KEYS, () => Promise.resolve([randomBytes(32).toString("base64url")]));
  return { signingKey, cookieKeys };
}
