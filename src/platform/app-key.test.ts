import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { developmentAppKey, isSealed, keyedHash, keyedHashCandidates, keyedHashMatches, parseAppKey, seal, sealedUnderCurrentKey, unseal, useAppKeys } from "./app-key.ts";

const K1 = Buffer.alloc(32, 1);
const K2 = Buffer.alloc(32, 2);

describe("the application key (SEC-8)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ttp-app-key-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("keys hashes: the same value and purpose give the same hash under one key, another under another key or purpose", () => {
    useAppKeys({ current: K1, previous: null });
    const a = keyedHash("code", "123456");
    assert.equal(keyedHash("code", "123456"), a);
    assert.notEqual(keyedHash("token", "123456"), a, "purposes are kept apart");
    useAppKeys({ current: K2, previous: null });
    assert.notEqual(keyedHash("code", "123456"), a, "without the key, the hash cannot be computed");
    assert.equal(keyedHashMatches("code", "123456", a), false);
  });

  it("during a rotation accepts hashes under the previous key too, and only those two", () => {
    useAppKeys({ current: K1, previous: null });
    const old = keyedHash("activation", "ABCDEFGHJKMN");
    useAppKeys({ current: K2, previous: K1 });
    assert.equal(keyedHashMatches("activation", "ABCDEFGHJKMN", old), true);
    assert.deepEqual(keyedHashCandidates("activation", "ABCDEFGHJKMN")[1], old);
    assert.equal(keyedHashMatches("activation", "ABCDEFGHJKMP", old), false);
    useAppKeys({ current: K2, previous: null });
    assert.equal(keyedHashMatches("activation", "ABCDEFGHJKMN", old), false, "once the previous key is retired");
  });

  it("seals secrets with AES-256-GCM: each seal differs, opens only with the key, and is re-sealable after a rotation", () => {
    useAppKeys({ current: K1, previous: null });
    const a = seal("JBSWY3DPEHPK3PXP");
    const b = seal("JBSWY3DPEHPK3PXP");
    assert.ok(isSealed(a));
    assert.notEqual(a, b, "a fresh IV each time");
    assert.ok(!a.includes("JBSWY3DPEHPK3PXP"));
    assert.equal(unseal(a), "JBSWY3DPEHPK3PXP");
    const tampered = a.slice(0, -2) + (a.endsWith("A") ? "B" : "A") + a.slice(-1);
    assert.throws(() => unseal(tampered), /opens with neither/);
    useAppKeys({ current: K2, previous: K1 });
    assert.equal(unseal(a), "JBSWY3DPEHPK3PXP");
    assert.equal(sealedUnderCurrentKey(a), false);
    assert.equal(sealedUnderCurrentKey(seal("x")), true);
    useAppKeys({ current: K2, previous: null });
    assert.throws(() => unseal(a), /opens with neither/);
  });

  it("parses only 32 bytes of base64 or base64url", () => {
    assert.deepEqual(parseAppKey(K1.toString("base64")), K1);
    assert.deepEqual(parseAppKey(Buffer.alloc(32, 0xfb).toString("base64url")), Buffer.alloc(32, 0xfb));
    assert.throws(() => parseAppKey("c2hvcnQ="), /32 random bytes/);
    assert.throws(() => parseAppKey("not base64 at all!!"), /32 random bytes/);
  });

  it("generates the development key once into DATA_DIR, readable by its owner only, and reads it back", () => {
    const first = developmentAppKey(dir);
    assert.equal(first.length, 32);
    assert.deepEqual(developmentAppKey(dir), first);
    const file = join(dir, "app-key");
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(parseAppKey(readFileSync(file, "utf8")), first);
  });
});
