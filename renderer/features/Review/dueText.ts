// Renderer: a due date said the way a person reads it: "now", "in 10 min", "in 5 h", "in 3 days".

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far `due` is from `now`, rounded to the unit a person would use. */
export function dueText(due: number, now: number): string {
  const ms = due - now;
  if (ms <= 30_000) return "now";
  if (ms < HOUR) return `in ${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < DAY) return `in ${Math.round(ms / HOUR)} h`;
  const days = Math.round(ms / DAY);
  return days === 1 ? "in 1 day" : `in ${days} days`;
}
