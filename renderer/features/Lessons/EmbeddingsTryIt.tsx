// Renderer: "Try it" for a lesson taught in the Embeddings lab: loads its texts and width there.
import type { EmbeddingsPreset } from "../../../shared/lesson";
import { appStore } from "../../store/appStore";
import { loadEmbeddingsPreset } from "./embeddingsExercise";

/** The lab's "Try it" button, or nothing when the lesson has no embeddings preset. */
export function EmbeddingsTryIt({ preset }: { preset: EmbeddingsPreset | undefined }) {
  if (!preset) return null;
  return (
    <>
      <button type="button" data-testid="try-embeddings-preset" onClick={() => loadEmbeddingsPreset(appStore, preset)}>
        Try it in the Embeddings lab
      </button>
      <p className="hint">
        Loads {preset.texts.length} texts{preset.dimensions ? ` and a width of ${preset.dimensions} dimensions` : ""} into the Embeddings lab
        {preset.query ? `; then search for "${preset.query}"` : ""}.
      </p>
    </>
  );
}
