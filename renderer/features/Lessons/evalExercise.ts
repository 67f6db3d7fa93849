// Renderer: lessons taught in the Evals view: loading a lesson's dataset there (and its first prompt
// version into the playground, which the Evals view runs as "the playground as it is now"), and
// grading an eval exercise on the evaluation run on screen (by its id).
import type { EvalPreset } from "../../../shared/lesson";
import type { AppStore } from "../../store/createAppStore";

/** One sentence saying how to run a preset, since the run settings are chosen in the Evals view. */
export function evalPresetSteps(preset: EvalPreset): string {
  const { settings, variants, dataset } = preset;
  const how = settings.mode === "batch" ? "through the Batch API" : `one request per case, ${settings.concurrency} at a time`;
  const versions = variants.length > 1 ? ` Its other prompt versions (${variants.slice(1).map((v) => `"${v.label}"`).join(", ")}) are saved experiment versions you add in Run setup.` : "";
  const cases = `${dataset.cases.length} case${dataset.cases.length === 1 ? "" : "s"}`;
  return `Loads the dataset "${dataset.name}" (${cases}) into the Evals view and the prompt version "${variants[0]?.label ?? ""}" into the playground; run it ${how}${settings.cache ? ", with the cache on" : ""}.${versions}`;
}

/**
 * Saves the preset's dataset (replacing the one of the same name, so "Try it" again resets it),
 * opens it in the Evals view, and loads the first prompt version into the playground. The run
 * settings (direct or batch, concurrency, cache) are left to the learner, as the goal asks.
 */
export async function loadEvalPreset(store: AppStore, preset: EvalPreset): Promise<void> {
  const first = preset.variants[0];
  if (first) store.getState().loadPresetIntoPlayground({ request: structuredClone(first.request), simulatorFailure: "none" });
  await store.getState().loadDatasets();
  const existing = store.getState().evals.datasets.find((d) => d.name === preset.dataset.name);
  await store.getState().saveDataset({ ...structuredClone(preset.dataset), ...(existing ? { id: existing.id } : {}) });
  const saved = store.getState().evals.dataset;
  if (saved) await store.getState().openDataset(saved.id);
  store.getState().setView("evals");
}

/**
 * Grades the open lesson's eval exercise on the run shown in the Evals view; the result lands where
 * the playground check puts its own (exerciseGrade, exerciseError, progress).
 */
export async function checkEvalExercise(store: AppStore): Promise<void> {
  const lesson = store.getState().openLesson;
  if (!lesson) return;
  const { run, runId } = store.getState().evals;
  const evalRunId = run?.id ?? runId;
  if (!evalRunId) {
    store.setState({ exerciseError: "Run the dataset in the Evals view first; the check uses the evaluation run shown there.", exerciseGrade: null });
    return;
  }
  await store.getState().gradeExerciseRun(lesson.frontMatter.id, evalRunId);
}
