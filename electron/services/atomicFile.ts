// Main process: files written whole or not at all, that survive a power loss: a temporary file,
// fsync'd, renamed over the target, then the folder fsync'd; and the clean-up of temporaries a crash left.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { scrubText } from "./knownSecrets";

/**
 * Flushes a folder's entries (a rename lives in the folder, not in the file). Windows cannot open a
 * folder for this and flushes renames itself, so there the refusal is ignored.
 */
export function fsyncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, "r");
  } catch (err) {
    // Windows cannot open a folder; a folder that does not exist holds nothing to flush (a store
    // kept in memory, as tests and read-only settings do).
    if (process.platform === "win32" || (err as NodeJS.ErrnoException).code === "ENOENT") return;
    throw err;
  }
  try {
    fsyncSync(fd);
  } catch (err) {
    // Some file systems (and Windows) refuse fsync on a folder; the data itself is already flushed.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "EINVAL" && code !== "EPERM" && code !== "EISDIR" && code !== "ENOTSUP") throw err;
  } finally {
    closeSync(fd);
  }
}

/** The temporary name for a write of `path` by this process. */
function tempPathFor(path: string): string {
  return `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Writes a file whole or not at all: without the fsync before the rename, a power loss can leave the
 * target renamed but empty; without the folder's fsync, the rename itself can be lost.
 */
export function writeAtomically(path: string, data: string | Uint8Array): void {
  const temp = tempPathFor(path);
  const fd = openSync(temp, "w");
  try {
    // Every whole-file write of the app passes here, so this is where text is scrubbed of every known secret.
    const bytes = typeof data === "string" ? Buffer.from(scrubText(data), "utf8") : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  fsyncDirectory(dirname(path));
}

/**
 * Temporary files of an interrupted write: ours (`x.json.tmp-PID-RAND`), the older `x.json.PID.tmp`,
 * conf's (atomically's `x.json.tmp-TIMESTAMPRAND`) and the embedding cache's old `x.vectors.tmp`.
 * Only names of the app's own files (.json, .vectors) match: the workspace may be any folder.
 */
const TEMP_NAME = /^(.+\.(?:json|vectors))\.(?:tmp-(\d+)-[a-z0-9]+|(\d+)\.tmp|tmp-\d{10}[a-f0-9]{6}|tmp)$/;

/** True when a process with this id is running (so its temporary file may be a write in progress). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary files a crash left in `dir` (not in sub-folders) and returns their names.
 * A file named after a process that still runs is kept: it may be that process's write in progress.
 * Called at start, before anything in the folder is written.
 */
export function removeStaleTempFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const match = TEMP_NAME.exec(entry.name);
    if (!match) continue;
    const pid = Number(match[2] ?? match[3]);
    if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) continue;
    rmSync(join(dir, entry.name), { force: true });
    removed.push(entry.name);
  }
  return removed;
}
