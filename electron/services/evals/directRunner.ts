// Main process: runs the missing cells of an evaluation one request each, through the adaptive
// limiter: a 429 halves the concurrency and pauses for retry-after, then the case is tried again.
import type { AssertionHelpers } from "../../../shared/assertions";
import type { ChatRequest } from "../../../shared/contract";
import type { RedactionSummary } from "../../../shared/safety";
import { cellKey, type Dataset, type EvalCell, type EvalRun } from "../../../shared/evals";
import { fillRequest } from "../../../shared/template";
import type { PriceTable } from "../../../shared/pricing";
import type { RunRecord } from "../../../shared/runRecord";
import { requestTooLarge } from "../../../shared/retryPlan";
import type { ClientPolicy } from "../../../shared/retryPolicy";
import type OpenAI from "openai";
import { recordCost } from "../history/recordCost";
import { createCountingClient, type Connection, type RequestGate } from "../openaiClient";
import type { AdaptiveLimiter } from "./adaptiveLimiter";
import { cacheKey, type EvalCache } from "./evalCache";
import { callForEval } from "./evalCall";
import { gradeCell } from "./gradeCell";
import { checkOutput, type OutputModerator } from "./outputGate";

/** How often one case may meet a 429 before its cell is an error. */
export const MAX_RATE_LIMIT_RETRIES = 8;
/** Pause after a 429 that gave no retry-after. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;

export interface DirectRunContext {
  run: EvalRun;
  dataset: Dataset;
  /** Per variant. */
  connections: Connection[];
  helpers: AssertionHelpers[];
  signal: AbortSignal;
  limiter: AdaptiveLimiter;
  secrets: () => readonly string[];
  cache: EvalCache | null;
  priceTable: () => PriceTable;
  /** Keeps the run of each request (history), so a cell opens it. */
  recordRun: (record: RunRecord, costUsd: number | null) => void | Promise<void>;
  onCell: (cell: EvalCell) => void;
  /** Told of every retry as its wait begins (the policy's, or a case re-queued), for the progress line. */
  onRetry?: (retry: { waitMs: number; rateLimited: boolean }) => void;
  requestTimeoutMs: number;
  /** Extra headers for every request (e.g. the simulator's fixed latency). */
  headers?: Record<string, string>;
  /** The run's HTTP layer (one keep-alive pool for all its requests); default the global fetch. */
  fetch?: typeof fetch;
  /** Redaction as saved when the run started (null or absent: off), applied to each filled request. */
  redact?: EvalRedactor | null;
  /** Output moderation as saved when the run started (null or absent: off): a flagged answer is withheld. */
  moderateOutput?: OutputModerator | null;
  /**
   * The client policy: each request retries under it (a 429's wait also pauses the limiter, so the
   * whole run slows down); when it gives up on a 429, the case goes back in the queue as before.
   */
  policy?: ClientPolicy;
}

interface WorkItem {
  variant: number;
  caseIndex: number;
  rateLimits: number;
  /** Connection drops, timeouts and 5xx met so far (retried a few times, after a short pause). */
  transient: number;
  /** HTTP attempts made for this cell by the calls before this one (re-queued after a 429 or a drop). */
  attempts: number;
  /** performance.now() when its first attempt was sent; null before. */
  firstSentAt: number | null;
}

/** How often a case is retried after a dropped connection, a timeout or a 5xx. */
export const MAX_TRANSIENT_RETRIES = 3;
const TRANSIENT = new Set(["network", "timeout", "server"]);

/** Redaction of one request: what to send and what was replaced. */
export type EvalRedactor = (request: ChatRequest) => { request: ChatRequest; summary: RedactionSummary };

/**
 * A case's request as it is sent: the prompt version with the case's variables filled in, then
 * redacted when redaction is on (the record keeps what was sent, and the counts).
 */
export function prepareRequest(template: ChatRequest, vars: Record<string, string>, redact: EvalRedactor | null | undefined): { request: ChatRequest; redaction: RedactionSummary | null } {
  const filled = fillRequest(template, vars);
  if (!redact) return { request: filled, redaction: null };
  const { request, summary } = redact(filled);
  return { request, redaction: summary };
}

