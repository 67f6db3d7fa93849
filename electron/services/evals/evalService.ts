// Main process: evaluations: starts a run of prompt versions over a dataset (direct or batch),
// reports progress, keeps every cell, and cancels or resumes a run.
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { join } from "node:path";
import type { ChatRequest } from "../../../shared/contract";
import { NO_RETRIES, type BatchState, type EvalCell, type EvalProgress, type EvalRun, type EvalSettings, type EvalVariant } from "../../../shared/evals";
import { progressOf } from "../../../shared/evalResults";
import type { PriceTable } from "../../../shared/pricing";
import type { ClientPolicy } from "../../../shared/retryPolicy";
import type { RunRecord } from "../../../shared/runRecord";
import { DojoError } from "../../errors";
import type { Connection } from "../openaiClient";
import { AdaptiveLimiter } from "./adaptiveLimiter";
import { runBatch } from "./batchRunner";
import type { DatasetStore } from "./datasetStore";
import { runDirect, type EvalRedactor } from "./directRunner";
import type { OutputModerator } from "./outputGate";
import { flaggedInputCells, pendingByProfile, type InputModerator, type PendingGroup } from "./pendingRequests";
import { createKeepAliveFetch } from "./keepAliveFetch";
import { openEvalCache, type EvalCache } from "./evalCache";
import { createEvalRunStore, summarizeEvalRun, type EvalRunStore } from "./evalRunStore";
import type { SkippedFile } from "../experiments/experimentStore";
import { createGradingHelpers } from "./gradingHelpers";

export interface EvalServiceDeps {
  dataDir: string;
  /** The app's live notice list: a damaged run file moved aside is reported there too. */
  notices?: string[];
  datasets: DatasetStore;
  resolveConnection: (profileId: string) => Promise<Connection>;
  secrets: () => readonly string[];
  priceTable: () => PriceTable;
  /** Keeps each request's run in history, so a cell opens it. */
  recordRun: (record: RunRecord, costUsd: number | null) => void | Promise<void>;
  requestTimeoutMs?: number;
  /** The client policy in force, read when a run starts; absent: one attempt per request. */
  policy?: () => ClientPolicy;
  /** How often a batch is polled, ms. */
  batchPollMs?: number;
  /** Least ms between two progress events of a run. */
  progressIntervalMs?: number;
  /** Extra headers on every direct request (benchmarks ask the simulator for a fixed latency). */
  headers?: Record<string, string>;
  /**
   * Throws when a profile's budget cannot cover these requests (the usage budgets); asked once per
   * profile before a run or resume sends anything.
   */
  checkBudget?: (args: { evalRunId: string; connection: Connection; requests: () => readonly ChatRequest[] }) => Promise<void>;
  /** Redaction as saved now (null: off), read when a run starts or resumes. */
  redactor?: () => EvalRedactor | null;
  /** Input moderation as saved now (null: off), read when a run starts or resumes. */
  inputModerator?: () => InputModerator | null;
  /** Output moderation as saved now (null: off), read when a run starts or resumes. */
  outputModerator?: () => OutputModerator | null;
}

export type ProgressListener = (progress: EvalProgress) => void;

export interface EvalService {
  /** Starts a run in the background; progress goes to `onProgress`. */
  start(input: { datasetId: string; variants: EvalVariant[]; settings: EvalSettings }, onProgress: ProgressListener): EvalRun;
  /** Stops a running run; its finished cells are kept, and it can be resumed. */
  cancel(id: string): boolean;
  /** Runs the missing cells of a cancelled or interrupted run. */
  resume(id: string, onProgress: ProgressListener): EvalRun;
  get(id: string): EvalRun;
  /** Summaries of the saved runs; files left out (damaged, moved aside) are added to `problems`. */
  list(datasetId?: string, problems?: SkippedFile[]): ReturnType<EvalRunStore["list"]>;
  /** Resolves when the run is no longer running (for tests and benchmarks). */
  settled(id: string): Promise<EvalRun>;
  close(): void;
}

