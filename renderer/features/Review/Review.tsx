// Renderer: the Review view: today's review cards (type an answer from memory, reveal the key
// points, grade with one of the four FSRS grades, take the last grade back), by mouse or keyboard
// (Space, 1-4, U), and the statistics: due today, retention and a 30-day forecast.
import { useEffect, useRef, useState } from "react";
import type { ReviewGrade, ReviewStats } from "../../../shared/contracts/lessons";
import { useAppStore } from "../../store/appStore";
import { percent } from "../Readiness/readiness";
import { dueText } from "./dueText";
import { reviewKeyAction } from "./reviewKeys";
import "../Lessons/lessons.css";

const GRADES: { grade: ReviewGrade; label: string; key: string }[] = [
  { grade: "again", label: "Again", key: "1" },
  { grade: "hard", label: "Hard", key: "2" },
  { grade: "good", label: "Good", key: "3" },
  { grade: "easy", label: "Easy", key: "4" },
];

/** Whether keys typed now go into a text field (the answer box, a select). */
function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.tagName === "TEXTAREA" || el.tagName === "INPUT" || el.tagName === "SELECT" || el.isContentEditable));
}

/** Due today, retention, and one bar per day for the next 30 days. */
function ReviewStatsView({ stats }: { stats: ReviewStats }) {
  const most = Math.max(1, ...stats.forecast);
  return (
    <section className="review-stats" data-testid="review-stats">
      <h2>Statistics</h2>
      <p>
        <span className="tag" data-testid="stat-due-today">{stats.dueToday} due today</span>{" "}
        <span className="tag" data-testid="stat-retention">retention {percent(stats.retention)}</span>{" "}
        <span className="tag" data-testid="stat-reviewed">{stats.reviewed} cards reviewed</span>
      </p>
      <p className="hint">Reviews due on each of the next {stats.forecast.length} days (today first, overdue included):</p>
      <div className="forecast" data-testid="forecast" role="img" aria-label={`Reviews due per day: ${stats.forecast.join(", ")}`}>
        {stats.forecast.map((count, day) => (
          <div
            key={day}
            className="forecast-bar"
            data-testid={`forecast-day-${day}`}
            data-count={count}
            title={`${day === 0 ? "today" : `in ${day} day${day === 1 ? "" : "s"}`}: ${count}`}
            style={{ height: `${Math.round((count / most) * 100)}%` }}
          />
        ))}
      </div>
    </section>
  );
}

