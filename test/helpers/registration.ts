// Registration steps over HTTP, and reading a letter as the mail room prints it.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestPortal } from "./app.ts";
import type { TestClient } from "./client.ts";
import { renderActivationLetters, type ActivationLetter } from "../../src/platform/pdf/letters.ts";

export const ELIGIBLE = {
  country: "CA",
  lines: "importer",
  ownsOrOperatesFacilities: "yes",
  tradeHistory12Months: "yes",
  movementLast90Days: "yes",
  solvent: "yes",
  noRelevantConvictions: "yes",
  carmRegistered: "yes",
};

/** Valid business numbers (Luhn) for tests. */
export const BNS = ["123456782", "100000009", "200000008", "300000007", "400000006", "500000005", "600000004", "700000003", "800000002"];

export async function registerCompany(
  client: TestClient,
  lang: "en" | "fr",
  company: { legalName: string; bn: string; locale?: "en" | "fr" },
): Promise<void> {
  const go = async (path: string, fields: Record<string, string>, next: string) => {
    const res = await client.postForm(`/${lang}/registration/${path}`, fields);
    assert.equal(res.status, 303, `${path}: ${res.status} ${res.status === 422 ? (await res.text()).match(/error-message="[^"]*"/g)?.join(" ") : ""}`);
    assert.equal(res.headers.get("location"), next);
  };
  await go("eligibility", ELIGIBLE, `/${lang}/registration/identity`);
  await go("identity", { legalName: company.legalName, businessNumber: company.bn, correspondenceLocale: company.locale ?? lang }, `/${lang}/registration/address`);
  await go("address", { line1: "123 rue Principale", city: "Gatineau", region: "QC", postalCode: "J8X 1A1" }, `/${lang}/registration/confirm`);
  await go("confirm", {}, `/${lang}/registration?registered=1`);
}

let warned = false;
/** pdftotext (Debian's poppler-utils) reads the printed letter; CI always has it. */
export function hasPdftotext(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    if (process.env.CI === "true") throw new Error("CI=true but pdftotext (poppler-utils) is missing");
    if (!warned) process.stdout.write("# pdftotext not found (apt-get install poppler-utils): letters are read from their content, not their PDF\n");
    warned = true;
    return false;
  }
}

function letterTextWithoutPoppler(letter: ActivationLetter): string {
  return [letter.recipient.join("\n"), ...letter.blocks.flatMap((b) => [b.labels.clientNumber, letter.clientNumber, b.labels.activationCode, letter.activationCode, ...b.paragraphs])].join("\n");
}

export function pdftotext(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "ttp-letter-"));
  try {
    writeFileSync(join(dir, "letter.pdf"), pdf);
    return execFileSync("pdftotext", ["-layout", join(dir, "letter.pdf"), "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The client number and activation code printed in a company's latest queued letter. */
export async function readQueuedLetter(portal: TestPortal, legalName: string): Promise<{ clientNumber: string; code: string; text: string }> {
  const row = await portal.database.db
    .selectFrom("letters")
    .innerJoin("companies", "companies.id", "letters.company_id")
    .select(["letters.content"])
    .where("companies.legal_name", "=", legalName)
    .where("letters.status", "=", "queued")
    .orderBy("letters.id", "desc")
    .executeTakeFirstOrThrow();
  const letter = row.content as unknown as ActivationLetter;
  const text = hasPdftotext() ? pdftotext(await renderActivationLetters([letter])) : letterTextWithoutPoppler(letter);
  const clientNumber = /\b(\d{3} \d{3} \d{3} \d)\b/.exec(text)?.[1];
  const code = /\b([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})\b/.exec(text)?.[1];
  assert.ok(clientNumber && code, `the letter prints a client number and a code:\n${text}`);
  return { clientNumber, code, text };
}
