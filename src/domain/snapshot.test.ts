import { test } from "node:test";
import assert from "node:assert/strict";
import { canonicalJson, sha256Hex, snapshotDifferences, type Snapshot } from "./snapshot.ts";

test("canonical JSON orders keys by code point at every depth, drops undefined members and has no whitespace", () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [3, { z: null, y: "é" }], c: undefined }, B: true }), '{"B":true,"a":{"d":[3,{"y":"é","z":null}]},"b":1}');
  assert.equal(canonicalJson({ b: 1, a: 2 }), canonicalJson({ a: 2, b: 1 }));
  assert.equal(canonicalJson([undefined, 1]), "[null,1]");
  assert.equal(canonicalJson("line\nbreak \u2028"), JSON.stringify("line\nbreak \u2028"));
  assert.throws(() => canonicalJson({ n: Number.NaN }), TypeError);
});

test("the SHA-256 is of the canonical text's UTF-8 bytes", () => {
  assert.equal(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  assert.equal(sha256Hex("\u00e9"), "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
  assert.notEqual(sha256Hex(canonicalJson({ a: 1 })), sha256Hex(canonicalJson({ a: 2 })));
});

function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    format: 1,
    kind: "application",
    reference: "PIP-2026-000001",
    catalogueVersion: "2026-1",
    company: {
      id: "1",
      legalName: "Maple Freight Inc.",
      operatingName: null,
      clientNumber: "1234567890",
      bn9: null,
      programAccount: null,
      carrierCode: null,
      linesOfBusiness: ["importer"],
      businessStartedOn: "2010-01-01",
      employeeCount: 10,
      website: null,
      headOffice: {},
      mailingAddress: null,
      facilities: [],
      primaryContact: null,
    },
    application: { answers: { "GEN-1": { value: "yes" } }, evidence: {} },
    divisions: [
      {
        id: "5",
        name: "Main",
        lines: ["importer"],
        facilities: [],
        answers: { "RA-1": { value: "yes" }, "RA-2": { value: "no", explanation: "Planned" } },
        evidence: { "RA-1": [{ id: "9", fileName: "plan.pdf", size: 10, mime: "application/pdf", sha256: "a".repeat(64), scanStatus: "clean" }] },
      },
    ],
    submittedBy: { personId: "3", name: "Ann Owner", declaredName: "Ann Owner" },
    submittedAt: "2026-12-01T15:00:00.000Z",
    ...over,
  };
}

test("no differences between a snapshot and itself, whatever its reference and date", () => {
  assert.deepEqual(snapshotDifferences(snapshot(), snapshot({ reference: "PIP-2026-000002", submittedAt: "2027-01-01T00:00:00.000Z", kind: "response" })), []);
});

test("differences name what was added, changed and removed: company fields, answers, evidence, divisions", () => {
  const before = snapshot();
  const after = snapshot({
    company: { ...before.company, employeeCount: 12 },
    application: { answers: { "GEN-1": { value: "yes" }, "GEN-2": { value: 4 } }, evidence: {} },
    divisions: [
      {
        ...before.divisions[0]!,
        name: "Main division",
        answers: { "RA-1": { value: "yes" } },
        evidence: { "RA-1": [{ id: "11", fileName: "plan-2027.pdf", size: 12, mime: "application/pdf", sha256: "b".repeat(64), scanStatus: "clean" }] },
      },
      { id: "6", name: "Cross-dock", lines: ["warehouse"], facilities: [], answers: {}, evidence: {} },
    ],
  });
  const found = snapshotDifferences(before, after).map((d) => `${d.subject} ${d.itemId} ${d.change}`);
  assert.deepEqual(found, [
    "company employeeCount changed",
    "application GEN-2 added",
    "division:5 division changed",
    "division:5 RA-1 changed",
    "division:5 RA-2 removed",
    "division:6 division added",
  ]);
});