/** The daily review queue. */
export function Review() {
  const queue = useAppStore((s) => s.reviewQueue);
  const stats = useAppStore((s) => s.reviewStats);
  const lastReview = useAppStore((s) => s.lastReview);
  const error = useAppStore((s) => s.reviewError);
  const loadReviewQueue = useAppStore((s) => s.loadReviewQueue);
  const loadReviewStats = useAppStore((s) => s.loadReviewStats);
  const gradeReviewCard = useAppStore((s) => s.gradeReviewCard);
  const undoLastReview = useAppStore((s) => s.undoLastReview);
  const setView = useAppStore((s) => s.setView);
  const [revealed, setRevealed] = useState(false);
  const [answer, setAnswer] = useState("");
  useEffect(() => {
    void loadReviewQueue();
    void loadReviewStats();
  }, [loadReviewQueue, loadReviewStats]);
  const card = queue?.cards[0];
  const cardId = card?.cardId;
  // A new card starts hidden with an empty answer box.
  useEffect(() => {
    setRevealed(false);
    setAnswer("");
  }, [cardId]);

  const grade = (g: ReviewGrade) => {
    if (!cardId) return;
    setRevealed(false);
    setAnswer("");
    void gradeReviewCard(cardId, g);
  };
  const undo = () => void undoLastReview();
  // The keyboard handler reads the latest state through a ref, so it is registered once.
  const keys = useRef({ revealed, hasCard: Boolean(card), canUndo: Boolean(lastReview), grade, undo });
  keys.current = { revealed, hasCard: Boolean(card), canUndo: Boolean(lastReview), grade, undo };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = keys.current;
      const action = reviewKeyAction(e, { revealed: k.revealed, inTextField: inTextField(e.target) });
      if (!action) return;
      if (action.kind === "undo") {
        if (!k.canUndo) return;
        e.preventDefault();
        k.undo();
        return;
      }
      if (!k.hasCard) return;
      e.preventDefault();
      if (action.kind === "reveal") {
        (document.activeElement as HTMLElement | null)?.blur();
        setRevealed(true);
      } else k.grade(action.grade);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const now = Date.now();
  return (
    <div className="review">
      <h1>Review</h1>
      <p className="hint">
        Cards come from the lessons you have read or whose exercise you passed. Keys: Space shows the key points (Ctrl+Enter from the answer box), 1–4 grade, U takes back the last grade.
      </p>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {lastReview ? (
        <p className="hint" data-testid="last-review">
          Graded "{lastReview.grade}": next review {dueText(lastReview.nextDue, now)} ({new Date(lastReview.nextDue).toLocaleString()}).{" "}
          <button type="button" className="button-link" data-testid="undo-review" onClick={undo}>
            Undo (U)
          </button>
        </p>
      ) : null}
      <section>
        <h2>Today's cards {queue ? <span className="tag" data-testid="review-count">{queue.cards.length} to review</span> : null}</h2>
        {queue && !card ? (
          <p data-testid="review-done">
            {queue.nextDue
              ? `Nothing left for today. The next card is due ${dueText(queue.nextDue, now)}.`
              : stats && stats.reviewed > 0
                ? "Nothing left for today."
                : "No cards yet: a lesson's cards arrive here once you have read it or passed its exercise."}{" "}
            {!queue.nextDue && !(stats && stats.reviewed > 0) ? (
              <button type="button" className="button-link" onClick={() => setView("lessons")}>
                Open the lessons
              </button>
            ) : null}
          </p>
        ) : null}
        {card ? (
          <div className="review-card" data-testid="review-card" data-card-id={card.cardId} data-revealed={revealed ? "true" : "false"}>
            <p className="hint">{card.lessonTitle}{card.isNew ? " · new" : ""}</p>
            <p className="review-question"><strong>{card.question}</strong></p>
            {revealed ? (
              <>
                {answer.trim() ? (
                  <div className="review-your-answer" data-testid="review-your-answer">
                    <p className="hint">Your answer:</p>
                    <p>{answer}</p>
                  </div>
                ) : null}
                <p className="hint">The key points:</p>
                <ul data-testid="review-key-points">{card.keyPoints.map((p) => <li key={p}>{p}</li>)}</ul>
                <p className="hint">How well did your answer cover these points?</p>
                <div className="grade-buttons">
                  {GRADES.map(({ grade: g, label, key }) => (
                    <button key={g} type="button" data-testid={`grade-${g}`} onClick={() => grade(g)}>
                      <span>{key} · {label}</span>
                      <span className="hint">{dueText(card.nextDue[g], now)}</span>
                    </button>
                  ))}
                </div>
              </>
            ) : (
              <>
                <textarea
                  aria-label="Your answer (optional)"
                  data-testid="review-answer"
                  rows={4}
                  placeholder="Answer from memory first (optional), then show the key points."
                  value={answer}
                  onChange={(e) => setAnswer(e.target.value)}
                />
                <div className="row">
                  <button type="button" className="button-primary" data-testid="reveal-card" onClick={() => setRevealed(true)}>
                    Show the key points (Space)
                  </button>
                </div>
              </>
            )}
          </div>
        ) : null}
      </section>
      {stats ? <ReviewStatsView stats={stats} /> : null}
      <p className="hint">
        Practise answering at length in the{" "}
        <button type="button" className="button-link" data-testid="open-mock-interview" onClick={() => setView("interview")}>
          mock interview
        </button>
        .
      </p>
    </div>
  );
}
