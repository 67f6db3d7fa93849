// Renderer: the Review view: today's review cards (answer from memory, reveal the key points,
// grade with one of the four FSRS grades) and the mock interview.
import { useEffect, useState } from "react";
import type { ReviewGrade } from "../../../shared/contracts/lessons";
import { useAppStore } from "../../store/appStore";
import { dueText } from "./dueText";
import { MockInterview } from "./MockInterview";
import "../Lessons/lessons.css";

const GRADES: { grade: ReviewGrade; label: string }[] = [
  { grade: "again", label: "Again" },
  { grade: "hard", label: "Hard" },
  { grade: "good", label: "Good" },
  { grade: "easy", label: "Easy" },
];

/** Daily review queue and mock interviews. */
export function Review() {
  const queue = useAppStore((s) => s.reviewQueue);
  const lastReview = useAppStore((s) => s.lastReview);
  const error = useAppStore((s) => s.reviewError);
  const loadReviewQueue = useAppStore((s) => s.loadReviewQueue);
  const gradeReviewCard = useAppStore((s) => s.gradeReviewCard);
  const lessonList = useAppStore((s) => s.lessonList);
  const loadCourse = useAppStore((s) => s.loadCourse);
  const [revealed, setRevealed] = useState(false);
  useEffect(() => {
    void loadReviewQueue();
    if (lessonList === null) void loadCourse();
  }, [loadReviewQueue, loadCourse, lessonList]);
  const card = queue?.cards[0];
  const now = Date.now();
  return (
    <div className="review">
      <h1>Review</h1>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {lastReview ? (
        <p className="hint" data-testid="last-review">
          Graded "{lastReview.grade}": next review {dueText(lastReview.nextDue, now)} ({new Date(lastReview.nextDue).toLocaleString()}).
        </p>
      ) : null}
      <section>
        <h2>Today's cards {queue ? <span className="tag">{queue.cards.length} to review</span> : null}</h2>
        {queue && !card ? (
          <p data-testid="review-done">
            Nothing left for today.{queue.nextDue ? ` The next card is due ${dueText(queue.nextDue, now)}.` : ""}
          </p>
        ) : null}
        {card ? (
          <div className="review-card" data-testid="review-card" data-card-id={card.cardId}>
            <p className="hint">{card.lessonTitle}{card.isNew ? " · new" : ""}</p>
            <p className="review-question"><strong>{card.question}</strong></p>
            {revealed ? (
              <>
                <ul data-testid="review-key-points">{card.keyPoints.map((p) => <li key={p}>{p}</li>)}</ul>
                <p className="hint">How well did your answer cover these points?</p>
                <div className="grade-buttons">
                  {GRADES.map(({ grade, label }) => (
                    <button
                      key={grade}
                      type="button"
                      data-testid={`grade-${grade}`}
                      onClick={() => {
                        setRevealed(false);
                        void gradeReviewCard(card.cardId, grade);
                      }}
                    >
                      <span>{label}</span>
                      <span className="hint">{dueText(card.nextDue[grade], now)}</span>
                    </button>
                  ))}
                </div>
              </>
            ) : (
              <button type="button" className="button-primary" data-testid="reveal-card" onClick={() => setRevealed(true)}>
                Show the key points
              </button>
            )}
          </div>
        ) : null}
      </section>
      <MockInterview />
    </div>
  );
}
