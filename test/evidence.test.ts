// Evidence files over HTTP (APP-9), on the embedded folder store and on S3-protocol object
// storage (an s3rver on 127.0.0.1), the same suite for both: a real PDF and a PNG attached,
// listed and downloaded (attachment, nosniff); an executable named .pdf, a file one byte over
// 20 MB and an upload the client breaks off are refused and leave nothing in the store; a file
// of company A is not served to a user of company B nor to an admin-only user of A; a draft's
// file can be removed. A real clamd (when installed; always in CI) refuses the EICAR test file.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { person, signUpAndSignIn } from "./helpers/identity.ts";
import type { TestClient } from "./helpers/client.ts";
import { authorizedCompany, memberOf } from "./helpers/companies.ts";
import { elfFile, largePdf, pdfFile, pngFile } from "./helpers/evidence-files.ts";
import { startS3Server, type TestS3Server } from "./helpers/s3-server.ts";
import { clamdTests, EICAR, startClamd, type TestClamd } from "./helpers/clamd.ts";

const MB = 1024 * 1024;

function notices(html: string): string[] {
  return [...html.matchAll(/notice-title="([^"]*)"/g)].map((m) => m[1]!);
}

function errorsOn(html: string): string[] {
  return [...html.matchAll(/class="ttp-error-text"[^>]*>([^<]*)</g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
}

/** Posts one file to an evidence form as a browser does: the CSRF field and the item first, then the file. */
function upload(client: TestClient, path: string, item: string, name: string, body: Uint8Array | ReadableStream<Uint8Array>, type = "application/pdf"): Promise<Response> {
  const boundary = `----ttp${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrfToken()}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${item}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const stream =
    body instanceof Uint8Array
      ? new Blob([head, Buffer.from(body), tail]).stream()
      : new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(head);
            const reader = body.getReader();
            try {
              for (;;) {
                const { done, value } = await reader.read();
                if (done) break;
                controller.enqueue(value);
              }
              controller.enqueue(tail);
              controller.close();
            } catch (err) {
              controller.error(err);
            }
          },
        });
  return client.request(path, {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: "http://localhost", "sec-fetch-site": "same-origin" },
    body: stream,
    duplex: "half",
  } as RequestInit & { headers: Record<string, string> });
}

function streamOf(iterable: AsyncIterable<Uint8Array>, failAfter?: number): ReadableStream<Uint8Array> {
  const it: AsyncIterator<Uint8Array> = iterable[Symbol.asyncIterator]();
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (failAfter !== undefined && sent >= failAfter) {
        controller.error(new Error("the client went away"));
        return;
      }
      const next: IteratorResult<Uint8Array> = await it.next();
      if (next.done) controller.close();
      else {
        sent += next.value.byteLength;
        controller.enqueue(next.value);
      }
    },
  });
}

for (const storage of ["folder", "s3"] as const) {
  describe(`evidence files (APP-9) on the ${storage === "folder" ? "embedded folder store" : "S3-protocol object store"}`, () => {
    let portal: TestPortal;
    let s3: TestS3Server | undefined;
    let owner: TestClient;
    let adminOnly: TestClient;
    let outsider: TestClient;
    let companyId: string;
    let page: string;
    let evidencePath: string;

    const storedKeys = async (): Promise<string[]> => {
      if (s3) return s3.listKeys();
      const dir = (portal.deps.config.storage as { dir: string }).dir;
      return (await readdir(dir).catch(() => [] as string[])).sort();
    };

    before(async () => {
      if (storage === "s3") s3 = await startS3Server();
      portal = await createTestPortal({ env: s3 ? { STORAGE_URL: s3.storageUrl, S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" } : {} });
      owner = await signUpAndSignIn(portal, person(`ev${storage}1`));
      adminOnly = await signUpAndSignIn(portal, person(`ev${storage}2`));
      outsider = await signUpAndSignIn(portal, person(`ev${storage}3`));
      companyId = await authorizedCompany(portal, `Preuves ${storage} inc.`, await memberOf(portal, owner), [{ member: await memberOf(portal, adminOnly), role: "admin-only" }]);
      await authorizedCompany(portal, `Autre ${storage} inc.`, await memberOf(portal, outsider));
      const security = await (await owner.get(`/en/companies/${companyId}/security`)).text();
      const divisionId = /security\/divisions\/(\d+)"/.exec(security)![1]!;
      page = `/en/companies/${companyId}/security/divisions/${divisionId}/risk-assessment`;
      evidencePath = `/en/companies/${companyId}/security/divisions/${divisionId}/evidence`;
    });
    after(async () => {
      await portal.close();
      await s3?.close();
    });

    it("attaches a real PDF and a PNG, lists them, and serves them only as downloads", async () => {
      const pdf = await pdfFile();
      const res = await upload(owner, evidencePath, "RA-1", "C:\\Users\\chloe\\Évaluation des risques 2026.pdf", pdf);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get("location"), `${page}?uploaded=1#evidence-RA-1`);
      const png = await upload(owner, evidencePath, "RA-1", "plan.png", pngFile(), "image/png");
      assert.equal(png.status, 303);
      const html = await (await owner.get(`${page}?uploaded=1`)).text();
      assert.deepEqual(notices(html), ["The file is attached."]);
      const block = /data-testid="evidence-RA-1"[\s\S]*?<\/section>/.exec(html)![0];
      assert.match(block, /Évaluation des risques 2026\.pdf/, "the name is kept for display, without its folders");
      assert.doesNotMatch(block, /Users/);
      assert.match(block, /<td>PDF<\/td>/);
      assert.match(block, /<td>PNG<\/td>/);
      assert.match(block, /Not scanned/, "no scanner is configured");
      const href = /href="([^"]+\/evidence\/\d+)"/.exec(block)![1]!;
      const download = await owner.get(href);
      assert.equal(download.status, 200);
      assert.equal(download.headers.get("content-type"), "application/pdf");
      assert.equal(download.headers.get("x-content-type-options"), "nosniff");
      assert.match(download.headers.get("content-disposition") ?? "", /^attachment; filename=".*\.pdf"; filename\*=UTF-8''%C3%89valuation/);
      assert.deepEqual(Buffer.from(await download.arrayBuffer()), pdf, "the same bytes come back");
      assert.equal((await storedKeys()).length, 2);
    });

    it("refuses an executable named .pdf, with a message on the field, and stores nothing", async () => {
      const before = await storedKeys();
      const res = await upload(owner, evidencePath, "RA-4", "report.pdf", elfFile());
      assert.equal(res.status, 422);
      assert.deepEqual(errorsOn(await res.text()), ["RA-4: This kind of file cannot be attached. Attach a PDF, JPEG, PNG, Word (DOCX) or Excel (XLSX) file."]);
      assert.deepEqual(await storedKeys(), before);
    });

    it("refuses a file one byte over 20 MB (413) and stores nothing", async () => {
      const before = await storedKeys();
      const res = await upload(owner, evidencePath, "RA-4", "big.pdf", streamOf(largePdf(20 * MB + 1)));
      assert.equal(res.status, 413);
      assert.deepEqual(errorsOn(await res.text()), ["RA-4: The file is larger than 20 MB. Attach a smaller file."]);
      assert.deepEqual(await storedKeys(), before);
      const list = await (await owner.get(page)).text();
      assert.doesNotMatch(list, /big\.pdf/);
    });

    it("keeps nothing of an upload the client breaks off half-way", async () => {
      const before = await storedKeys();
      const res = await upload(owner, evidencePath, "RA-4", "cut.pdf", streamOf(largePdf(4 * MB), 2 * MB));
      assert.equal(res.status, 400);
      assert.deepEqual(await storedKeys(), before);
      assert.doesNotMatch(await (await owner.get(page)).text(), /cut\.pdf/);
    });

    it("serves a company's file to no one else: not to another company's user, not to its admin-only user", async () => {
      const html = await (await owner.get(page)).text();
      const href = /href="([^"]+\/evidence\/\d+)"/.exec(html)![1]!;
      assert.equal((await outsider.get(href)).status, 403);
      assert.equal((await adminOnly.get(href)).status, 403);
      assert.equal((await adminOnly.get(page)).status, 403);
      const upload403 = await upload(adminOnly, evidencePath, "RA-1", "x.pdf", await pdfFile());
      assert.equal(upload403.status, 403);
    });

    it("removes a draft's file, from the page and from the store", async () => {
      const before = await storedKeys();
      const html = await (await owner.get(page)).text();
      const action = /action="([^"]+\/evidence\/\d+\/remove)"/.exec(html)![1]!;
      const res = await owner.postForm(action, {});
      assert.equal(res.status, 303);
      assert.deepEqual(notices(await (await owner.get(res.headers.get("location")!)).text()), ["The file is removed."]);
      assert.equal((await storedKeys()).length, before.length - 1);
    });
  });
}

