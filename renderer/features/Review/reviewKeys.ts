// Renderer: the Review view's keyboard, as in spaced-repetition apps: Space shows the key points,
// 1-4 grade (Again, Hard, Good, Easy), U takes back the last grade. Keys typed into a text field
// are the learner's answer, except Ctrl+Enter (Cmd+Enter), which shows the key points from there.
import type { ReviewGrade } from "../../../shared/contracts/lessons";

export type ReviewKeyAction = { kind: "reveal" } | { kind: "grade"; grade: ReviewGrade } | { kind: "undo" } | null;

const GRADE_KEYS: Record<string, ReviewGrade> = { "1": "again", "2": "hard", "3": "good", "4": "easy" };

/** What a key press does, given whether the key points are shown and whether a text field has focus. */
export function reviewKeyAction(
  key: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  state: { revealed: boolean; inTextField: boolean },
): ReviewKeyAction {
  if (key.altKey) return null;
  if (state.inTextField) return !state.revealed && key.key === "Enter" && (key.ctrlKey || key.metaKey) ? { kind: "reveal" } : null;
  if (key.ctrlKey || key.metaKey) return null;
  if (!state.revealed && (key.key === " " || key.key === "Enter")) return { kind: "reveal" };
  const grade = GRADE_KEYS[key.key];
  if (state.revealed && grade) return { kind: "grade", grade };
  if (key.key === "u" || key.key === "U") return { kind: "undo" };
  return null;
}
