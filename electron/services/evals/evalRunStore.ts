// Main process: evaluation runs kept as one JSON file each under the data folder, so a run can be
// reopened, compared and resumed after a restart.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EvalRun, type EvalRunSummary } from "../../../shared/evals";
import { describeZodError } from "../../../shared/errors";
import { JsonTooDeepError, parseJsonWithin } from "../../../shared/jsonDepth";
import { DojoError } from "../../errors";
import { setDamagedFileAside } from "../damagedFile";
import type { SkippedFile } from "../experiments/experimentStore";
import { writeAtomically } from "../experiments/experimentFile";

export interface EvalRunStore {
  save(run: EvalRun): void;
  get(id: string): EvalRun;
  /** The runs' summaries; files left out (damaged ones, moved aside) are added to `problems`. */
  list(datasetId?: string, problems?: SkippedFile[]): EvalRunSummary[];
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

/** Opens the store in `dir`; `notices` is the app's live notice list, told of a damaged file. */
export function createEvalRunStore(dir: string, options: { notices?: string[] } = {}): EvalRunStore {
  const pathOf = (id: string) => join(dir, `${id}.json`);
  const read = (id: string): EvalRun => {
    if (!/^[0-9a-f-]{36}$/.test(id) || !existsSync(pathOf(id))) throw new DojoError("not_found", `There is no evaluation run ${id}.`);
    // A damaged run (cut short by a crash, edited by hand) is moved aside and said so, not an internal error.
    const damaged = (reason: string) => new DojoError("not_found", setDamagedFileAside(pathOf(id), "The evaluation run file", reason, { notices: options.notices }));
    let raw: unknown;
    try {
      raw = parseJsonWithin(readFileSync(pathOf(id), "utf8"));
    } catch (err) {
      throw damaged(err instanceof JsonTooDeepError ? "it is nested too deep" : "it is not valid JSON");
    }
    const parsed = EvalRun.safeParse(raw);
    if (!parsed.success) throw damaged(`it is not a valid evaluation run: ${describeZodError(parsed.error)}`);
    return parsed.data;
  };
  return {
    save(run) {
      mkdirSync(dir, { recursive: true });
      writeAtomically(pathOf(run.id), JSON.stringify(run));
    },
    get: read,
    list(datasetId, problems) {
      if (!existsSync(dir)) return [];
      const out: EvalRunSummary[] = [];
      for (const name of readdirSync(dir)) {
        // Only run files (<uuid>.json): the ones moved aside are .corrupt-<time>.json.
        if (!/^[0-9a-f-]{36}\.json$/.test(name)) continue;
        try {
          const run = read(name.slice(0, -5));
          if (!datasetId || run.datasetId === datasetId) out.push(summarizeEvalRun(run));
        } catch (err) {
          // A damaged run file is moved aside (with a notice); the others still list.
          problems?.push({ file: name, reason: err instanceof Error ? err.message : String(err) });
        }
      }
      return out.sort((a, b) => b.createdAt - a.createdAt);
    },
  };
}
