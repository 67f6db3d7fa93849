// Renderer: the short badges a lesson's progress earns on the course map.
import { isDone, type LessonProgress } from "../../../shared/lessonProgress";

/** "read", "exercise", "quiz 3/4" (the best attempt) and "done" (exercise passed and quiz taken), in that order; nothing before any progress. */
export function progressMarks(progress: LessonProgress | undefined): string[] {
  if (!progress) return [];
  const marks: string[] = [];
  if (progress.read) marks.push("read");
  if (progress.exercisePassed) marks.push("exercise");
  if (progress.bestQuiz) marks.push(`quiz ${progress.bestQuiz.correct}/${progress.bestQuiz.total}`);
  if (isDone(progress)) marks.push("done");
  return marks;
}
