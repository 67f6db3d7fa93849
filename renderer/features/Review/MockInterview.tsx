// Renderer: a mock interview: pick a topic (or a random one), answer in writing against a timer,
// then see a model's structured grade (with a key) or grade yourself against the key points.
import { useEffect, useState } from "react";
import { useAppStore } from "../../store/appStore";
import { InterviewFeedbackView } from "./InterviewFeedbackView";

/** Seconds as m:ss. */
export function clockText(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** The mock interview panel. */
export function MockInterview() {
  const lessonList = useAppStore((s) => s.lessonList) ?? [];
  const interview = useAppStore((s) => s.interview);
  const startInterview = useAppStore((s) => s.startInterview);
  const gradeInterview = useAppStore((s) => s.gradeInterview);
  const grading = useAppStore((s) => s.interviewGrading);
  const error = useAppStore((s) => s.interviewError);
  const feedback = useAppStore((s) => s.interviewFeedback);
  const [chosen, setChosen] = useState("");
  const [answer, setAnswer] = useState("");
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [elapsed, setElapsed] = useState(0);

  // The timer ticks from the start until the answer is submitted.
  useEffect(() => {
    if (startedAt === null || submitted) return;
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - startedAt) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [startedAt, submitted]);

  const start = (lessonId: string) => {
    setAnswer("");
    setElapsed(0);
    setSubmitted(false);
    setStartedAt(Date.now());
    void startInterview(lessonId);
  };
  const topic = lessonList.find((l) => l.id === interview?.lessonId);

  return (
    <section className="mock-interview" data-testid="mock-interview">
      <h2>Mock interview</h2>
      <div className="row">
        <select aria-label="Topic" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">Choose a topic...</option>
          {lessonList.map((l) => (
            <option key={l.id} value={l.id}>
              {l.number}. {l.title}
            </option>
          ))}
        </select>
        <button type="button" disabled={!chosen} data-testid="start-interview" onClick={() => start(chosen)}>
          Start
        </button>
        <button
          type="button"
          disabled={lessonList.length === 0}
          onClick={() => {
            const pick = lessonList[Math.floor(Math.random() * lessonList.length)];
            if (pick) start(pick.id);
          }}
        >
          Random topic
        </button>
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {interview && startedAt !== null ? (
        <div className="review-card">
          <p className="hint">
            {topic?.title ?? interview.lessonId} · <span className="timer" data-testid="interview-timer">{clockText(elapsed)}</span>
          </p>
          <p className="review-question" data-testid="interview-question">
            <strong>{interview.question}</strong>
          </p>
          <textarea aria-label="Your answer" data-testid="interview-answer" rows={8} value={answer} disabled={submitted} onChange={(e) => setAnswer(e.target.value)} />
          <div className="row">
            <button
              type="button"
              className="button-primary"
              data-testid="submit-interview"
              disabled={grading || submitted}
              onClick={() => {
                setSubmitted(true);
                void gradeInterview(interview.lessonId, answer);
              }}
            >
              {grading ? "Grading..." : "Submit answer"}
            </button>
          </div>
          {feedback ? <InterviewFeedbackView lessonId={interview.lessonId} feedback={feedback} /> : null}
        </div>
      ) : null}
    </section>
  );
}
