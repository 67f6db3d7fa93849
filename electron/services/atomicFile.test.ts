// Unit tests: atomic writes flush the file before the rename and the folder after it; a crash's
// temporary files are removed at start, and nothing else is.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Records the order of the fs calls that matter (the real ones still run).
const calls: string[] = [];
const fdPaths = new Map<number, string>();
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  return {
    ...real,
    openSync: (p: fs.PathLike, flags: fs.OpenMode) => {
      const fd = real.openSync(p, flags);
      fdPaths.set(fd, String(p));
      return fd;
    },
    fsyncSync: (fd: number) => {
      calls.push(`fsync ${path.basename(fdPaths.get(fd) ?? "?")}`);
      real.fsyncSync(fd);
    },
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      calls.push(`rename ${path.basename(String(from)).replace(/\.tmp-.*/, ".tmp")} -> ${path.basename(String(to))}`);
      real.renameSync(from, to);
    },
  };
});

const { removeStaleTempFiles, writeAtomically } = await import("./atomicFile");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "dojo-atomic-"));
  calls.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("writeAtomically", () => {
  it("fsyncs the temporary file, renames it, then fsyncs the folder", () => {
    const target = path.join(dir, "a.experiment.json");
    writeAtomically(target, '{"ok":true}\n');
    expect(readFileSync(target, "utf8")).toBe('{"ok":true}\n');
    const temp = calls[0]!;
    expect(temp).toMatch(/^fsync a\.experiment\.json\.tmp-\d+-[a-z0-9]+$/);
    expect(calls.slice(1)).toEqual(["rename a.experiment.json.tmp -> a.experiment.json", `fsync ${path.basename(dir)}`]);
    expect(readdirSync(dir)).toEqual(["a.experiment.json"]);
  });

  it("writes bytes as well as text, and leaves no temporary file when the rename fails", () => {
    writeAtomically(path.join(dir, "v.vectors"), new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path.join(dir, "v.vectors"))]).toEqual([1, 2, 3]);
    fs.mkdirSync(path.join(dir, "taken.json"));
    writeFileSync(path.join(dir, "taken.json", "x"), "");
    expect(() => writeAtomically(path.join(dir, "taken.json"), "x")).toThrow();
    expect(readdirSync(dir).sort()).toEqual(["taken.json", "v.vectors"]);
  });
});

describe("removeStaleTempFiles", () => {
  it("removes a crash's temporaries of the app's files and keeps everything else", () => {
    // A process that has exited: its temporary files are leftovers.
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const stale = [
      "settings.json.tmp-1733150000a1b2c3", // conf's (atomically)
      `x.experiment.json.${dead}.tmp`, // this app's older name
      `x.dataset.json.tmp-${dead}-k3x9qa`, // this app's
      "s.vectors.tmp", // the embedding cache's older name
    ];
    const kept = [
      "settings.json",
      `y.experiment.json.tmp-${process.pid}-abc123`, // a live process's write in progress
      "notes.tmp",
      "report.txt.tmp-123-abc",
      "photo.json.tmp-x",
    ];
    for (const name of [...stale, ...kept]) writeFileSync(path.join(dir, name), "x");
    expect(removeStaleTempFiles(dir).sort()).toEqual([...stale].sort());
    expect(readdirSync(dir).sort()).toEqual([...kept].sort());
    expect(removeStaleTempFiles(path.join(dir, "missing"))).toEqual([]);
  });
});