interface Active {
  run: EvalRun;
  controller: AbortController;
  limiter: AdaptiveLimiter | null;
  done: Promise<EvalRun>;
}

/** A run saved as running but not running now was cut off by a quit or crash: it can be resumed. */
function interrupted(run: EvalRun): EvalRun {
  return run.status === "running" ? { ...run, status: "cancelled" } : run;
}

/** Creates the service; runs and the cache live under `<dataDir>/evals`. */
export function createEvalService(deps: EvalServiceDeps): EvalService {
  const store = createEvalRunStore(join(deps.dataDir, "evals", "runs"), { notices: deps.notices });
  let cache: EvalCache | null = null;
  const cacheFile = () => (cache ??= openEvalCache(join(deps.dataDir, "evals", "cache.jsonl")));
  const active = new Map<string, Active>();
  const intervalMs = deps.progressIntervalMs ?? 100;

  function launch(run: EvalRun, onProgress: ProgressListener): EvalRun {
    const dataset = deps.datasets.get(run.datasetId);
    if (dataset.cases.length !== run.caseCount) {
      throw new DojoError("invalid_input", `The dataset "${dataset.name}" changed since this run started (${run.caseCount} cases then, ${dataset.cases.length} now); start a new run instead.`);
    }
    const controller = new AbortController();
    // Every request of the run listens to this one signal: many listeners are expected, not a leak.
    setMaxListeners(0, controller.signal);
    const limiter = run.settings.mode === "direct" ? new AdaptiveLimiter({ max: run.settings.concurrency, signal: controller.signal }) : null;
    run.status = "running";
    run.error = null;
    const startedAt = performance.now();
    const elapsedBefore = run.elapsedMs;
    let lastEmit = 0;
    let lastSave = 0;
    const emit = (force = false) => {
      const now = performance.now();
      run.elapsedMs = elapsedBefore + (now - startedAt);
      if (!force && now - lastEmit < intervalMs) return;
      lastEmit = now;
      try {
        onProgress(progressOf(run, limiter?.limit ?? 0));
      } catch {
        // A window that went away must not stop the run.
      }
      // The file is rewritten at most once a second while running, so a crash loses little.
      if (force || now - lastSave > 1_000) {
        lastSave = now;
        store.save(run);
      }
    };
    const onCell = (cell: EvalCell) => {
      run.cells.push(cell);
      emit();
    };
    // Counted as each wait begins, so the progress line shows a 429 while its wait is still running.
    const onRetry = (retry: { waitMs: number; rateLimited: boolean }) => {
      const counts = (run.retryCounts ??= { ...NO_RETRIES });
      counts.retries += 1;
      if (retry.rateLimited) counts.rateLimited += 1;
      counts.waitedMs += retry.waitMs;
      emit();
    };
    const onBatch = (state: BatchState) => {
      run.batch = state;
      emit(true);
    };

    const done = (async () => {
      try {
        const connections = await Promise.all(run.variants.map((v) => deps.resolveConnection(v.profileId)));
        // Requests are sent redacted when redaction is on (the saved switch, read once per run).
        const redact = deps.redactor?.() ?? null;
        // The requests still to send, as they will be sent: made once, and only if a check needs them.
        let pendingGroups: PendingGroup[] | null = null;
        const pending = () => (pendingGroups ??= pendingByProfile(run, dataset, connections, redact));
        // Refused whole before anything is sent when a budget cannot cover it; resumable later.
        if (deps.checkBudget) {
          for (const connection of new Map(connections.map((c) => [c.provider.profileId, c])).values()) {
            const requests = () => pending().find((g) => g.connection.provider.profileId === connection.provider.profileId)?.items.map((i) => i.request) ?? [];
            await deps.checkBudget({ evalRunId: run.id, connection, requests });
          }
        }
        // With input moderation on, every input is checked first (in batches); a flagged case is an
        // error cell and is never sent. A check that fails stops the run before anything is sent.
        const moderateInputs = deps.inputModerator?.() ?? null;
        const moderateOutput = deps.outputModerator?.() ?? null;
        if (moderateInputs) {
          let flagged: EvalCell[];
          try {
            flagged = await flaggedInputCells(pending(), moderateInputs);
          } catch (err) {
            throw new DojoError("invalid_input", `Input moderation is on but the check failed, so nothing was sent: ${err instanceof Error ? err.message : String(err)}`, { code: "moderation_failed" });
          }
          for (const cell of flagged) onCell(cell);
        }
        const helpers = run.variants.map((v, i) => createGradingHelpers(connections[i] as Connection, v.request.model, controller.signal));
        if (run.settings.mode === "batch") {
          const connection = connections[0] as Connection;
          const state = await runBatch({ run, dataset, connection, helpers, signal: controller.signal, priceTable: deps.priceTable, pollMs: deps.batchPollMs ?? 1_000, policy: deps.policy?.(), onBatch, onCell, recordRun: deps.recordRun, secrets: deps.secrets, redact, moderateOutput });
          run.status = controller.signal.aborted ? "cancelled" : state.status === "completed" ? "done" : "failed";
          if (run.status === "failed") run.error = `The batch ended as "${state.status}".`;
        } else {
          // One connection pool per run: its requests reuse sockets, and it is closed when the run ends.
          const http = createKeepAliveFetch();
          try {
            await runDirect({
              run,
              dataset,
              connections,
              helpers,
              signal: controller.signal,
              limiter: limiter as AdaptiveLimiter,
              secrets: deps.secrets,
              cache: run.settings.cache ? cacheFile() : null,
              priceTable: deps.priceTable,
              recordRun: deps.recordRun,
              onCell,
              onRetry,
              requestTimeoutMs: deps.requestTimeoutMs ?? deps.policy?.().requestTimeoutMs ?? 60_000,
              headers: deps.headers,
              fetch: http.fetch,
              policy: deps.policy?.(),
              redact,
              moderateOutput,
            });
          } finally {
            http.close();
          }
          run.status = controller.signal.aborted ? "cancelled" : "done";
        }
      } catch (err) {
        run.status = controller.signal.aborted ? "cancelled" : "failed";
        if (run.status === "failed") run.error = err instanceof Error ? err.message : String(err);
      } finally {
        active.delete(run.id);
        emit(true);
      }
      return run;
    })();
    active.set(run.id, { run, controller, limiter, done });
    store.save(run);
    return run;
  }

  return {
    start({ datasetId, variants, settings }, onProgress) {
      const dataset = deps.datasets.get(datasetId);
      if (settings.mode === "batch" && new Set(variants.map((v) => v.profileId)).size > 1) {
        throw new DojoError("invalid_input", "A batch goes to one server: use the same profile for every prompt version, or run directly.");
      }
      const run: EvalRun = {
        id: randomUUID(),
        datasetId,
        datasetName: dataset.name,
        createdAt: Date.now(),
        variants,
        settings,
        status: "running",
        error: null,
        caseCount: dataset.cases.length,
        cells: [],
        batch: null,
        elapsedMs: 0,
      };
      return structuredClone(launch(run, onProgress));
    },
    cancel(id) {
      const running = active.get(id);
      if (!running) return false;
      running.controller.abort();
      return true;
    },
    resume(id, onProgress) {
      if (active.has(id)) throw new DojoError("invalid_input", "That evaluation is already running.");
      const run = store.get(id);
      if (run.status === "done") throw new DojoError("invalid_input", "That evaluation is complete; there is nothing to resume.");
      return structuredClone(launch(run, onProgress));
    },
    get(id) {
      const running = active.get(id);
      return structuredClone(running ? running.run : interrupted(store.get(id)));
    },
    list(datasetId, problems) {
      const saved = store.list(datasetId, problems);
      // A running run's file lags behind; show its live figures.
      return saved.map((s) => {
        const running = active.get(s.id);
        return running ? summarizeEvalRun(running.run) : { ...s, status: s.status === "running" ? "cancelled" : s.status };
      });
    },
    async settled(id) {
      const running = active.get(id);
      return structuredClone(running ? await running.done : store.get(id));
    },
    close() {
      for (const running of active.values()) running.controller.abort();
      cache?.close();
    },
  };
}
