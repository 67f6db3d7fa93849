// Main process: spaced review of lesson cards with FSRS (ts-fsrs): the daily queue, the four
// grades, and the schedule stored as plain JSON (CardSchedule) in the settings file.
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from "ts-fsrs";
import { lessonCards, type Lesson } from "../../shared/lesson";
import { isStudied, type CardSchedule, type CardStats, type LearningState } from "../../shared/lessonProgress";
import type { ReviewCardView, ReviewGrade, ReviewStats } from "../../shared/contracts/lessons";

/** New cards introduced per day, so a fresh learner is not handed every card at once. */
export const NEW_CARDS_PER_DAY = 10;

const scheduler = fsrs({ enable_fuzz: false });

const RATINGS: Record<ReviewGrade, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

/** A stored schedule as a ts-fsrs Card. */
export function toCard(s: CardSchedule): Card {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    last_review: s.lastReview === null ? undefined : new Date(s.lastReview),
  };
}

/** A ts-fsrs Card as a storable schedule, first graded at `introduced`. */
export function fromCard(c: Card, introduced: number): CardSchedule {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review ? c.last_review.getTime() : null,
    introduced,
  };
}

/** The new schedule of a card (a never-reviewed one starts empty) after a grade at `now`. */
export function gradeCard(stored: CardSchedule | undefined, grade: ReviewGrade, now: Date): CardSchedule {
  const card = stored ? toCard(stored) : createEmptyCard(now);
  return fromCard(scheduler.next(card, now, RATINGS[grade]).card, stored?.introduced ?? now.getTime());
}

/** Cards first graded on the local day of `now`: they count against today's new cards. */
function introducedToday(state: LearningState, now: Date): number {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  return Object.values(state.cards).filter((c) => c.introduced >= start.getTime()).length;
}

/** The lessons the learner has studied (read, or exercise passed): only their cards are reviewed. */
export function studiedLessons(lessons: readonly Lesson[], state: LearningState): Lesson[] {
  return lessons.filter((l) => isStudied(state.lessons[l.frontMatter.id]));
}

/**
 * Today's queue, from studied lessons only (a lesson never opened has nothing to recall): reviewed
 * cards due now (most overdue first), then new cards in lesson order, up to NEW_CARDS_PER_DAY minus
 * those already introduced today. Cards due later (a learning step in ten minutes, a review next
 * week) wait; `dueLater` counts them and `nextDue` says when the first is.
 */
export function buildQueue(lessons: readonly Lesson[], state: LearningState, now: Date): { cards: ReviewCardView[]; dueLater: number; nextDue: number | null } {
  const at = now.getTime();
  const all = studiedLessons(lessons, state).flatMap((l) => lessonCards(l.frontMatter).map((c) => ({ ...c, lessonTitle: l.frontMatter.title })));
  const view = (c: (typeof all)[number], stored: CardSchedule | undefined): ReviewCardView => {
    const card = stored ? toCard(stored) : createEmptyCard(now);
    const preview = scheduler.repeat(card, now);
    return {
      cardId: c.cardId,
      lessonId: c.lessonId,
      lessonTitle: c.lessonTitle,
      question: c.card.question,
      keyPoints: c.card.keyPoints,
      isNew: !stored,
      due: stored ? stored.due : now.getTime(),
      nextDue: {
        again: preview[Rating.Again].card.due.getTime(),
        hard: preview[Rating.Hard].card.due.getTime(),
        good: preview[Rating.Good].card.due.getTime(),
        easy: preview[Rating.Easy].card.due.getTime(),
      },
    };
  };
  const reviewed = all.filter((c) => state.cards[c.cardId]);
  const due = reviewed.filter((c) => state.cards[c.cardId]!.due <= at).sort((a, b) => state.cards[a.cardId]!.due - state.cards[b.cardId]!.due);
  const later = reviewed.filter((c) => state.cards[c.cardId]!.due > at);
  const newAllowed = Math.max(0, NEW_CARDS_PER_DAY - introducedToday(state, now));
  const fresh = all.filter((c) => !state.cards[c.cardId]).slice(0, newAllowed);
  const nextDue = later.length ? Math.min(...later.map((c) => state.cards[c.cardId]!.due)) : null;
  return { cards: [...due.map((c) => view(c, state.cards[c.cardId])), ...fresh.map((c) => view(c, undefined))], dueLater: later.length, nextDue };
}

/** Review figures per lesson: cards, reviewed, mean retrievability now, due now; an unstudied lesson has none reviewed. */
export function cardStats(lessons: readonly Lesson[], state: LearningState, now: Date): Record<string, CardStats> {
  const out: Record<string, CardStats> = {};
  for (const lesson of lessons) {
    const cards = lessonCards(lesson.frontMatter);
    const studied = isStudied(state.lessons[lesson.frontMatter.id]);
    const stored = studied ? cards.map((c) => state.cards[c.cardId]).filter((s): s is CardSchedule => s !== undefined) : [];
    const recall = stored.map((s) => scheduler.get_retrievability(toCard(s), now, false));
    out[lesson.frontMatter.id] = {
      total: cards.length,
      reviewed: stored.length,
      retention: recall.length ? Math.min(1, Math.max(0, recall.reduce((a, b) => a + b, 0) / recall.length)) : null,
      due: stored.filter((s) => s.due <= now.getTime()).length,
    };
  }
  return out;
}

/** Days shown in the review forecast (ReviewStats.forecast: day 0 is today, overdue included). */
export const FORECAST_DAYS = 30;

/** Due today, retention and the 30-day forecast, over studied lessons only. */
export function reviewStats(lessons: readonly Lesson[], state: LearningState, now: Date): ReviewStats {
  const stored = studiedLessons(lessons, state)
    .flatMap((l) => lessonCards(l.frontMatter))
    .map((c) => state.cards[c.cardId])
    .filter((s): s is CardSchedule => s !== undefined);
  const recall = stored.map((s) => scheduler.get_retrievability(toCard(s), now, false));
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const forecast = Array.from({ length: FORECAST_DAYS }, () => 0);
  for (const s of stored) {
    const due = new Date(s.due);
    due.setHours(0, 0, 0, 0);
    // Whole local days from today (rounded, so a daylight-saving change does not shift a day).
    const day = Math.max(0, Math.round((due.getTime() - today.getTime()) / 86_400_000));
    if (day < FORECAST_DAYS) forecast[day]! += 1;
  }
  return {
    dueToday: buildQueue(lessons, state, now).cards.length,
    reviewed: stored.length,
    retention: recall.length ? Math.min(1, Math.max(0, recall.reduce((a, b) => a + b, 0) / recall.length)) : null,
    forecast,
  };
}
