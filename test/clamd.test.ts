// The malware scan (APP-9): the clamd client's INSTREAM exchange against a stand-in daemon on
// 127.0.0.1 (always run: framing, replies, timeouts, a daemon that is not there), then against
// a real clamd started by the test with its own signature for the EICAR test string (run where
// Debian's clamav-daemon is installed; under CI=true its absence is a failure).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { ClamdScanner, openScanner, parseClamdHost, parseReply } from "../src/platform/scan/clamd.ts";
import { DirectoryFileStore, newFileKey } from "../src/platform/storage/index.ts";
import { receiveFile } from "../src/platform/uploads.ts";
import { clamdTests, EICAR, EICAR_SIGNATURE, startClamd, type TestClamd } from "./helpers/clamd.ts";
import { largePdf, pdfFile } from "./helpers/evidence-files.ts";

interface Received {
  command: string;
  chunkSizes: number[];
  data: Buffer;
}

/**
 * A stand-in clamd on 127.0.0.1: reads one INSTREAM command and its length-prefixed chunks to
 * the zero-length end, records them, and answers with `reply(data)` (or never, for null).
 */
async function fakeClamd(reply: (data: Buffer) => string | null): Promise<{ port: number; sessions: Received[]; close(): Promise<void> }> {
  const sessions: Received[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    const session: Received = { command: "", chunkSizes: [], data: Buffer.alloc(0) };
    const parts: Buffer[] = [];
    socket.on("data", (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (session.command === "") {
        const nul = buffer.indexOf(0);
        if (nul < 0) return;
        session.command = buffer.subarray(0, nul).toString();
        buffer = buffer.subarray(nul + 1);
        sessions.push(session);
        if (session.command === "zPING") return void socket.end("PONG\0");
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          session.data = Buffer.concat(parts);
          const answer = reply(session.data);
          if (answer !== null) socket.end(`${answer}\0`);
          buffer = buffer.subarray(4);
          return;
        }
        if (buffer.length < 4 + length) return;
        session.chunkSizes.push(length);
        parts.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
      }
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    sessions,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe("clamd client (against a stand-in daemon)", () => {
  it("sends zINSTREAM, the file in length-prefixed chunks and a zero-length end, and reads the verdicts", async () => {
    const daemon = await fakeClamd((data) => (data.includes("EICAR") ? "stream: Eicar-Test-Signature FOUND" : data.length === 3 ? "stream: Can't allocate memory ERROR" : "stream: OK"));
    try {
      const scanner = new ClamdScanner({ host: "127.0.0.1", port: daemon.port }, { chunkBytes: 1000, timeoutMs: 5000 });
      const pdf = await pdfFile();
      assert.deepEqual(await scanner.scanStream(Readable.from([pdf.subarray(0, 700), pdf.subarray(700)])), { verdict: "clean" });
      const session = daemon.sessions.at(-1)!;
      assert.equal(session.command, "zINSTREAM");
      assert.deepEqual(session.data, pdf, "the daemon got the file as it is");
      assert.ok(session.chunkSizes.every((n) => n > 0 && n <= 1000), `chunks of at most 1000 bytes: ${session.chunkSizes.join()}`);
      assert.deepEqual(await scanner.scanStream(Readable.from([Buffer.from("xx EICAR xx")])), { verdict: "infected", signature: "Eicar-Test-Signature" });
      assert.deepEqual(await scanner.scanStream(Readable.from([Buffer.from("abc")])), { verdict: "error", message: "stream: Can't allocate memory" });
      assert.equal(await scanner.ping(), true);
    } finally {
      await daemon.close();
    }
  });

  it("gives the verdict error when the daemon does not answer in time, is not there, or the file cannot be read", async () => {
    const silent = await fakeClamd(() => null);
    try {
      const slow = new ClamdScanner({ host: "127.0.0.1", port: silent.port }, { timeoutMs: 300 });
      const result = await slow.scanStream(Readable.from([Buffer.from("%PDF-1.7")]));
      assert.equal(result.verdict, "error");
      assert.match((result as { message: string }).message, /did not answer within 300 ms/);
    } finally {
      await silent.close();
    }
    const dir = await mkdtemp(join(tmpdir(), "ttp-scan-"));
    try {
      const gone = new ClamdScanner({ socket: join(dir, "no-such.sock") });
      assert.equal((await gone.scanStream(Readable.from([Buffer.from("x")]))).verdict, "error");
      assert.equal(await gone.ping(), false);
      const broken = async function* () {
        yield await Promise.resolve(Buffer.from("%PDF-"));
        throw new Error("disk read failed");
      };
      const daemon = await fakeClamd(() => "stream: OK");
      try {
        const scanner = new ClamdScanner({ host: "127.0.0.1", port: daemon.port });
        assert.deepEqual(await scanner.scanStream(broken()), { verdict: "error", message: "disk read failed" });
        const store = new DirectoryFileStore(join(dir, "evidence"));
        const missing = await scanner.scanFile(store, newFileKey());
        assert.equal(missing.verdict, "error");
        assert.match((missing as { message: string }).message, /could not read the file/);
      } finally {
        await daemon.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reads clamd's replies, CLAMD_HOST, and has no scanner without a setting", () => {
    assert.deepEqual(parseReply("stream: OK"), { verdict: "clean" });
    assert.deepEqual(parseReply("1: stream: Win.Test.EICAR_HDB-1 FOUND"), { verdict: "infected", signature: "Win.Test.EICAR_HDB-1" });
    assert.deepEqual(parseReply("INSTREAM size limit exceeded. ERROR"), { verdict: "error", message: "INSTREAM size limit exceeded." });
    assert.equal(parseReply("").verdict, "error");
    assert.deepEqual(parseClamdHost("127.0.0.1:3310"), { host: "127.0.0.1", port: 3310 });
    assert.deepEqual(parseClamdHost("clamav"), { host: "clamav", port: 3310 });
    assert.equal(parseClamdHost("127.0.0.1:0"), undefined);
    assert.equal(parseClamdHost("a b:1"), undefined);
    assert.deepEqual(openScanner({ kind: "none" }), { kind: "none" });
    assert.equal(openScanner({ kind: "clamd", host: "127.0.0.1", port: 3310 }).kind, "clamd");
  });
});

const real = clamdTests();

real.describe("clamd (Debian's daemon, started by the test with its own EICAR signature)", () => {
  let clamd: TestClamd;
  let dir: string;
  let store: DirectoryFileStore;
  real.before(async () => {
    clamd = await startClamd();
    dir = await mkdtemp(join(tmpdir(), "ttp-scan-"));
    store = new DirectoryFileStore(join(dir, "evidence"));
  });
  real.after(async () => {
    await clamd?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  real.it("answers PING", async () => {
    assert.equal(await clamd.scanner.ping(), true);
  });

  real.it("finds the EICAR test string: infected, with the signature's name", async () => {
    const key = newFileKey();
    await store.put(key, [Buffer.from(EICAR, "latin1")]);
    assert.deepEqual(await clamd.scanner.scanFile(store, key), { verdict: "infected", signature: `${EICAR_SIGNATURE}.UNOFFICIAL` });
  });

  real.it("finds it inside a larger file, across the chunks it is sent in", async () => {
    const pdf = await pdfFile();
    // The string starts 30 bytes before the end of the first 64 KiB chunk.
    const start = Buffer.concat([pdf, Buffer.alloc(64 * 1024 - 30 - pdf.length, 0x20)]);
    const file = Buffer.concat([start, Buffer.from(EICAR, "latin1"), pdf]);
    const scanner = new ClamdScanner({ socket: clamd.socket }, { chunkBytes: 64 * 1024, timeoutMs: 20_000 });
    assert.deepEqual(await scanner.scanStream(Readable.from([file])), { verdict: "infected", signature: `${EICAR_SIGNATURE}.UNOFFICIAL` });
    assert.deepEqual(await scanner.scanStream(Readable.from([Buffer.concat([start, pdf])])), { verdict: "clean" }, "and not without it");
  });

  real.it("passes a normal PDF, received and stored as an upload is: clean", async () => {
    const key = newFileKey();
    await receiveFile(Readable.from([await pdfFile("Plan de sécurité / Security plan")]), { maxBytes: 20 * 1024 * 1024, store, key });
    assert.deepEqual(await clamd.scanner.scanFile(store, key), { verdict: "clean" });
  });

  real.it("scans a 20 MiB file streamed from the store: clean", async () => {
    const key = newFileKey();
    await store.put(key, largePdf(20 * 1024 * 1024));
    assert.deepEqual(await clamd.scanner.scanFile(store, key), { verdict: "clean" });
  });

  real.it("gives error for a file over the daemon's StreamMaxLength (25 MiB here)", async () => {
    const result = await clamd.scanner.scanStream(largePdf(26 * 1024 * 1024));
    assert.equal(result.verdict, "error");
    // clamd answers "INSTREAM size limit exceeded" and closes the connection; when the close
    // reaches our next write before we read the answer, the write fails instead (EPIPE or a
    // reset). Either way the verdict is "error": the file does not count until scanned again.
    assert.match((result as { message: string }).message, /size limit|EPIPE|ECONNRESET|closed the connection/i);
  });

  real.it("gives error once the daemon has stopped", async () => {
    await clamd.stop();
    const key = newFileKey();
    await store.put(key, [Buffer.from(EICAR, "latin1")]);
    assert.equal((await clamd.scanner.scanFile(store, key)).verdict, "error");
    assert.equal(await clamd.scanner.ping(), false);
  });
});
