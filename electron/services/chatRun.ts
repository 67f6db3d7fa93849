// Main process: one streamed chat run, from the SDK call to its final event, under the client
// policy (our retry loop, the deadline), with stop, the idle timeout and the fallback chain.
import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import type { ResponseCreateParamsStreaming, ResponseStreamEvent } from "openai/resources/responses/responses";
import type { RequestApi, ResponsesExtras } from "../../shared/api/requestApi";
import { streamedWireBody } from "../../shared/api/responsesBody";
import type { ChatRequest, ChoiceResult, RunMetrics, RunResult, SimulatorFailure, Usage } from "../../shared/contract";
import { redactSecrets } from "../../shared/redact";
import { appError, type AppError } from "../../shared/errors";
import type { ClientPolicy } from "../../shared/retryPolicy";
import { formatWait } from "../../shared/retryPlan";
import type { HandlerContext } from "../dispatch";
import { createChoiceAccumulator, type ChoiceAccumulator } from "./chatAccumulator";
import { createResponsesAccumulator, type ResponsesAccumulator } from "./responsesAccumulator";
import { StreamReadError } from "./errorMap";
import { connectionSecrets, createCountingClient, type Connection, type ObservedAttempt } from "./openaiClient";
import { MAX_RECORDED_CHUNKS, type FallbackRecord, type RecordedChunk, type RunProgress, type RunRecord } from "../../shared/runRecord";
import type { ExperimentRef } from "../../shared/experiments";
import type { ChatFeature } from "../../shared/usageFeature";
import { createDeltaRelay, type RelayOptions } from "./relay";
import { mapPolicyError } from "./reliability/policyError";
import { withPolicy } from "./reliability/withPolicy";
import type { AnswerCache } from "./reliability/answerCache";
import { buildRunRecord, recordedAttempt, type RunAttempt } from "./chatRunRecord";
import { currentScrubber } from "./knownSecrets";
import { scrubRecordedChunks } from "./chunkScrub";

/** A fallback step ready to run: the handler resolved its profile and model. */
export type ResolvedFallback =
  | { kind: "model"; label: string; model: string }
  | { kind: "profile"; label: string; model: string; connection: () => Promise<Connection> }
  | { kind: "cached"; label: string }
  | { kind: "message"; label: string; text: string };

/** What a run is given by the handler. */
export interface RunArgs {
  runId: string;
  connection: Connection;
  request: ChatRequest;
  /** Failure the simulator should produce; only sent to simulator connections. */
  simulatorFailure?: SimulatorFailure;
  /** The saved experiment version the request came from, kept in the run record. */
  experiment?: ExperimentRef;
  /** The part of the app that sent the run, kept in the run record (usage by feature). */
  feature?: ChatFeature;
  /** The API to send on; absent means Chat Completions. */
  api?: RequestApi;
  /** The Responses-only settings, used when `api` is "responses". */
  responses?: ResponsesExtras;
  /** Tried in order when the primary fails before any output arrived. */
  fallbacks?: readonly ResolvedFallback[];
  emit: HandlerContext["emit"];
  /** Every secret known now, to redact error messages. */
  secrets: () => readonly string[];
}

/** The service-wide settings a run uses. */
export interface RunSettings {
  relayIntervalMs: number;
  /** The client policy in force; read once when the run starts. */
  policy: () => ClientPolicy;
  /** The last good answer per request, for the cached-answer fallback. */
  answers: AnswerCache;
  /** Random numbers in [0, 1) for back-off jitter (tests pin it). */
  random?: () => number;
  /** Called once per run, after its final event, with everything the inspector and history show. */
  onRunSettled?: (record: RunRecord) => void;
  /** For benchmarks: see RelayOptions.onBatchSent. */
  onRelayBatch?: RelayOptions["onBatchSent"];
}

