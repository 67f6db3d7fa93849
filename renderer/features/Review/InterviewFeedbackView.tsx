// Renderer: the grade of a mock answer: a model's structured grade, or the key points with
// checkboxes for grading yourself (the score is the share of points covered).
import { useState } from "react";
import type { InterviewFeedback } from "../../../shared/contracts/lessons";
import { useAppStore } from "../../store/appStore";

/** Feedback on one mock answer. */
export function InterviewFeedbackView({ lessonId, feedback }: { lessonId: string; feedback: InterviewFeedback }) {
  const recordSelfGrade = useAppStore((s) => s.recordSelfGrade);
  const [covered, setCovered] = useState<boolean[]>(() => feedback.keyPoints.map(() => false));
  const [saved, setSaved] = useState(false);
  if (feedback.mode === "model") {
    const { grade } = feedback;
    return (
      <div className="grade" data-testid="interview-feedback">
        <p className="grade-head">Score {grade.score}/100 <span className="hint">(graded by {feedback.model})</span></p>
        <p>Covered:</p>
        <ul>{grade.points_covered.map((p) => <li key={p}>{p}</li>)}</ul>
        <p>Missed:</p>
        <ul>{grade.points_missed.map((p) => <li key={p}>{p}</li>)}</ul>
        <p>Follow-up question: <em>{grade.follow_up}</em></p>
      </div>
    );
  }
  const score = covered.filter(Boolean).length / Math.max(1, covered.length);
  return (
    <div className="grade" data-testid="interview-feedback">
      <p className="hint">{feedback.why}</p>
      <p>Tick the key points your answer covered:</p>
      {feedback.keyPoints.map((point, i) => (
        <label key={point} className="quiz-option">
          <input type="checkbox" checked={covered[i] ?? false} disabled={saved} onChange={() => setCovered((all) => all.map((c, j) => (j === i ? !c : c)))} /> {point}
        </label>
      ))}
      <div className="row">
        <button
          type="button"
          data-testid="save-self-grade"
          disabled={saved}
          onClick={() => {
            setSaved(true);
            void recordSelfGrade(lessonId, score);
          }}
        >
          Save my grade ({Math.round(score * 100)}%)
        </button>
        {saved ? <span className="tag tag-active">saved</span> : null}
      </div>
    </div>
  );
}
