// Main process: datasets as readable JSON files in the workspace's `datasets` folder.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { MAX_DATASET_BYTES } from "../../../shared/contracts/importLimits";
import { DATASET_FORMAT, DATASET_FORMAT_VERSION, Dataset } from "../../../shared/evals";
import { describeZodError } from "../../../shared/errors";
import { JsonTooDeepError, parseJsonWithin } from "../../../shared/jsonDepth";
import { redactSecrets } from "../../../shared/redact";
import { DojoError } from "../../errors";
import { experimentIdFor } from "../experiments/experimentStore";
import { writeAtomically } from "../experiments/experimentFile";
import { setDamagedFileAside } from "../damagedFile";
import type { SkippedFile } from "../experiments/experimentStore";

const SUFFIX = ".dataset.json";

/** One line of the dataset list. */
export interface DatasetSummary {
  id: string;
  name: string;
  caseCount: number;
  columns: string[];
  updatedAt: number;
}

/** What an edit or import supplies: the id is kept when given, made from the name otherwise. */
export type DatasetDraft = Omit<Dataset, "format" | "formatVersion" | "id" | "updatedAt"> & { id?: string };

export interface DatasetStore {
  list(): DatasetSummary[];
  /** The list, and the files left out of it (damaged ones moved aside, newer ones left alone). */
  listWithProblems(): { datasets: DatasetSummary[]; problems: SkippedFile[] };
  get(id: string): Dataset;
  save(draft: DatasetDraft): Dataset;
  remove(id: string): void;
}

/** Creates the store; `dir` is read on every call (the workspace folder may change). */
export function createDatasetStore(options: {
  dir: () => string;
  secrets: () => readonly string[];
  now?: () => number;
  randomSuffix?: () => string;
  /** The app's live notice list: a damaged file moved aside is reported there too. */
  notices?: string[];
}): DatasetStore {
  const now = options.now ?? Date.now;
  const suffix = options.randomSuffix ?? (() => Math.random().toString(36).slice(2, 8).padEnd(6, "0"));
  const folder = () => {
    mkdirSync(options.dir(), { recursive: true });
    return options.dir();
  };
  const pathOf = (id: string) => join(folder(), `${id}${SUFFIX}`);

  function read(id: string): Dataset {
    const path = pathOf(id);
    if (!existsSync(path)) throw new DojoError("not_found", `There is no dataset "${id}".`);
    const damaged = (reason: string) => new DojoError("not_found", setDamagedFileAside(path, "The dataset file", reason, { notices: options.notices }));
    let raw: unknown;
    try {
      raw = parseJsonWithin(readFileSync(path, "utf8"));
    } catch (err) {
      throw damaged(err instanceof JsonTooDeepError ? "it is nested too deep" : "it is not valid JSON");
    }
    // A newer app's file is not damaged: it is refused and left exactly as it is.
    const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
    if (typeof version === "number" && version > DATASET_FORMAT_VERSION) {
      throw new DojoError("invalid_input", `The dataset file ${path} was written by a newer version of Prompt Dojo (dataset format ${version}; this version reads ${DATASET_FORMAT_VERSION}); it is left as it is.`);
    }
    const parsed = Dataset.safeParse(raw);
    if (!parsed.success) throw damaged(`it is not a valid dataset: ${describeZodError(parsed.error)}`);
    return parsed.data;
  }

  function listWithProblems(): { datasets: DatasetSummary[]; problems: SkippedFile[] } {
    const datasets: DatasetSummary[] = [];
    const problems: SkippedFile[] = [];
    for (const name of readdirSync(folder())) {
      if (!name.endsWith(SUFFIX)) continue;
      try {
        const d = read(name.slice(0, -SUFFIX.length));
        datasets.push({ id: d.id, name: d.name, caseCount: d.cases.length, columns: d.columns, updatedAt: d.updatedAt });
      } catch (err) {
        // Never silently: a damaged file was moved aside (with a notice), a newer one left alone.
        problems.push({ file: name, reason: err instanceof Error ? err.message : String(err) });
      }
    }
    return { datasets: datasets.sort((a, b) => b.updatedAt - a.updatedAt), problems };
  }

  return {
    list: () => listWithProblems().datasets,
    listWithProblems,
    get: read,
    save(draft) {
      // What the Evals view sends to save this dataset again must fit through the web door.
      const { name, columns, cases, assertions } = draft;
      const bytes = Buffer.byteLength(JSON.stringify({ id: draft.id ?? "x".repeat(80), name, columns, cases, assertions }));
      if (bytes > MAX_DATASET_BYTES) {
        const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
        throw new DojoError("invalid_input", `The dataset is ${mb(bytes)} MB as JSON; at most ${mb(MAX_DATASET_BYTES)} MB can be saved. Split it into smaller datasets.`);
      }
      const id = draft.id ?? experimentIdFor(draft.name, suffix());
      const candidate = { ...draft, id, format: DATASET_FORMAT, formatVersion: DATASET_FORMAT_VERSION, updatedAt: now() };
      const parsed = Dataset.safeParse(candidate);
      if (!parsed.success) throw new DojoError("invalid_input", `The dataset is not valid: ${describeZodError(parsed.error)}`);
      const ids = new Set<string>();
      for (const c of parsed.data.cases) {
        if (ids.has(c.id)) throw new DojoError("invalid_input", `The dataset is not valid: the case id "${c.id}" is used twice.`);
        ids.add(c.id);
      }
      writeAtomically(pathOf(id), redactSecrets(`${JSON.stringify(parsed.data, null, 2)}\n`, options.secrets()));
      return read(id);
    },
    remove(id) {
      read(id);
      rmSync(pathOf(id));
    },
  };
}
