// Renderer: lessons taught in the Embeddings lab: loading a lesson's texts and width into the lab,
// and grading an embeddings exercise on the lab's latest embedded set (by its job id).
import type { EmbeddingsPreset } from "../../../shared/lesson";
import type { AppStore } from "../../store/createAppStore";

/** Puts a preset's texts (one per line) and width into the Embeddings lab and shows the lab. */
export function loadEmbeddingsPreset(store: AppStore, preset: EmbeddingsPreset): void {
  const state = store.getState();
  // The model is left to the active profile's default, so the preset works with any provider.
  state.setEmbeddingsInput({ textsInput: preset.texts.join("\n"), dimensions: preset.dimensions ?? null, model: "" });
  state.setView("embeddings");
}

/**
 * Grades the open lesson's embeddings exercise on the lab's latest set; the result lands where the
 * playground check puts its own (exerciseGrade, exerciseError, progress), so the panel shows either.
 */
export async function checkEmbeddingsExercise(store: AppStore): Promise<void> {
  const lesson = store.getState().openLesson;
  if (!lesson) return;
  const set = store.getState().embeddings.set;
  if (!set) {
    store.setState({ exerciseError: "Embed the texts in the Embeddings lab first; the check uses the lab's latest embedded texts.", exerciseGrade: null });
    return;
  }
  await store.getState().gradeExerciseRun(lesson.frontMatter.id, set.jobId);
}
