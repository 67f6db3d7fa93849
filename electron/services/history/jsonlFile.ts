// Main process: an append-only JSON Lines file: each line written and fsync'd before the call
// returns (a crash loses at most the line in flight), read back as a stream that skips and reports
// damaged lines instead of failing the whole file. Every line is scrubbed of secrets first.
import { closeSync, createReadStream, existsSync, fdatasync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, write, writeSync } from "node:fs";
import { promisify } from "node:util";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { scrubValue } from "../knownSecrets";

/** A line that could not be read back, with its 1-based number and why. */
export interface DamagedLine {
  line: number;
  reason: string;
}

/** Appends and reads one JSON Lines file. */
export interface JsonlFile {
  readonly path: string;
  /** Appends one value as a line and fsyncs it before returning (blocks the event loop meanwhile). */
  append(value: unknown): void;
  /**
   * Appends one value as a line; resolves once it is on disk. Lines appended while a sync is in
   * progress are written and synced together (group commit), off the event loop: many concurrent
   * writers pay for one fsync, and none is told "saved" before it is.
   */
  appendDurable(value: unknown): Promise<void>;
  /**
   * Streams every line through `parse` (which throws or returns undefined for a bad one), calling
   * `visit` with each good value; returns the damaged lines. `visit` returning false stops early.
   */
  read<T>(parse: (raw: unknown) => T, visit: (value: T, line: number) => boolean | void): Promise<{ damaged: DamagedLine[] }>;
  /** Closes the file descriptor kept for appending. */
  close(): void;
}

/** True when a non-empty file does not end with a newline (a crash cut its last line short). */
function endsMidLine(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

const writeAsync = promisify(write) as (fd: number, text: string) => Promise<unknown>;
const datasyncAsync = promisify(fdatasync);

/** Opens (lazily creates) a JSON Lines file. */
export function openJsonlFile(path: string): JsonlFile {
  let fd: number | null = null;

  function descriptor(): number {
    if (fd !== null) return fd;
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, "a+");
    // A line cut short by a crash must stay alone on its line, so the next record is not glued to it.
    if (endsMidLine(fd)) writeSync(fd, "\n");
    return fd;
  }

  const toLine = (value: unknown) => {
    // Run history, usage and evaluation logs hold what servers answered: never a key they echoed.
    const line = `${JSON.stringify(scrubValue(value))}\n`;
    if (line.indexOf("\n") !== line.length - 1) throw new Error("a JSON Lines record cannot contain a raw newline");
    return line;
  };
  let waiting: { line: string; resolve: () => void; reject: (err: unknown) => void }[] = [];
  let flushing = false;
  async function flush(): Promise<void> {
    if (flushing) return;
    flushing = true;
    try {
      while (waiting.length) {
        const group = waiting;
        waiting = [];
        try {
          const handle = descriptor();
          await writeAsync(handle, group.map((g) => g.line).join(""));
          await datasyncAsync(handle);
          for (const g of group) g.resolve();
        } catch (err) {
          for (const g of group) g.reject(err);
        }
      }
    } finally {
      flushing = false;
    }
  }

  return {
    path,
    append(value) {
      const line = toLine(value);
      const handle = descriptor();
      writeSync(handle, line);
      fsyncSync(handle);
    },
    appendDurable(value) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ line: toLine(value), resolve, reject });
        void flush();
      });
    },
    async read(parse, visit) {
      const damaged: DamagedLine[] = [];
      if (!existsSync(path)) return { damaged };
      const stream = createReadStream(path, { encoding: "utf8" });
      const lines = createInterface({ input: stream, crlfDelay: Infinity });
      let number = 0;
      try {
        for await (const text of lines) {
          number += 1;
          if (text.trim() === "") continue;
          let value: ReturnType<typeof parse>;
          try {
            value = parse(JSON.parse(text));
          } catch (err) {
            const why = err instanceof SyntaxError ? "not valid JSON (cut short or edited)" : err instanceof Error ? err.message.split("\n")[0] ?? "" : String(err);
            damaged.push({ line: number, reason: why.slice(0, 200) });
            continue;
          }
          if (visit(value, number) === false) break;
        }
      } finally {
        lines.close();
        stream.destroy();
      }
      return { damaged };
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
