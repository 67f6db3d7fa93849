// Renderer: "Try it" for a lesson taught in the Evals view: loads its dataset there and its first prompt version into the playground.
import type { EvalPreset } from "../../../shared/lesson";
import { appStore } from "../../store/appStore";
import { evalPresetSteps, loadEvalPreset } from "./evalExercise";

/** The Evals view's "Try it" button, or nothing when the lesson has no eval preset. */
export function EvalTryIt({ preset }: { preset: EvalPreset | undefined }) {
  if (!preset) return null;
  return (
    <>
      <button type="button" data-testid="try-eval-preset" onClick={() => void loadEvalPreset(appStore, preset)}>
        Try it in the Evals view
      </button>
      <p className="hint">{evalPresetSteps(preset)}</p>
    </>
  );
}
