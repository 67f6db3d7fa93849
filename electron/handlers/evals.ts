// Main process: the evaluation channels over the dataset store and the evaluation service.
import { casesFromFile } from "../../shared/datasetImport";
import type { evalsChannels } from "../../shared/contracts/evals";
import type { Handlers } from "../dispatch";
import { DojoError } from "../errors";
import type { DatasetStore } from "../services/evals/datasetStore";
import type { EvalService } from "../services/evals/evalService";

/** Handlers for the `evals.*` channels. */
export function createEvalHandlers(deps: { datasets: DatasetStore; evals: EvalService }): Pick<Handlers, keyof typeof evalsChannels> {
  const { datasets, evals } = deps;
  return {
    "evals.datasets.list": async () => datasets.listWithProblems(),
    "evals.datasets.get": async ({ id }) => datasets.get(id),
    "evals.datasets.save": async (draft) => datasets.save(draft),
    "evals.datasets.import": async ({ name, fileName, text, assertions }) => {
      let imported;
      try {
        imported = casesFromFile(fileName, text);
      } catch (err) {
        throw new DojoError("invalid_input", `${fileName} could not be read: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (imported.cases.length === 0) throw new DojoError("invalid_input", `${fileName} has no cases.`);
      return datasets.save({ name, columns: imported.columns, cases: imported.cases, assertions: assertions ?? [] });
    },
    "evals.datasets.delete": async ({ id }) => {
      datasets.remove(id);
      return { ok: true };
    },
    "evals.start": async (input, ctx) => ({ evalRunId: evals.start(input, (p) => ctx.emit("evals.progress", p)).id }),
    "evals.cancel": async ({ evalRunId }) => ({ cancelled: evals.cancel(evalRunId) }),
    "evals.resume": async ({ evalRunId }, ctx) => ({ evalRunId: evals.resume(evalRunId, (p) => ctx.emit("evals.progress", p)).id }),
    "evals.get": async ({ evalRunId }) => evals.get(evalRunId),
    "evals.list": async ({ datasetId }) => {
      const problems: { file: string; reason: string }[] = [];
      const runs = evals.list(datasetId, problems);
      return { runs, problems };
    },
  };
}