/** Every (variant, case) pair without a cell yet, case by case so early rows fill across variants. */
export function missingWork(run: EvalRun, dataset: Dataset): WorkItem[] {
  const done = new Set(run.cells.map((c) => cellKey(c.caseId, c.variant)));
  const items: WorkItem[] = [];
  dataset.cases.forEach((c, caseIndex) => {
    run.variants.forEach((_, variant) => {
      if (!done.has(cellKey(c.id, variant))) items.push({ variant, caseIndex, rateLimits: 0, transient: 0, attempts: 0, firstSentAt: null });
    });
  });
  return items;
}

/**
 * Runs every missing cell; resolves when all are done (every answered case recorded and graded)
 * or the signal aborts.
 */
export async function runDirect(ctx: DirectRunContext): Promise<void> {
  const queue = missingWork(ctx.run, ctx.dataset);
  let next = 0;
  const retries: WorkItem[] = [];
  const take = (): WorkItem | undefined => retries.shift() ?? queue[next++];
  // A policy that retries already retried a dropped connection, timeout or 5xx: no second round here.
  const transientRetries = ctx.policy && ctx.policy.maxRetries > 0 ? 0 : MAX_TRANSIENT_RETRIES;

  // The limiter admits each HTTP attempt, so the concurrency setting counts requests on the wire:
  // a retry's back-off, building a request and reading an answer happen outside it.
  const gate: RequestGate = { acquire: () => ctx.limiter.acquire(), release: () => ctx.limiter.release() };

  // One SDK client per prompt version for the whole run (built on first use, so a missing key is
  // each cell's error, as before); every call still sees only its own attempts.
  const clients = new Map<number, OpenAI | undefined>();
  const clientFor = (variant: number): OpenAI | undefined => {
    if (!clients.has(variant)) {
      const connection = ctx.connections[variant] as Connection;
      try {
        clients.set(variant, createCountingClient(connection, { requestTimeoutMs: ctx.requestTimeoutMs, maxRetries: 0, fetch: ctx.fetch, gate }).client);
      } catch {
        clients.set(variant, undefined);
      }
    }
    return clients.get(variant);
  };

  // An answered case is recorded, cached and graded off the worker's path, so the worker sends the
  // next request meanwhile; the run ends only when all of these have finished.
  const settling = new Set<Promise<void>>();
  // Workers waiting for a pending answer to finish (one is woken per answer finished).
  const roomWaiters: (() => void)[] = [];
  // (An object held in a const: assigned from callbacks, which type narrowing does not see.)
  const failure: { error?: unknown; failed: boolean } = { failed: false };
  // The work starts after the current I/O callbacks (setImmediate), so the worker's next request,
  // and every other answer that just arrived, go out first.
  const settle = (work: () => Promise<void>) => {
    const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => {
        if (failure.failed) return;
        failure.failed = true;
        failure.error = error;
      })
      .finally(() => {
        settling.delete(done);
        roomWaiters.shift()?.();
      });
    settling.add(done);
  };

  async function handle(item: WorkItem, signal: AbortSignal): Promise<void> {
    const variant = ctx.run.variants[item.variant];
    const connection = ctx.connections[item.variant];
    const testCase = ctx.dataset.cases[item.caseIndex];
    if (!variant || !connection || !testCase) return;
    const { request, redaction } = prepareRequest(variant.request, testCase.vars, ctx.redact);
    const key = ctx.cache ? cacheKey(connection.baseURL, request) : "";
    const hit = ctx.cache ? await ctx.cache.get(key) : null;
    if (hit) {
      // A cached answer is checked like a fresh one: moderation may have been off when it was kept.
      const check = ctx.moderateOutput ? await checkOutput(ctx.moderateOutput, connection, hit.choices) : null;
      const outcome = check?.withheld ? null : { choices: hit.choices, usage: hit.usage, metrics: { ttftMs: 0, totalMs: 0, tokensPerSecond: null, attempts: 0 } };
      ctx.onCell(await gradeCell(ctx.dataset, testCase, item.variant, { runId: hit.runId, outcome, error: check?.withheld ?? null, costUsd: 0, cached: true }, ctx.helpers[item.variant] ?? {}));
      return;
    }
    const call = await callForEval({ connection, request, experiment: variant.experiment, signal, secrets: ctx.secrets(), requestTimeoutMs: ctx.requestTimeoutMs, headers: ctx.headers, fetch: ctx.fetch, gate, client: clientFor(item.variant), policy: ctx.policy, onRateLimited: (ms) => ctx.limiter.rateLimited(ms), onRetryWait: ctx.onRetry });
    if (ctx.signal.aborted) return; // a cancelled request leaves its cell for the resume
    const tried = { attempts: item.attempts + call.record.attempts.length, firstSentAt: item.firstSentAt ?? call.sentAt };
    // A request larger than the whole tokens-per-minute limit never fits: its cell is an error at once.
    if (call.error?.kind === "rate_limited" && !requestTooLarge(call.error) && item.rateLimits < MAX_RATE_LIMIT_RETRIES) {
      const waitMs = call.error.retryAfterSeconds !== null ? call.error.retryAfterSeconds * 1000 : DEFAULT_RETRY_AFTER_MS;
      ctx.limiter.rateLimited(waitMs);
      ctx.onRetry?.({ waitMs, rateLimited: true });
      retries.push({ ...item, ...tried, rateLimits: item.rateLimits + 1 });
      return;
    }
    if (call.error && TRANSIENT.has(call.error.kind) && item.transient < transientRetries) {
      const waitMs = 200 * 2 ** item.transient;
      ctx.onRetry?.({ waitMs, rateLimited: false });
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      retries.push({ ...item, ...tried, transient: item.transient + 1 });
      return;
    }
    if (!call.error) ctx.limiter.succeeded();
    // The cell's whole time runs from its first attempt, over re-queues; its latency is the answering attempt's.
    const timing = { latencyMs: call.answerMs ?? call.record.metrics.totalMs, totalMs: tried.firstSentAt === null ? null : Math.round((performance.now() - tried.firstSentAt) * 10) / 10, attempts: tried.attempts };
    const answered = redaction ? { ...call, record: { ...call.record, redaction } } : call;
    settle(async () => {
      const check = answered.result && ctx.moderateOutput ? await checkOutput(ctx.moderateOutput, connection, answered.result.choices) : null;
      const record = check ? { ...answered.record, moderation: [...(answered.record.moderation ?? []), check.record] } : answered.record;
      const costUsd = recordCost(record, ctx.priceTable());
      // The cell counts as done once its run is on disk, so a crash never leaves a cell without its run.
      await ctx.recordRun(record, costUsd);
      if (answered.result && ctx.cache && !check?.withheld) await ctx.cache.put({ key, runId: record.runId, model: answered.result.model, choices: answered.result.choices, usage: answered.result.usage });
      // A withheld answer is not graded: its cell says why, and the run (in history) keeps the verdict.
      const answer = { runId: record.runId, outcome: check?.withheld ? null : answered.result, error: check?.withheld ?? answered.error?.message ?? null, costUsd, cached: false, ...timing };
      ctx.onCell(await gradeCell(ctx.dataset, testCase, item.variant, answer, ctx.helpers[item.variant] ?? {}));
    });
  }

  // As many workers as the ceiling; the limiter (lowered after a 429) decides how many send at once.
  // (Twice as many, to have the next requests built while the slots are busy, measured no faster
  // at 50 ms latency and a third slower on a CPU-bound 10,000-case run.)
  const workerCount = Math.min(ctx.run.settings.concurrency, Math.max(1, queue.length));
  // A worker ends when the queue is empty and no item is still in flight (a 429'd item comes back).
  let inFlight = 0;
  async function worker(): Promise<void> {
    // A worker's calls listen to a signal of its own, linked once to the run's: thousands of calls
    // each subscribing to the run's signal would each walk its whole listener list.
    const own = new AbortController();
    const unlink = () => own.abort();
    ctx.signal.addEventListener("abort", unlink, { once: true });
    try {
      await work(own.signal);
    } finally {
      ctx.signal.removeEventListener("abort", unlink);
    }
  }
  async function work(signal: AbortSignal): Promise<void> {
    for (;;) {
      if (ctx.signal.aborted || failure.failed) return;
      // Never more answers waiting to be recorded than requests in flight.
      while (settling.size >= workerCount) await new Promise<void>((resolve) => roomWaiters.push(resolve));
      const item = take();
      if (!item) {
        if (inFlight === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      inFlight += 1;
      try {
        await handle(item, signal);
      } finally {
        inFlight -= 1;
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: workerCount }, worker));
  } finally {
    // Answers already in are recorded and graded even when the run is cancelled or fails.
    while (settling.size) await Promise.all(settling);
  }
  if (failure.failed) throw failure.error;
}
