// Integration: every lesson's exercise against the real simulator through the real chat service
// (or, for an embeddings exercise, the real embeddings service; for an eval exercise, the real
// evaluation service): its solution must pass and its wrong attempt must fail, graded by the
// learning service exactly as the app grades them. A playground attempt runs with its preset's
// settings applied (safety switches through the real safety gate, fallback chain, client policy).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddingsPreset, EvalPreset, Exercise, PlaygroundPreset } from "../../shared/lesson";
import { applyPresetPolicy, applyPresetSafety } from "../../shared/lessonPresetSettings";
import { DEFAULT_PRICE_TABLE } from "../../shared/pricing";
import { DEFAULT_RETRY_POLICY, type ClientPolicy } from "../../shared/retryPolicy";
import type { RunRecord } from "../../shared/runRecord";
import { defaultSafetySettings } from "../../shared/safety";
import { createChatService } from "../../electron/services/chat";
import { createEmbeddingCache } from "../../electron/services/embeddingCache";
import { createEmbeddingService } from "../../electron/services/embeddings";
import { createDatasetStore, type DatasetStore } from "../../electron/services/evals/datasetStore";
import { createEvalService, type EvalService } from "../../electron/services/evals/evalService";
import { createLearningService, type LearningService } from "../../electron/services/learning";
import { createLessonLibrary, loadLessons } from "../../electron/services/lessons";
import { resolveFallbacks } from "../../electron/services/reliability/resolveFallbacks";
import { createSafetyService, type SafetyService } from "../../electron/services/safety";
import { openTestSettingsStore } from "../fixtures/settingsStore";
import { startSimulator, type RunningSimulator } from "../../electron/simulator/server";

const LESSONS_DIR = join(import.meta.dirname, "../../lessons");
const { lessons } = loadLessons(LESSONS_DIR);

let sim: RunningSimulator;
let dir: string;
let learning: LearningService;
let datasets: DatasetStore;
let evals: EvalService;
let safety: SafetyService;
const records = new Map<string, RunRecord>();
const waiting = new Map<string, (record: RunRecord) => void>();
/** Keeps a settled (or refused) run's record, annotated by the safety gate as the app does. */
const settle = (record: RunRecord) => {
  const annotated = safety.annotate(record);
  records.set(record.runId, annotated);
  waiting.get(record.runId)?.(annotated);
};
// No retries unless a preset asks: a lesson about failures must see the failure, and the tests stay quick.
const BASE_POLICY: ClientPolicy = { ...DEFAULT_RETRY_POLICY, maxRetries: 0 };
let policy: ClientPolicy = BASE_POLICY;
const chat = createChatService({ policy: () => policy, onRunSettled: settle });

// An in-memory cache (no folder): every exercise embeds afresh or from this run's own vectors.
const embeddings = createEmbeddingService({ cache: createEmbeddingCache({ dir: null }), maxRetries: 0 });

