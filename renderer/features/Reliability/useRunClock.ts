// Renderer: the clock of a running run's progress: how long since it started and what remains of a
// back-off wait, ticking a few times a second only while the run waits.
import { useEffect, useState } from "react";
import type { RunState } from "../../store/runSlice";

/** Run time now (ms since the run started) and the wait left, or null when not waiting. */
export interface RunClock {
  nowT: number;
  leftMs: number | null;
}

const TICK_MS = 100;

/** Follows `progress`; re-renders every 100 ms during a wait so the countdown moves. */
export function useRunClock(progress: RunState["progress"]): RunClock {
  const [now, setNow] = useState(() => performance.now());
  const waiting = progress?.phase === "waiting";
  useEffect(() => {
    setNow(performance.now());
    if (!waiting) return;
    const timer = setInterval(() => setNow(performance.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [progress, waiting]);
  if (!progress) return { nowT: 0, leftMs: null };
  const since = Math.max(0, now - progress.receivedAt);
  return { nowT: progress.t + since, leftMs: waiting ? Math.max(0, (progress.waitMs ?? 0) - since) : null };
}
