// Renderer: a lesson's quiz: multiple-choice and short-answer questions, graded by the main side,
// each answer explained.
import { useState } from "react";
import type { Lesson } from "../../../shared/lesson";
import type { QuizAnswer } from "../../../shared/lessonQuiz";
import { useAppStore } from "../../store/appStore";

/** The quiz of the open lesson. */
export function QuizPanel({ lesson }: { lesson: Lesson }) {
  const { quiz, id } = lesson.frontMatter;
  const [answers, setAnswers] = useState<(QuizAnswer | null)[]>(() => quiz.map(() => null));
  const submitQuiz = useAppStore((s) => s.submitQuiz);
  const outcome = useAppStore((s) => s.quizOutcome);
  const setAnswer = (i: number, value: QuizAnswer) => setAnswers((all) => all.map((a, j) => (j === i ? value : a)));
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
                  {!result.correct && result.feedback ? <span data-testid={`quiz-feedback-${i}`}>{result.feedback} </span> : null}
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
        <button type="button" className="button-primary" data-testid="submit-quiz" onClick={() => void submitQuiz(answers)}>Check answers</button>
        {outcome ? <strong data-testid="quiz-score">{outcome.correct} of {outcome.total} right</strong> : null}
      </div>
    </section>
  );
}
