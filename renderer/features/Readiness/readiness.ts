// Renderer: readiness figures per topic and per track, from progress, review stats and mock scores.
import type { LessonSummary } from "../../../shared/contracts/lessons";
import { isDone, isStudied, type ProgressView } from "../../../shared/lessonProgress";
import { LessonTrack, TOPICS, type Topic } from "../../../shared/lessonTopics";

/** One topic's row. Fractions run from 0 to 1; null means "no data yet". */
export interface TopicReadiness {
  topic: Topic;
  available: boolean;
  /** Exercise passed and quiz taken. */
  done: boolean;
  /** Read or exercise passed: only then do its retention and cards count. */
  studied: boolean;
  quiz: number | null;
  retention: number | null;
  /** Mean of the mock scores on this topic. */
  mock: number | null;
  mockCount: number;
}

/** One track's totals. */
export interface TrackReadiness {
  track: LessonTrack;
  topics: TopicReadiness[];
  available: number;
  done: number;
  quiz: number | null;
  retention: number | null;
  mock: number | null;
}

const mean = (values: number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** Rows for all fifty topics. */
export function topicReadiness(lessons: readonly LessonSummary[], progress: ProgressView | null): TopicReadiness[] {
  const available = new Set(lessons.map((l) => l.id));
  return TOPICS.map((topic) => {
    const entry = progress?.lessons[topic.id];
    const best = entry?.bestQuiz;
    const mocks = (progress?.mocks ?? []).filter((m) => m.lessonId === topic.id).map((m) => m.score);
    return {
      topic,
      available: available.has(topic.id),
      done: isDone(entry),
      studied: isStudied(entry),
      quiz: best ? best.correct / best.total : null,
      retention: isStudied(entry) ? (progress?.cards[topic.id]?.retention ?? null) : null,
      mock: mean(mocks),
      mockCount: mocks.length,
    };
  });
}

/** Per-track totals; averages cover only topics that have the figure. */
export function trackReadiness(rows: readonly TopicReadiness[]): TrackReadiness[] {
  return LessonTrack.options.map((track) => {
    const topics = rows.filter((r) => r.topic.track === track);
    const values = (pick: (r: TopicReadiness) => number | null) => mean(topics.map(pick).filter((v): v is number => v !== null));
    return {
      track,
      topics,
      available: topics.filter((r) => r.available).length,
      done: topics.filter((r) => r.done).length,
      quiz: values((r) => r.quiz),
      retention: values((r) => r.retention),
      mock: values((r) => r.mock),
    };
  });
}

/** A fraction as a whole percentage, or an en dash when there is no figure. */
export function percent(value: number | null): string {
  return value === null ? "–" : `${Math.round(value * 100)}%`;
}