{
  const { describe: withClamd, it: clamdIt, before: clamdBefore, after: clamdAfter } = clamdTests();
  withClamd("evidence files scanned by a real clamd (APP-9)", () => {
    let clamd: TestClamd;
    let portal: TestPortal;
    let owner: TestClient;
    let evidencePath = "";
    let page = "";
    clamdBefore(async () => {
      clamd = await startClamd();
      portal = await createTestPortal({ env: { CLAMD_SOCKET: clamd.socket } });
      owner = await signUpAndSignIn(portal, person("evclam1", "fr"));
      const companyId = await authorizedCompany(portal, "Analyse inc.", await memberOf(portal, owner));
      const security = await (await owner.get(`/fr/companies/${companyId}/security`)).text();
      const divisionId = /security\/divisions\/(\d+)"/.exec(security)![1]!;
      page = `/fr/companies/${companyId}/security/divisions/${divisionId}/risk-assessment`;
      evidencePath = `/fr/companies/${companyId}/security/divisions/${divisionId}/evidence`;
    });
    clamdAfter(async () => {
      await portal?.close();
      await clamd?.close();
    });

    clamdIt("marks a clean PDF clean, refuses a PDF carrying the EICAR test string, and refuses everything while clamd is down", async () => {
      const clean = await upload(owner, evidencePath, "RA-1", "propre.pdf", await pdfFile());
      assert.equal(clean.status, 303);
      assert.match(/data-testid="evidence-RA-1"[\s\S]*?<\/section>/.exec(await (await owner.get(page)).text())![0], /propre\.pdf[\s\S]*Sain/);
      const dir = (portal.deps.config.storage as { dir: string }).dir;
      const before = (await readdir(dir)).sort();
      const infected = Buffer.concat([await pdfFile(), Buffer.from(`\n%${EICAR}\n`, "latin1")]);
      const res = await upload(owner, evidencePath, "RA-1", "infecte.pdf", infected);
      assert.equal(res.status, 422);
      assert.deepEqual(errorsOn(await res.text()), ["RA-1\u00a0: Le fichier a été refusé\u00a0: l’analyse antimaliciel y a détecté une menace. Rien n’a été joint. Vérifiez le fichier sur votre ordinateur."]);
      assert.deepEqual((await readdir(dir)).sort(), before, "the infected file is not kept");
      await clamd.stop();
      const down = await upload(owner, evidencePath, "RA-1", "plus-tard.pdf", await pdfFile());
      assert.equal(down.status, 422);
      assert.match(errorsOn(await down.text()).join(), /n’a pas pu être analysé/);
      assert.deepEqual((await readdir(dir)).sort(), before);
    });
  });
}

