// Renderer: a lesson's exercise: the goal, hints revealed one at a time, loading it into the
// playground (or the Embeddings lab, or the Evals view), checking the latest run (or embedded set,
// or evaluation run) with the assertion engine, and the solution on request.
import { useState } from "react";
import type { EmbeddingsPreset, EvalPreset, Lesson } from "../../../shared/lesson";
import { appStore, useAppStore } from "../../store/appStore";
import { checkEmbeddingsExercise, loadEmbeddingsPreset } from "./embeddingsExercise";
import { checkEvalExercise, evalPresetSteps, loadEvalPreset } from "./evalExercise";

/** The hands-on part of a lesson. */
export function ExercisePanel({ lesson }: { lesson: Lesson }) {
  const { exercise, preset, embeddingsPreset, evalPreset } = lesson.frontMatter;
  const inLab = exercise.source === "embeddings";
  const inEvals = exercise.source === "eval";
  const [hintsShown, setHintsShown] = useState(0);
  const [solutionShown, setSolutionShown] = useState(false);
  const loadPreset = useAppStore((s) => s.loadPresetIntoPlayground);
  const checkExercise = useAppStore((s) => s.checkExercise);
  const grade = useAppStore((s) => s.exerciseGrade);
  const checking = useAppStore((s) => s.exerciseChecking);
  const error = useAppStore((s) => s.exerciseError);
  const passedBefore = useAppStore((s) => s.progress?.lessons[lesson.frontMatter.id]?.exercisePassed ?? false);
  return (
    <section className="exercise" data-testid="exercise">
      <h2>Exercise {passedBefore ? <span className="tag tag-active">passed</span> : null}</h2>
      <p className="exercise-goal">{exercise.goal}</p>
      <div className="row">
        {inLab ? (
          <button type="button" disabled={!embeddingsPreset} onClick={() => embeddingsPreset && loadEmbeddingsPreset(appStore, embeddingsPreset)}>Start in the Embeddings lab</button>
        ) : inEvals ? (
          <button type="button" disabled={!evalPreset} onClick={() => evalPreset && void loadEvalPreset(appStore, evalPreset)}>Start in the Evals view</button>
        ) : (
          <button type="button" onClick={() => loadPreset(preset)}>Start in the playground</button>
        )}
        <button
          type="button"
          className="button-primary"
          data-testid="check-exercise"
          disabled={checking}
          onClick={() => void (inLab ? checkEmbeddingsExercise(appStore) : inEvals ? checkEvalExercise(appStore) : checkExercise())}
        >
          {checking ? "Checking..." : inLab ? "Check my latest embeddings" : inEvals ? "Check my evaluation run" : "Check my latest run"}
        </button>
      </div>
      <p className="hint">
        {inLab
          ? "Embed the texts (and search, if the goal asks) in the Embeddings lab, then come back and check. The checks measure the lab's latest embedded texts."
          : inEvals
            ? "Run the dataset in the Evals view and wait for it to finish, then come back and check. The checks read the evaluation run shown there."
            : "Edit and run the request in the playground, then come back and check it. The checks run on that run's result."}
      </p>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {grade ? (
        <div className={grade.pass ? "grade grade-pass" : "grade grade-fail"} data-testid="exercise-grade" data-pass={grade.pass}>
          <p className="grade-head">{grade.reason}</p>
          <ul>
            {grade.results.map((r, i) => (
              <li key={i}>
                {r.pass ? "✓" : "✗"} <strong>{r.description}</strong>: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="hints">
        {exercise.hints.slice(0, hintsShown).map((hint, i) => (
          <p key={i} className="hint-text">Hint {i + 1}: {hint}</p>
        ))}
        {hintsShown < exercise.hints.length ? (
          <button type="button" className="button-quiet" data-testid="next-hint" onClick={() => setHintsShown((n) => n + 1)}>
            Show hint {hintsShown + 1} of {exercise.hints.length}
          </button>
        ) : null}
      </div>
      {solutionShown ? (
        <div className="solution" data-testid="solution">
          <h3>Solution</h3>
          {exercise.source === "embeddings" ? (
            <EmbeddingsSolution solution={exercise.solution} />
          ) : exercise.source === "eval" ? (
            <EvalSolution solution={exercise.solution} />
          ) : (
            <>
              <pre className="answer-code"><code>{JSON.stringify(exercise.solution.request, null, 2)}</code></pre>
              {exercise.solution.simulatorFailure !== "none" ? <p>Simulated failure: {exercise.solution.simulatorFailure}</p> : null}
              <button type="button" data-testid="load-solution" onClick={() => loadPreset(exercise.solution)}>Load the solution into the playground</button>
            </>
          )}
          <p className="hint">A common wrong attempt: {exercise.wrongAttempt.why}</p>
        </div>
      ) : (
        <button type="button" className="button-quiet" data-testid="show-solution" onClick={() => setSolutionShown(true)}>Show the solution</button>
      )}
    </section>
  );
}

/** An embeddings exercise's solution: the texts, the width and the query, and a button to load them into the lab. */
function EmbeddingsSolution({ solution }: { solution: EmbeddingsPreset }) {
  return (
    <>
      <p>Texts, one per line{solution.dimensions ? `, embedded with ${solution.dimensions} dimensions` : ""}:</p>
      <pre className="answer-code"><code>{solution.texts.join("\n")}</code></pre>
      {solution.query ? <p>Then search for: <code>{solution.query}</code></p> : null}
      <button type="button" data-testid="load-solution" onClick={() => loadEmbeddingsPreset(appStore, solution)}>Load the solution into the Embeddings lab</button>
    </>
  );
}

/** An eval exercise's solution: the dataset, each prompt version and the run settings, and a button to load them. */
function EvalSolution({ solution }: { solution: EvalPreset }) {
  return (
    <>
      <p>{evalPresetSteps(solution)}</p>
      <pre className="answer-code"><code>{JSON.stringify({ dataset: solution.dataset, variants: solution.variants, settings: solution.settings }, null, 2)}</code></pre>
      <button type="button" data-testid="load-solution" onClick={() => void loadEvalPreset(appStore, solution)}>Load the solution's dataset and first version</button>
    </>
  );
}
