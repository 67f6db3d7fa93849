// Renderer: the Mock interview view: pick a topic (or a random one) and a time limit, answer in
// writing against the countdown (the answer is handed in when time runs out), then read the
// lesson's key points as a model answer and get a model's structured grade (with a key) or grade
// yourself against them (offline).
import { useEffect, useRef, useState } from "react";
import { useAppStore } from "../../store/appStore";
import { InterviewFeedbackView } from "./InterviewFeedbackView";
import "../Lessons/lessons.css";

/** Seconds as m:ss. */
export function clockText(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** The time limits offered, in seconds. */
export const TIME_LIMITS = [30, 60, 120, 180, 300, 600] as const;
const DEFAULT_LIMIT = 120;

/** Whole seconds left of `limit` after starting at `startedAt` (never below 0). */
export function secondsLeft(limit: number, startedAt: number, now: number): number {
  return Math.max(0, limit - Math.floor((now - startedAt) / 1000));
}

const limitText = (s: number) => (s < 60 ? `${s} seconds` : `${s / 60} minute${s === 60 ? "" : "s"}`);

/** The mock interview view. */
export function MockInterview() {
  const lessonList = useAppStore((s) => s.lessonList);
  const loadCourse = useAppStore((s) => s.loadCourse);
  const interview = useAppStore((s) => s.interview);
  const startInterview = useAppStore((s) => s.startInterview);
  const gradeInterview = useAppStore((s) => s.gradeInterview);
  const grading = useAppStore((s) => s.interviewGrading);
  const error = useAppStore((s) => s.interviewError);
  const feedback = useAppStore((s) => s.interviewFeedback);
  const [chosen, setChosen] = useState("");
  const [limit, setLimit] = useState<number>(DEFAULT_LIMIT);
  const [answer, setAnswer] = useState("");
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [left, setLeft] = useState<number>(DEFAULT_LIMIT);
  const [timedOut, setTimedOut] = useState(false);
  useEffect(() => {
    if (lessonList === null) void loadCourse();
  }, [lessonList, loadCourse]);

  const submit = useRef<() => void>(() => undefined);
  submit.current = () => {
    if (submitted || !interview) return;
    setSubmitted(true);
    void gradeInterview(interview.lessonId, answer);
  };

  // The countdown runs from the start until the answer is handed in; at zero it is handed in.
  useEffect(() => {
    if (startedAt === null || submitted) return;
    const tick = () => {
      const remaining = secondsLeft(limit, startedAt, Date.now());
      setLeft(remaining);
      if (remaining === 0) {
        setTimedOut(true);
        submit.current();
      }
    };
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [startedAt, submitted, limit]);

  const lessons = lessonList ?? [];
  const start = (lessonId: string) => {
    setAnswer("");
    setLeft(limit);
    setSubmitted(false);
    setTimedOut(false);
    setStartedAt(Date.now());
    void startInterview(lessonId);
  };
  const topic = lessons.find((l) => l.id === interview?.lessonId);

  return (
    <div className="review">
      <h1>Mock interview</h1>
      <p className="hint">
        An interviewer's question from a lesson. Answer in writing before the time runs out; then compare your answer with the lesson's key points. With an API key the
        model grades it; on the simulator (or without a key) you grade yourself.
      </p>
      <section className="mock-interview" data-testid="mock-interview">
        <div className="row">
          <select aria-label="Topic" data-testid="interview-topic" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">Choose a topic...</option>
            {lessons.map((l) => (
              <option key={l.id} value={l.id}>
                {l.number}. {l.title}
              </option>
            ))}
          </select>
          <select aria-label="Time limit" data-testid="interview-limit" value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
            {TIME_LIMITS.map((s) => (
              <option key={s} value={s}>
                {limitText(s)}
              </option>
            ))}
          </select>
          <button type="button" disabled={!chosen} data-testid="start-interview" onClick={() => start(chosen)}>
            Start
          </button>
          <button
            type="button"
            data-testid="random-interview"
            disabled={lessons.length === 0}
            onClick={() => {
              const pick = lessons[Math.floor(Math.random() * lessons.length)];
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
              {topic?.title ?? interview.lessonId} · time left{" "}
              <span className="timer" data-testid="interview-timer" data-seconds-left={left}>
                {clockText(left)}
              </span>
              {timedOut ? <span className="tag" data-testid="interview-timed-out"> time is up: your answer was handed in</span> : null}
            </p>
            <p className="review-question" data-testid="interview-question">
              <strong>{interview.question}</strong>
            </p>
            <textarea aria-label="Your answer" data-testid="interview-answer" rows={8} value={answer} disabled={submitted} onChange={(e) => setAnswer(e.target.value)} />
            <div className="row">
              <button type="button" className="button-primary" data-testid="submit-interview" disabled={grading || submitted} onClick={() => submit.current()}>
                {grading ? "Grading..." : "Submit answer"}
              </button>
            </div>
            {feedback ? (
              <>
                <div className="interview-model-answer" data-testid="interview-model-answer">
                  <p className="hint">A model answer covers these points:</p>
                  <ul>{feedback.keyPoints.map((p) => <li key={p}>{p}</li>)}</ul>
                </div>
                <InterviewFeedbackView lessonId={interview.lessonId} feedback={feedback} />
              </>
            ) : null}
          </div>
        ) : null}
      </section>
    </div>
  );
}