beforeAll(async () => {
  // Batches finish in a moment here (the app's simulator takes two seconds, to show the polling).
  sim = await startSimulator({ batchDelayMs: 30 });
  dir = mkdtempSync(join(tmpdir(), "dojo-lessons-"));
  datasets = createDatasetStore({ dir: () => join(dir, "datasets"), secrets: () => [] });
  evals = createEvalService({
    dataDir: dir,
    datasets,
    resolveConnection: async () => simulatorConnection(),
    secrets: () => [],
    priceTable: () => DEFAULT_PRICE_TABLE,
    recordRun: () => {},
    batchPollMs: 10,
    progressIntervalMs: 0,
  });
  const store = openTestSettingsStore(dir);
  safety = createSafetyService({ store, onRefused: settle });
  learning = createLearningService({
    store,
    library: createLessonLibrary(LESSONS_DIR),
    findRun: (runId) => records.get(runId) ?? null,
    priceTable: () => DEFAULT_PRICE_TABLE,
    embeddingResults: () => embeddings.recent(),
    findEvalRun: (id) => evals.get(id),
    findDataset: (id) => datasets.get(id),
  });
});
afterAll(async () => {
  evals?.close();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs a playground state on the simulator profile with its settings applied over the defaults (as
 * "Try it" applies them) and resolves with its run id once recorded and, when the output is
 * moderated, once that check has ended too. A run refused by input moderation resolves as well.
 */
async function runPreset(preset: PlaygroundPreset): Promise<string> {
  const runId = crypto.randomUUID();
  const recorded = new Promise<void>((resolve) => waiting.set(runId, () => resolve()));
  safety.save(applyPresetSafety(defaultSafetySettings(), preset.safety ?? {}));
  const merged = applyPresetPolicy(BASE_POLICY, preset.policy ?? {});
  if (!merged.ok) throw new Error(`the preset's policy is not valid: ${merged.problem}`);
  policy = merged.policy;
  const connection = simulatorConnection();
  let ended!: () => void;
  const emitted = new Promise<void>((resolve) => (ended = resolve));
  const emit = (event: string) => {
    if (event === "chat.finished" || event === "chat.failed") ended();
  };
  try {
    const safe = await safety.prepareRun({ runId, connection, request: preset.request, emit });
    chat.start({
      runId,
      connection,
      request: safe.request,
      simulatorFailure: preset.simulatorFailure === "none" ? undefined : preset.simulatorFailure,
      fallbacks: resolveFallbacks(preset.fallbacks ?? [], noOtherProfiles, preset.request.model),
      emit: safe.emit,
      secrets: () => [],
    });
  } catch {
    // Refused before sending (input moderation): the gate recorded the refusal as the run.
    ended();
  }
  await Promise.all([recorded, emitted]);
  return runId;
}

/** Lessons' fallback chains name models, never other profiles: there are none here. */
const noOtherProfiles = {
  get: (): never => {
    throw new Error("lesson presets may not name other profiles");
  },
  resolveConnection: async () => simulatorConnection(),
};

/** Embeds a preset's texts as the Embeddings lab does, then its query as the lab's search does; resolves with the set's job id. */
async function embedPreset(preset: EmbeddingsPreset): Promise<string> {
  const connection = { provider: { profileId: "simulator", profileName: "Simulator", kind: "simulator" as const, baseURL: sim.url }, baseURL: sim.url, apiKey: "simulator-no-key" };
  const common = { connection, model: "sim-embedding-1", dimensions: preset.dimensions, emit: () => {}, secrets: () => [] };
  const set = await embeddings.embed({ ...common, jobId: crypto.randomUUID(), texts: preset.texts });
  if (preset.query) await embeddings.embed({ ...common, jobId: crypto.randomUUID(), texts: [preset.query] });
  return set.jobId;
}

/** The simulator as a connection, as the simulator profile resolves it. */
function simulatorConnection() {
  return { provider: { profileId: "simulator", profileName: "Simulator", kind: "simulator" as const, baseURL: sim.url }, baseURL: sim.url, apiKey: "simulator-no-key" };
}

/** Saves a preset's dataset and runs its prompt versions over it as the Evals view does; resolves with the run's id once it ended. */
async function evaluatePreset(preset: EvalPreset): Promise<string> {
  const dataset = datasets.save(preset.dataset);
  const variants = preset.variants.map((v) => ({ ...v, profileId: "simulator" }));
  const started = evals.start({ datasetId: dataset.id, variants, settings: preset.settings }, () => {});
  const run = await evals.settled(started.id);
  expect(run.status).not.toBe("running");
  return run.id;
}

/** Runs an exercise's solution or wrong attempt where that exercise is graded; resolves with the id to grade. */
function attempt(exercise: Exercise, which: "solution" | "wrongAttempt"): Promise<string> {
  if (exercise.source === "embeddings") return embedPreset(exercise[which]);
  if (exercise.source === "eval") return evaluatePreset(exercise[which]);
  return runPreset(exercise[which]);
}

describe("lesson exercises against the simulator", () => {
  it("has lessons to check", () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  for (const lesson of lessons) {
    const { number, id, exercise } = lesson.frontMatter;
    it(`lesson ${number} (${id}): the solution passes`, async () => {
      const grade = await learning.gradeExercise(id, await attempt(exercise, "solution"));
      expect(grade.results.filter((r) => !r.pass).map((r) => r.reason)).toEqual([]);
      expect(grade.pass).toBe(true);
      expect(grade.progress.exercisePassed).toBe(true);
    });
    it(`lesson ${number} (${id}): the wrong attempt fails`, async () => {
      const grade = await learning.gradeExercise(id, await attempt(exercise, "wrongAttempt"));
      expect(grade.pass).toBe(false);
      expect(grade.reason).not.toMatch(/^Passed/);
    });
  }
});