/** A started run. */
export interface RunHandle {
  /** Runs to the end; never rejects (every outcome becomes an event). */
  run(): Promise<void>;
  /** Stops the run; false when it had already ended. */
  cancel(): boolean;
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/** Errors another model, profile or a fixed answer can stand in for; not a stop, a bad request or a bug. */
const FALLBACK_KINDS: ReadonlySet<AppError["kind"]> = new Set(["rate_limited", "quota", "server", "timeout", "network", "not_found", "permission", "invalid_key"]);

/** One leg: the primary request or a fallback step sent to a server. */
interface Leg {
  index: number;
  connection: Connection;
  request: ChatRequest;
}

/**
 * Prepares a run. `onEnd` is called once, just before the final event, so a late cancel of a
 * finished run reports false.
 */
export function createRun(args: RunArgs, settings: RunSettings, onEnd: () => void): RunHandle {
  const { runId, connection, request, emit } = args;
  const policy = settings.policy();
  const startedAt = performance.now();
  const startedAtEpoch = Date.now();
  const attempts: RunAttempt[] = [];
  const chunks: RecordedChunk[] = [];
  const fallbacks: FallbackRecord[] = [];
  let droppedChunks = 0;
  let controller = new AbortController();
  let userStopped = false;
  let legStop: "idle" | "deadline" | null = null;
  let deadlinePassed = false;
  let ended = false;
  // The first model output of any kind (text, refusal or tool-call arguments): a tool-calling
  // answer has no text, yet its first token is just as much the "time to first token".
  let firstOutputAt: number | null = null;
  const api: RequestApi = args.api ?? "chat";
  let accumulator: ChoiceAccumulator = createChoiceAccumulator();
  // Used instead of `accumulator` when the run goes out on the Responses API.
  let responses: ResponsesAccumulator = createResponsesAccumulator();
  const choicesSoFar = (): ChoiceResult[] => (api === "responses" ? responses.choices() : accumulator.choices());
  let requestId: string | null = null;
  let usage: Usage | null = null;
  let model = request.model;
  let answeredBy = connection.provider;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const secrets = () => [...args.secrets(), ...connectionSecrets(connection)];

  // A window that went away must not break the run: its events simply have no listener.
  const safeEmit: HandlerContext["emit"] = (event, payload) => {
    try {
      emit(event, payload);
    } catch {
      /* nobody to tell */
    }
  };
  // Streamed text is scrubbed per choice as it arrives: a server echoing a key (whole, or split over
  // several deltas) must not get it to the renderer.
  const scrubber = currentScrubber(secrets());
  const relay = createDeltaRelay({
    intervalMs: settings.relayIntervalMs,
    send: (deltas) => safeEmit("chat.delta", { runId, deltas }),
    scrub: () => scrubber.stream(),
    onBatchSent: settings.onRelayBatch,
  });
  // A reasoning summary streams beside the answer through a relay of its own, scrubbed alike.
  const reasoningRelay = createDeltaRelay({
    intervalMs: settings.relayIntervalMs,
    send: (deltas) => safeEmit("chat.delta", { runId, deltas: [], reasoning: deltas.map((d) => d.content).join("") }),
    scrub: () => scrubber.stream(),
  });

  // The deadline covers the whole run: attempts, waits and streaming.
  const deadlineTimer = setTimeout(() => {
    deadlinePassed = true;
    if (!ended && !userStopped) {
      legStop = "deadline";
      controller.abort();
    }
  }, policy.deadlineMs);

  function armIdleTimer(): void {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (ended || userStopped || legStop) return;
      legStop = "idle";
      controller.abort();
    }, policy.idleTimeoutMs);
  }

  function metrics(): RunMetrics {
    const now = performance.now();
    const afterFirst = firstOutputAt === null ? 0 : (now - firstOutputAt) / 1000;
    return {
      ttftMs: firstOutputAt === null ? null : tenths(firstOutputAt - startedAt),
      totalMs: tenths(now - startedAt),
      tokensPerSecond: usage && afterFirst > 0 ? tenths(usage.completionTokens / afterFirst) : null,
      // A run that failed before sending (e.g. no key) still counts as the one attempt it was.
      attempts: Math.max(1, attempts.length),
    };
  }

  function onChunk(chunk: ChatCompletionChunk): void {
    if (chunks.length < MAX_RECORDED_CHUNKS) chunks.push({ t: tenths(performance.now() - startedAt), data: chunk });
    else droppedChunks += 1;
    if (chunk.model) model = chunk.model;
    if (chunk.usage) {
      usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens, totalTokens: chunk.usage.total_tokens };
    }
    const delta = accumulator.add(chunk);
    if (delta.hasOutput && firstOutputAt === null) firstOutputAt = performance.now();
    for (const piece of delta.content) relay.push(piece.index, piece.text);
  }

  function onEvent(event: ResponseStreamEvent): void {
    if (chunks.length < MAX_RECORDED_CHUNKS) chunks.push({ t: tenths(performance.now() - startedAt), data: event });
    else droppedChunks += 1;
    const delta = responses.add(event);
    model = responses.model() ?? model;
    usage = responses.usage() ?? usage;
    if (delta.hasOutput && firstOutputAt === null) firstOutputAt = performance.now();
    if (delta.text) relay.push(0, delta.text);
    if (delta.reasoning) reasoningRelay.push(0, delta.reasoning);
  }

  function end(): void {
    ended = true;
    clearTimeout(idleTimer);
    clearTimeout(deadlineTimer);
    // Text still queued goes out before the final event, so nothing is lost or reordered.
    relay.close();
    reasoningRelay.close();
    onEnd();
  }

  /** Tells the renderer where the run is: its attempts so far (scrubbed as in the record) and what it does now. */
  function progress(phase: RunProgress["phase"], waitMs: number | null = null): void {
    if (ended) return;
    const known = secrets();
    safeEmit("chat.progress", {
      runId,
      t: tenths(performance.now() - startedAt),
      attempts: attempts.map((a) => ({
        ...recordedAttempt(a, startedAt, known),
        waitMs: a.waitMs,
        waitReason: a.waitReason,
        note: a.note === null ? null : redactSecrets(a.note, known),
        leg: a.leg,
      })),
      fallbacks: fallbacks.map((f) => ({ ...f, detail: f.detail === null ? null : redactSecrets(f.detail, known) })),
      phase,
      waitMs,
    });
  }

  function settle(result: RunRecord["result"], error: AppError | null, runMetrics: RunMetrics): void {
    if (!settings.onRunSettled) return;
    try {
      settings.onRunSettled(
        buildRunRecord({ runId, startedAt, startedAtEpoch, connection, request, api, wireBody: wireBody(request), simulatorFailure: args.simulatorFailure, experiment: args.experiment, feature: args.feature, policy, attempts, fallbacks, chunks: scrubRecordedChunks(chunks, scrubber), droppedChunks, result, error, metrics: runMetrics, secrets: secrets() }),
      );
    } catch {
      // A failing recorder must not break the run the user sees.
    }
  }

  function finish(stopped: boolean, choices: ChoiceResult[] = choicesSoFar()): void {
    end();
    const shown = choices.map((c) => (stopped ? { ...c, finishReason: null } : c));
    const result = { runId, model, choices: shown, usage, requestId, provider: answeredBy, metrics: metrics(), stopped, ...responsesFields() };
    safeEmit("chat.finished", { result });
    settle(result, null, result.metrics);
  }

  function fail(error: AppError): void {
    end();
    const runMetrics = metrics();
    safeEmit("chat.failed", { runId, error, partial: choicesSoFar(), provider: answeredBy, metrics: runMetrics });
    settle(null, error, runMetrics);
  }

  /** The body as it goes out (without the stream options the sender adds). */
  function wireBody(legRequest: ChatRequest): Record<string, unknown> {
    return streamedWireBody(api, legRequest, args.responses);
  }

  /** What a Responses run adds to its result: the id to continue from, the summary, why it was incomplete. */
  function responsesFields(): Partial<RunResult> {
    if (api !== "responses") return {};
    const summary = scrubber.text(responses.reasoningSummary());
    const ended = responses.end();
    return {
      api,
      responseId: responses.responseId(),
      ...(responses.stored() !== null ? { stored: responses.stored() as boolean } : {}),
      ...(summary ? { reasoningSummary: summary } : {}),
      incompleteReason: ended?.status === "incomplete" ? ended.detail : null,
    };
  }

  function idleError(): AppError {
    const waited = Math.round(policy.idleTimeoutMs / 100) / 10;
    return appError("timeout", `No data arrived for ${waited} s, so the stalled stream was stopped. The text so far is kept; try again.`, { requestId });
  }

  function deadlineError(): AppError {
    return appError(
      "timeout",
      `Stopped: the request's deadline of ${formatWait(policy.deadlineMs)} passed${firstOutputAt === null ? "" : " while the answer was streaming; the text so far is kept"}. Raise the deadline in Settings, or try again later.`,
      { requestId },
    );
  }

  /** Sends one leg under the policy and reads its stream to the end; throws what went wrong. */
  async function sendLeg(leg: Leg): Promise<void> {
    const observe = (a: ObservedAttempt) => {
      attempts.push({ ...a, leg: leg.index, waitMs: null, waitReason: null, note: null });
      // A failed attempt is told with the wait (or stop) the policy chooses right after it.
      if (a.status !== null && a.status < 400) progress("streaming");
    };
    const counting = createCountingClient(leg.connection, { requestTimeoutMs: policy.requestTimeoutMs, maxRetries: 0 }, observe);
    const failure = args.simulatorFailure;
    // The simulator's failure is asked of the primary only: a fallback is meant to get through.
    const headers = leg.index === 0 && leg.connection.provider.kind === "simulator" && failure && failure !== "none" ? { "x-dojo-simulate": failure } : undefined;
    const legAttempt = () => attempts.filter((a) => a.leg === leg.index).at(-1);
    const send = (signal: AbortSignal) => {
      progress("sending");
      return api === "responses"
        ? counting.client.responses.create(wireBody(leg.request) as unknown as ResponseCreateParamsStreaming, { signal, headers }).withResponse()
        : counting.client.chat.completions.create({ ...leg.request, stream: true, stream_options: { include_usage: true } }, { signal, headers }).withResponse();
    };
    const { data, request_id } = await withPolicy(
      policy,
      (signal) => send(signal) as Promise<{ data: AsyncIterable<unknown>; request_id: string | null }>,
      {
        signal: controller.signal,
        startedAt,
        random: settings.random,
        onWait: (wait) => {
          const last = legAttempt();
          if (last) Object.assign(last, { waitMs: wait.waitMs, waitReason: wait.reason, note: wait.why });
          progress("waiting", wait.waitMs);
        },
        onStop: (stop) => {
          const last = legAttempt();
          if (last) last.note = stop.why;
        },
      },
    );
    requestId = request_id;
    armIdleTimer();
    const stream = data[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<unknown>;
      try {
        next = await stream.next();
      } catch (err) {
        throw new StreamReadError(err);
      }
      // The SDK ends the iteration quietly when aborted; the reason is in userStopped / legStop.
      if (next.done || userStopped || legStop) break;
      armIdleTimer();
      if (api === "responses") onEvent(next.value as ResponseStreamEvent);
      else onChunk(next.value as ChatCompletionChunk);
    }
    clearTimeout(idleTimer);
  }

  /** The outcome of one leg: null when it answered, else the error to report. */
  async function runLeg(leg: Leg): Promise<AppError | null> {
    controller = new AbortController();
    legStop = deadlinePassed ? "deadline" : null;
    accumulator = createChoiceAccumulator();
    responses = createResponsesAccumulator();
    requestId = null;
    usage = null;
    model = leg.request.model;
    answeredBy = leg.connection.provider;
    if (legStop) return deadlineError();
    try {
      await sendLeg(leg);
      if (userStopped) return null;
      if (legStop === "idle") return idleError();
      if (legStop === "deadline") return deadlineError();
      const ended = api === "responses" ? responses.end() : null;
      if (ended?.status === "failed") {
        const detail = ended.detail ? redactSecrets(ended.detail, secrets()) : "no reason given";
        return appError("server", `The response failed (${ended.code ?? "no code"}): ${detail}. The text so far is kept; try again.`, { requestId });
      }
      const choices = choicesSoFar();
      if (choices.length === 0 || choices.some((c) => c.finishReason === null)) {
        return appError("network", "The stream ended before the server finished the answer (no finish_reason arrived). The text so far is kept; try again.", { requestId });
      }
      return null;
    } catch (err) {
      if (userStopped) return null;
      if (legStop === "idle") return idleError();
      if (legStop === "deadline") return deadlineError();
      return mapPolicyError(err, {
        secrets: secrets(),
        phase: err instanceof StreamReadError ? "stream" : "request",
        profileName: leg.connection.provider.profileName,
        attempts: attempts.filter((a) => a.leg === leg.index).length,
        requestTimeoutMs: policy.requestTimeoutMs,
        requestId,
      });
    }
  }

  /** Tries the fallback steps in order; true when one of them answered (the run is then finished). */
  async function runFallbacks(): Promise<boolean> {
    const steps = args.fallbacks ?? [];
    for (const [i, step] of steps.entries()) {
      if (userStopped) return false;
      const base = { step: i + 1, kind: step.kind, label: step.label, t: tenths(performance.now() - startedAt) };
      if (step.kind === "message") {
        fallbacks.push({ ...base, outcome: "answered", detail: null });
        model = request.model;
        finish(false, [{ index: 0, content: step.text, refusal: null, toolCalls: [], finishReason: "fallback" }]);
        return true;
      }
      if (step.kind === "cached") {
        const cached = settings.answers.get(request);
        if (!cached) {
          fallbacks.push({ ...base, outcome: "skipped", detail: "No earlier answer to this exact request is cached." });
          continue;
        }
        fallbacks.push({ ...base, outcome: "answered", detail: null });
        model = cached.model;
        usage = null;
        requestId = null;
        answeredBy = connection.provider;
        finish(false, cached.choices.map((c) => ({ ...c, finishReason: c.finishReason ?? "fallback" })));
        return true;
      }
      if (deadlinePassed) {
        fallbacks.push({ ...base, outcome: "skipped", detail: "The request's deadline had passed." });
        continue;
      }
      let legConnection = connection;
      try {
        if (step.kind === "profile") legConnection = await step.connection();
      } catch (err) {
        fallbacks.push({ ...base, outcome: "skipped", detail: err instanceof Error ? err.message : String(err) });
        continue;
      }
      const error = await runLeg({ index: i + 1, connection: legConnection, request: { ...request, model: step.model } });
      if (userStopped) {
        fallbacks.push({ ...base, outcome: "failed", detail: "Stopped by you." });
        finish(true);
        return true;
      }
      if (!error) {
        fallbacks.push({ ...base, outcome: "answered", detail: null });
        remember();
        finish(false);
        return true;
      }
      fallbacks.push({ ...base, outcome: "failed", detail: error.message });
      if (firstOutputAt !== null) return false;
    }
    return false;
  }

  /** Keeps a good answer for the cached-answer fallback. */
  function remember(): void {
    settings.answers.put(request, { model, choices: choicesSoFar(), at: Date.now() });
  }

  return {
    cancel() {
      if (ended || userStopped) return false;
      userStopped = true;
      controller.abort();
      return true;
    },
    async run() {
      const error = await runLeg({ index: 0, connection, request });
      if (userStopped) return finish(true);
      if (!error) {
        remember();
        return finish(false);
      }
      const canFall = FALLBACK_KINDS.has(error.kind) && firstOutputAt === null && (args.fallbacks?.length ?? 0) > 0;
      if (canFall && (await runFallbacks())) return;
      if (userStopped) return finish(true);
      // The error the user sees is the primary's: the fallbacks' own outcomes are in the timeline.
      if (fallbacks.length) {
        answeredBy = connection.provider;
        const tried = fallbacks.map((f) => `${f.step}. ${f.label}: ${f.outcome}`).join("; ");
        return fail({ ...error, message: `${error.message} Fallbacks tried: ${tried}.` });
      }
      fail(error);
    },
  };
}
