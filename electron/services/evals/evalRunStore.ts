// Main process: evaluation runs kept as one JSON file each under the data folder, so a run can be
// reopened, compared and resumed after a restart.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EvalRun, type EvalRunSummary } from "../../../shared/evals";
import { DojoError } from "../../errors";
import { writeAtomically } from "../experiments/experimentFile";

export interface EvalRunStore {
  save(run: EvalRun): void;
  get(id: string): EvalRun;
  list(datasetId?: string): EvalRunSummary[];
}

/** The list line of a run. */
export function summarizeEvalRun(run: EvalRun): EvalRunSummary {
  return {
    id: run.id,
    datasetId: run.datasetId,
    datasetName: run.datasetName,
    createdAt: run.createdAt,
    status: run.status,
    caseCount: run.caseCount,
    variantLabels: run.variants.map((v) => v.label),
    passed: run.cells.filter((c) => c.status === "pass").length,
    done: run.cells.length,
    total: run.caseCount * run.variants.length,
    mode: run.settings.mode,
  };
}

/** Opens the store in `dir`. */
export function createEvalRunStore(dir: string): EvalRunStore {
  const pathOf = (id: string) => join(dir, `${id}.json`);
  const read = (id: string): EvalRun => {
    if (!/^[0-9a-f-]{36}$/.test(id) || !existsSync(pathOf(id))) throw new DojoError("not_found", `There is no evaluation run ${id}.`);
    return EvalRun.parse(JSON.parse(readFileSync(pathOf(id), "utf8")));
  };
  return {
    save(run) {
      mkdirSync(dir, { recursive: true });
      writeAtomically(pathOf(run.id), JSON.stringify(run));
    },
    get: read,
    list(datasetId) {
      if (!existsSync(dir)) return [];
      const out: EvalRunSummary[] = [];
      for (const name of readdirSync(dir)) {
        if (!name.endsWith(".json")) continue;
        try {
          const run = read(name.slice(0, -5));
          if (!datasetId || run.datasetId === datasetId) out.push(summarizeEvalRun(run));
        } catch {
          // A damaged run file is skipped; the others still list.
        }
      }
      return out.sort((a, b) => b.createdAt - a.createdAt);
    },
  };
}
