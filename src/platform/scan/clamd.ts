// ClamAV's clamd over its socket (APP-9): the INSTREAM command streams a file to the daemon —
// "zINSTREAM\0", then chunks each preceded by its length (4 bytes, big-endian), then a chunk of
// length 0 — and the daemon answers "stream: OK", "stream: <signature> FOUND" or "… ERROR",
// ended by a NUL. Anything else (no daemon, a timeout, a broken connection, a file over the
// daemon's StreamMaxLength) is the verdict "error": the file does not count until scanned again.
import { connect, type Socket } from "node:net";
import type { Readable } from "node:stream";
import type { FileStore } from "../storage/file-store.ts";

export type ClamdAddress = { readonly socket: string } | { readonly host: string; readonly port: number };

export type ScannerConfig = { readonly kind: "none" } | ({ readonly kind: "clamd" } & ClamdAddress);

export type ScanResult =
  | { readonly verdict: "clean" }
  | { readonly verdict: "infected"; readonly signature: string }
  | { readonly verdict: "error"; readonly message: string };

/** No scanner configured: files are marked *not scanned* (APP-9). */
export interface NoScanner {
  readonly kind: "none";
}

export interface MalwareScanner {
  readonly kind: "clamd";
  scanStream(body: Readable | AsyncIterable<Uint8Array>): Promise<ScanResult>;
  scanFile(store: FileStore, key: string): Promise<ScanResult>;
  /** True when the daemon answers PING with PONG. */
  ping(): Promise<boolean>;
}

export type Scanner = NoScanner | MalwareScanner;

export interface ClamdOptions {
  /** The whole exchange, from connecting to the answer (default 60 s). */
  readonly timeoutMs?: number;
  /** Bytes per INSTREAM chunk (default 64 KiB; clamd's StreamMaxLength bounds the total). */
  readonly chunkBytes?: number;
}

export function openScanner(config: ScannerConfig, options: ClamdOptions = {}): Scanner {
  if (config.kind === "none") return { kind: "none" };
  return new ClamdScanner(config, options);
}

/** Reads CLAMD_HOST: "host:port", "host" (port 3310) or "[::1]:3310". Undefined when malformed. */
export function parseClamdHost(text: string): { host: string; port: number } | undefined {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+))(?::(\d{1,5}))?$/.exec(text.trim());
  if (!m) return undefined;
  const port = m[3] === undefined ? 3310 : Number(m[3]);
  if (port < 1 || port > 65535) return undefined;
  return { host: (m[1] ?? m[2])!, port };
}

export class ClamdScanner implements MalwareScanner {
  readonly kind = "clamd";
  readonly #address: ClamdAddress;
  readonly #timeoutMs: number;
  readonly #chunkBytes: number;

  constructor(address: ClamdAddress, options: ClamdOptions = {}) {
    this.#address = "socket" in address ? { socket: address.socket } : { host: address.host, port: address.port };
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#chunkBytes = options.chunkBytes ?? 64 * 1024;
  }

  /** Where the daemon is, for logs. */
  get address(): string {
    return "socket" in this.#address ? this.#address.socket : `${this.#address.host}:${this.#address.port}`;
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.#exchange(async (socket) => void (await write(socket, Buffer.from("zPING\0"))))) === "PONG";
    } catch {
      return false;
    }
  }

  async scanFile(store: FileStore, key: string): Promise<ScanResult> {
    let body: Readable;
    try {
      body = await store.get(key);
    } catch (err) {
      return { verdict: "error", message: `could not read the file: ${messageOf(err)}` };
    }
    return this.scanStream(body);
  }

  async scanStream(body: Readable | AsyncIterable<Uint8Array>): Promise<ScanResult> {
    let reply: string;
    try {
      reply = await this.#exchange(async (socket, answered) => {
        await write(socket, Buffer.from("zINSTREAM\0"));
        for await (const piece of body) {
          const bytes = piece instanceof Uint8Array ? piece : Buffer.from(piece as string);
          for (let at = 0; at < bytes.byteLength; at += this.#chunkBytes) {
            // The daemon may answer before the end (a size limit): stop sending then.
            if (answered()) return;
            const chunk = bytes.subarray(at, at + this.#chunkBytes);
            const length = Buffer.alloc(4);
            length.writeUInt32BE(chunk.byteLength);
            await write(socket, length);
            await write(socket, chunk);
          }
        }
        if (!answered()) await write(socket, Buffer.alloc(4));
      });
    } catch (err) {
      return { verdict: "error", message: messageOf(err) };
    } finally {
      if (typeof (body as Readable).destroy === "function") (body as Readable).destroy();
    }
    return parseReply(reply);
  }

  /**
   * Connects, lets `send` write the command, and resolves with the daemon's reply (up to its NUL,
   * or the end of the connection). Rejects on a connection error or the timeout.
   */
  #exchange(send: (socket: Socket, answered: () => boolean) => Promise<void>): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const socket = "socket" in this.#address ? connect(this.#address.socket) : connect(this.#address.port, this.#address.host);
      const received: Buffer[] = [];
      let settled = false;
      let replied = false;
      const finish = (err: Error | undefined, reply?: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        if (err) reject(err);
        else resolve(reply!);
      };
      const timer = setTimeout(() => finish(new Error(`clamd did not answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
      const replyText = (): string => Buffer.concat(received).toString("utf8").replace(/\0[\s\S]*$/, "").trim();
      socket.on("data", (data: Buffer) => {
        received.push(data);
        if (data.includes(0)) {
          replied = true;
          finish(undefined, replyText());
        }
      });
      socket.on("end", () => {
        replied = true;
        const text = replyText();
        if (text === "") finish(new Error("clamd closed the connection without an answer"));
        else finish(undefined, text);
      });
      socket.on("error", (err) => {
        // A reply already read (the daemon answered, then closed on our next write) stands.
        if (replied) finish(undefined, replyText());
        else finish(err);
      });
      socket.once("connect", () => {
        send(socket, () => replied || settled).catch((err: unknown) => {
          if (!replied) finish(err instanceof Error ? err : new Error(String(err)));
        });
      });
    });
  }
}

/** The daemon's answer to INSTREAM, as a verdict. */
export function parseReply(reply: string): ScanResult {
  const text = reply.replace(/^\d+: /, ""); // the id prefix of an IDSESSION reply
  if (/^stream: OK$/.test(text)) return { verdict: "clean" };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { verdict: "infected", signature: found[1]! };
  return { verdict: "error", message: text.replace(/\s*ERROR$/, "") || "no answer" };
}

function write(socket: Socket, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed || !socket.writable) return reject(new Error("the connection to clamd is closed"));
    socket.write(data, (err) => (err ? reject(err) : resolve()));
  });
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
