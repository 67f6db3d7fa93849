// Main process: the experiments in the workspace folder: one readable JSON file each, every save a
// version, delete to a trash folder with undo, import and export.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, utimesSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import {
  EXPERIMENT_BUNDLE_FORMAT,
  EXPERIMENT_FORMAT,
  EXPERIMENT_FORMAT_VERSION,
  latestVersion,
  matchesSearch,
  summarizeExperiment,
  type ExperimentFile,
  type ExperimentState,
  type ExperimentSummary,
} from "../../../shared/experiments";
import { DojoError } from "../../errors";
import { setDamagedFileAside } from "../damagedFile";
import { experimentText, isNewerFormatError, parseExperimentText, writeAtomically } from "./experimentFile";

const SUFFIX = ".experiment.json";
const TRASH = ".trash";

export interface ExperimentStoreOptions {
  /** The folder in use, read on every call (the user may change it). */
  workspaceDir: () => string;
  /** Secrets to scrub from anything written. */
  secrets: () => readonly string[];
  now?: () => number;
  /** Six random characters for new ids; replaceable in tests. */
  randomSuffix?: () => string;
  /** The app's live notice list: a damaged file moved aside is reported there too. */
  notices?: string[];
}

/** A file left out of an answer (a list, an export), and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface ExperimentStore {
  list(options?: { query?: string; trash?: boolean }): { experiments: ExperimentSummary[]; problems: { file: string; reason: string }[]; workspaceDir: string };
  get(id: string): ExperimentFile;
  create(name: string, state: ExperimentState, message?: string): ExperimentFile;
  save(id: string, state: ExperimentState, message?: string): ExperimentFile;
  restoreVersion(id: string, version: number): ExperimentFile;
  rename(id: string, name: string): ExperimentSummary;
  duplicate(id: string): ExperimentSummary;
  remove(id: string): void;
  undelete(id: string): ExperimentSummary;
  /** One experiment, or all of them; unreadable files are left out of "all" and named in `skipped`. */
  exportText(id?: string): { fileName: string; text: string; skipped: SkippedFile[] };
  importText(text: string): ExperimentSummary[];
}

