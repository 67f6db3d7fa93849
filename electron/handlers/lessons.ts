// Main process: the lesson channels over the lesson library, the learning service and, for mock
// interviews graded by a model, the active profile's connection.
import type { lessonsChannels } from "../../shared/contracts/lessons";
import type { ClientPolicy } from "../../shared/retryPolicy";
import type { Handlers } from "../dispatch";
import { DojoError } from "../errors";
import { gradeShortWithModel, gradeWithModel } from "../services/interviewGrader";
import type { LearningService } from "../services/learning";
import type { LessonSettingsBackupService } from "../services/lessonSettingsBackup";
import type { LessonLibrary } from "../services/lessons";
import type { ProfileService } from "../services/profiles";

/** What the lesson handlers need. */
export interface LessonHandlerDeps {
  lessons: LessonLibrary;
  learning: LearningService;
  profiles: ProfileService;
  /** The saved client policy, so the interviewer's call retries like every other call. */
  reliabilityDeps?: { reliability: { policy(): ClientPolicy } };
  /** The learner's settings kept before a lesson replaced them. */
  settingsBackup: LessonSettingsBackupService;
}

/** Why an answer is graded by the learner rather than by a model on this profile, or null. */
async function selfGradeReason(profiles: ProfileService, profileId: string): Promise<string | null> {
  const { profiles: views } = await profiles.list();
  const view = views.find((p) => p.id === profileId);
  if (!view) throw new DojoError("not_found", `There is no profile "${profileId}".`);
  if (view.kind === "simulator") return "The simulator is not a model and cannot judge an answer: compare yours with the key points and grade yourself.";
  if (view.kind === "openai" && !view.key.hasKey) return `No API key is set for ${view.name}: compare your answer with the key points and grade yourself, or add a key in Settings.`;
  return null;
}

/** Handlers for the lesson, review and interview channels. */
export function createLessonsHandlers(deps: LessonHandlerDeps): Pick<Handlers, keyof typeof lessonsChannels> {
  const { lessons, learning, profiles } = deps;
  return {
    "lessons.list": async () => lessons.list(),
    "lessons.get": async ({ lessonId }) => lessons.get(lessonId),
    "lessons.search": async ({ query }) => ({ hits: lessons.search(query) }),
    "lessons.progress": async () => learning.progress(),
    "lessons.markRead": async ({ lessonId }) => learning.markRead(lessonId),
    "lessons.gradeExercise": async ({ lessonId, runId }) => learning.gradeExercise(lessonId, runId),
    "lessons.submitQuiz": async ({ lessonId, answers, modelGrader }) => {
      if (!modelGrader) return learning.submitQuiz(lessonId, answers);
      const why = await selfGradeReason(profiles, modelGrader.profileId);
      if (why) return { ...learning.submitQuiz(lessonId, answers), graderNote: `The rules graded the short answers. ${why.replace(/:.*$/, ".")}` };
      const chosen = modelGrader.model?.trim() || profiles.get(modelGrader.profileId).defaultModel;
      if (!chosen) throw new DojoError("invalid_input", "Choose a model for the grader (the profile has no default model).");
      const connection = await profiles.resolveConnection(modelGrader.profileId);
      const policy = deps.reliabilityDeps?.reliability.policy();
      const quiz = lessons.get(lessonId).frontMatter.quiz;
      const verdicts = await Promise.all(
        quiz.map(async (q, i) => {
          if (q.kind !== "short") return null;
          const answer = typeof answers[i] === "string" ? (answers[i] as string) : "";
          const grade = await gradeShortWithModel(connection, chosen, q, answer, policy);
          return [i, { correct: grade.verdict === "right", feedback: `${grade.reason} (graded by ${chosen})` }] as const;
        }),
      );
      return learning.submitQuiz(lessonId, answers, new Map(verdicts.filter((v) => v !== null)));
    },
    "review.queue": async () => learning.queue(),
    "review.grade": async ({ cardId, grade }) => learning.gradeCard(cardId, grade),
    "review.undo": async () => learning.undoLastGrade(),
    "review.stats": async () => learning.reviewStats(),
    "interview.grade": async ({ lessonId, answer, profileId, model }) => {
      const card = lessons.get(lessonId).frontMatter.interview;
      const why = await selfGradeReason(profiles, profileId);
      if (why) return { mode: "self", keyPoints: card.keyPoints, why };
      const chosen = model?.trim() || profiles.get(profileId).defaultModel;
      if (!chosen) throw new DojoError("invalid_input", "Choose a model for the interviewer (the profile has no default model).");
      const grade = await gradeWithModel(await profiles.resolveConnection(profileId), chosen, card, answer, deps.reliabilityDeps?.reliability.policy());
      learning.recordMock(lessonId, grade.score / 100, "model");
      return { mode: "model", keyPoints: card.keyPoints, grade, model: chosen };
    },
    "lessons.keepSettings": async (parts) => ({ backup: deps.settingsBackup.keep(parts) }),
    "lessons.settingsBackup": async () => ({ backup: deps.settingsBackup.get() }),
    "lessons.restoreSettings": async () => ({ restored: deps.settingsBackup.restore() }),
    "lessons.discardSettingsBackup": async () => {
      deps.settingsBackup.discard();
      return { ok: true };
    },
    "interview.recordSelfGrade": async ({ lessonId, score }) => {
      learning.recordMock(lessonId, score, "self");
      return { ok: true };
    },
  };
}
