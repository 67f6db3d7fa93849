// Renderer: a lesson's quiz: multiple-choice and short-answer questions, graded by the main side,
// each answer explained.
import { useMemo, useState } from "react";
import type { Lesson } from "../../../shared/lesson";
import { gradeQuiz, type QuizAnswer } from "../../../shared/lessonQuiz";
import { useAppStore } from "../../store/appStore";

const NO_ANSWERS: readonly (QuizAnswer | null)[] = [];

/** The quiz of the open lesson. Answers are kept: a draft while the app runs, the last checked attempt in progress. */
export function QuizPanel({ lesson }: { lesson: Lesson }) {
  const { quiz, id } = lesson.frontMatter;
  const draft = useAppStore((s) => s.quizDrafts[id]);
  const saved = useAppStore((s) => s.progress?.lessons[id]?.answers ?? NO_ANSWERS);
  const setQuizDraft = useAppStore((s) => s.setQuizDraft);
  const [answers, setAnswers] = useState<(QuizAnswer | null)[]>(() => quiz.map((_, i) => draft?.[i] ?? saved[i] ?? null));
  const submitQuiz = useAppStore((s) => s.submitQuiz);
  const grading = useAppStore((s) => s.quizGrading);
  const [byModel, setByModel] = useState(false);
  const checked = useAppStore((s) => s.quizOutcome);
  // On a revisit, the last checked attempt is shown graded again (grading is the same code on both sides).
  const previous = useMemo(() => (saved.length === quiz.length ? gradeQuiz(quiz, saved) : null), [quiz, saved]);
  const outcome = checked ?? previous;
  const setAnswer = (i: number, value: QuizAnswer) =>
    setAnswers((all) => {
      const next = all.map((a, j) => (j === i ? value : a));
      setQuizDraft(id, next);
      return next;
    });
  return (
    <section className="quiz" data-testid="quiz">
      <h2>Quiz</h2>
      <ol>
        {quiz.map((q, i) => {
          const result = outcome?.results[i];
          return (
            <li key={i} className="quiz-question" data-testid={`quiz-${i}`}>
              <p>{q.question}</p>
              {q.kind === "choice" ? (
                <div role="radiogroup">
                  {q.options.map((option, j) => (
                    <label key={j} className="quiz-option">
                      <input type="radio" name={`${id}-q${i}`} checked={answers[i] === j} onChange={() => setAnswer(i, j)} /> {option.text}
                    </label>
                  ))}
                </div>
              ) : (
                <input type="text" aria-label="Your answer" value={typeof answers[i] === "string" ? (answers[i] as string) : ""} onChange={(e) => setAnswer(i, e.target.value)} />
              )}
              {result ? (
                <p className={result.correct ? "quiz-result quiz-right" : "quiz-result quiz-wrong"} data-testid={`quiz-result-${i}`}>
                  {result.correct ? "Right. " : "Not quite. "}
                  {result.feedback && (!result.correct || result.gradedBy === "model") ? <span data-testid={`quiz-feedback-${i}`}>{result.feedback} </span> : null}
                  {q.kind === "choice" && !result.correct ? `The answer is "${q.options[q.answer]?.text}". ` : null}
                  {q.kind === "short" ? `A good answer: ${q.sample} ` : null}
                  {result.explanation}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="row">
        <button type="button" className="button-primary" data-testid="submit-quiz" disabled={grading} onClick={() => void submitQuiz(answers, byModel)}>
          {grading ? "Grading..." : "Check answers"}
        </button>
        <label className="hint">
          <input type="checkbox" data-testid="quiz-model-grader" checked={byModel} onChange={(e) => setByModel(e.target.checked)} /> Grade short answers with a model (uses the active profile's API key; the rules grade offline)
        </label>
        {outcome ? <strong data-testid="quiz-score">{outcome.correct} of {outcome.total} right</strong> : null}
        {!checked && previous ? <span className="hint" data-testid="quiz-previous">(your last checked attempt)</span> : null}
        {checked?.graderNote ? <span className="hint" data-testid="quiz-grader-note">{checked.graderNote}</span> : null}
      </div>
    </section>
  );
}