describe("the company's total for evidence files (APP-9)", () => {
  let portal: TestPortal;
  let owner: TestClient;
  let evidencePath = "";
  before(async () => {
    portal = await createTestPortal({ env: { EVIDENCE_MAX_FILE_MB: "1", EVIDENCE_COMPANY_LIMIT_MB: "1" } });
    owner = await signUpAndSignIn(portal, person("evquota1"));
    const companyId = await authorizedCompany(portal, "Quota inc.", await memberOf(portal, owner));
    const security = await (await owner.get(`/en/companies/${companyId}/security`)).text();
    const divisionId = /security\/divisions\/(\d+)"/.exec(security)![1]!;
    evidencePath = `/en/companies/${companyId}/security/divisions/${divisionId}/evidence`;
  });
  after(() => portal.close());

  it("keeps the form size limit on an upload route for a body that is not a multipart upload", async () => {
    const res = await owner.postForm(evidencePath, { item: "RA-1", padding: "x".repeat(100 * 1024) });
    assert.equal(res.status, 413);
  });

  it("refuses a file that would take the company past its total, and keeps nothing of it", async () => {
    const chunks = async (n: number) => {
      const parts: Uint8Array[] = [];
      for await (const c of largePdf(n)) parts.push(c);
      return Buffer.concat(parts);
    };
    assert.equal((await upload(owner, evidencePath, "RA-1", "first.pdf", await chunks(700 * 1024))).status, 303);
    const dir = (portal.deps.config.storage as { dir: string }).dir;
    const before = (await readdir(dir)).sort();
    const res = await upload(owner, evidencePath, "RA-1", "second.pdf", await chunks(700 * 1024));
    assert.equal(res.status, 413);
    assert.deepEqual(errorsOn(await res.text()), ["RA-1: Your company's files would take more than 1 MB in all. Remove files you no longer need, then try again."]);
    assert.deepEqual((await readdir(dir)).sort(), before);
  });
});