/** A file-name-safe id from a name: "Support bot (v2)" -> "support-bot-v2-k3x9qa". */
export function experimentIdFor(name: string, suffix: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "experiment"}-${suffix}`;
}

const defaultSuffix = () => Math.random().toString(36).slice(2, 8).padEnd(6, "0");

/** Creates the store over the workspace folder. */
export function createExperimentStore(options: ExperimentStoreOptions): ExperimentStore {
  const now = options.now ?? Date.now;
  const randomSuffix = options.randomSuffix ?? defaultSuffix;

  function folder(trash = false): string {
    const dir = options.workspaceDir();
    const path = trash ? join(dir, TRASH) : dir;
    mkdirSync(path, { recursive: true });
    return path;
  }
  const pathOf = (id: string, trash = false) => join(folder(trash), `${id}${SUFFIX}`);

  /**
   * Parses the file at `path`. A damaged one (cut short, not JSON, not an experiment) is moved aside
   * with a notice and refused as not_found; one from a newer version is refused and left alone.
   */
  function parseFile(path: string): ExperimentFile {
    let file: ExperimentFile | undefined;
    try {
      [file] = parseExperimentText(readFileSync(path, "utf8"), "it");
    } catch (err) {
      if (isNewerFormatError(err) || !(err instanceof DojoError)) throw err;
      throw new DojoError("not_found", setDamagedFileAside(path, "The experiment file", err.message, { notices: options.notices }));
    }
    if (!file) throw new DojoError("not_found", setDamagedFileAside(path, "The experiment file", "it holds no experiment", { notices: options.notices }));
    return file;
  }

  function read(id: string, trash = false): ExperimentFile {
    const path = pathOf(id, trash);
    if (!existsSync(path)) throw new DojoError("not_found", `There is no experiment "${id}"${trash ? " in the trash" : ""}.`);
    return parseFile(path);
  }

  function write(file: ExperimentFile): ExperimentFile {
    writeAtomically(pathOf(file.id), experimentText(file, options.secrets()));
    // Return what is on disk, secrets scrubbed, so the caller sees exactly what was saved.
    return read(file.id);
  }

  function freshId(name: string): string {
    for (;;) {
      const id = experimentIdFor(name, randomSuffix());
      if (!existsSync(pathOf(id)) && !existsSync(pathOf(id, true))) return id;
    }
  }

  function newFile(name: string, state: ExperimentState, message: string): ExperimentFile {
    const at = now();
    return {
      format: EXPERIMENT_FORMAT,
      formatVersion: EXPERIMENT_FORMAT_VERSION,
      id: freshId(name),
      name,
      createdAt: at,
      versions: [{ version: 1, savedAt: at, message, state }],
    };
  }

  function addVersion(file: ExperimentFile, state: ExperimentState, message: string): ExperimentFile {
    const version = file.versions.length + 1;
    return write({ ...file, versions: [...file.versions, { version, savedAt: now(), message, state }] });
  }

  return {
    list({ query = "", trash = false } = {}) {
      const dir = folder(trash);
      const experiments: ExperimentSummary[] = [];
      const problems: { file: string; reason: string }[] = [];
      for (const name of readdirSync(dir)) {
        if (!name.endsWith(SUFFIX)) continue;
        const path = join(dir, name);
        try {
          const file = parseFile(path);
          if (matchesSearch(file, query)) experiments.push(summarizeExperiment(file, trash ? Math.round(statSync(path).mtimeMs) : null));
        } catch (err) {
          problems.push({ file: name, reason: err instanceof Error ? err.message : String(err) });
        }
      }
      experiments.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
      return { experiments, problems, workspaceDir: options.workspaceDir() };
    },
    get: (id) => read(id),
    create: (name, state, message = "") => write(newFile(name, state, message)),
    save: (id, state, message = "") => addVersion(read(id), state, message),
    restoreVersion(id, version) {
      const file = read(id);
      const old = file.versions.find((v) => v.version === version);
      if (!old) throw new DojoError("not_found", `Experiment "${file.name}" has no version ${version}.`);
      return addVersion(file, old.state, `Restored version ${version}`);
    },
    rename(id, name) {
      return summarizeExperiment(write({ ...read(id), name }));
    },
    duplicate(id) {
      const file = read(id);
      const name = `${file.name} (copy)`.slice(0, 120);
      return summarizeExperiment(write(newFile(name, latestVersion(file).state, `Copied from ${file.name}, version ${file.versions.length}`)));
    },
    remove(id) {
      read(id); // refuses an unknown or unreadable id before anything moves
      const target = pathOf(id, true);
      renameSync(pathOf(id), target);
      const at = new Date(now());
      utimesSync(target, at, at); // the trash shows when it was deleted
    },
    undelete(id) {
      const file = read(id, true);
      if (existsSync(pathOf(id))) throw new DojoError("invalid_input", `An experiment "${id}" already exists; rename it first.`);
      renameSync(pathOf(id, true), pathOf(id));
      return summarizeExperiment(file);
    },
    exportText(id) {
      if (id) {
        const file = read(id);
        return { fileName: `${file.id}${SUFFIX}`, text: experimentText(file, options.secrets()), skipped: [] };
      }
      // One unreadable file must not cost the export of all the others: it is left out and named.
      const files: ExperimentFile[] = [];
      const skipped: SkippedFile[] = [];
      for (const name of readdirSync(folder()).filter((n) => n.endsWith(SUFFIX))) {
        try {
          files.push(read(name.slice(0, -SUFFIX.length)));
        } catch (err) {
          skipped.push({ file: name, reason: err instanceof Error ? err.message : String(err) });
        }
      }
      const bundle = { format: EXPERIMENT_BUNDLE_FORMAT, formatVersion: EXPERIMENT_FORMAT_VERSION, experiments: files } as const;
      return { fileName: "experiments.json", text: experimentText(bundle, options.secrets()), skipped };
    },
    importText(text) {
      // Everything is validated before the first file is written: a bad bundle imports nothing.
      const files = parseExperimentText(text);
      return files.map((file) => {
        const id = existsSync(pathOf(file.id)) || existsSync(pathOf(file.id, true)) ? freshId(file.name) : file.id;
        return summarizeExperiment(write({ ...file, id }));
      });
    },
  };
}

/** The workspace folder to use: the user's choice when absolute, else `experiments` in the data folder. */
export function resolveWorkspaceDir(dataDir: string, chosen: string): string {
  return chosen && isAbsolute(chosen) ? resolve(chosen) : join(dataDir, "experiments");
}
