// Main process: one streamed chat run, from the SDK call to its final event, with stop and timeouts.
import { APIUserAbortError } from "openai";
import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import type { ChatRequest, RunMetrics, SimulatorFailure, Usage } from "../../shared/contract";
import { appError, type AppError } from "../../shared/errors";
import type { RetryPolicy } from "../../shared/retryPolicy";
import type { HandlerContext } from "../dispatch";
import { createChoiceAccumulator } from "./chatAccumulator";
import { mapApiError, StreamReadError } from "./errorMap";
import { connectionSecrets, createCountingClient, type Connection, type ObservedAttempt } from "./openaiClient";
import { MAX_RECORDED_CHUNKS, RECORDED_HEADER, type RecordedChunk, type RunRecord } from "../../shared/runRecord";
import { redactSecrets } from "../../shared/redact";
import type { ExperimentRef } from "../../shared/experiments";
import { createDeltaRelay, type RelayOptions } from "./relay";

/** What a run is given by the handler. */
export interface RunArgs {
  runId: string;
  connection: Connection;
  request: ChatRequest;
  /** Failure the simulator should produce; only sent to simulator connections. */
  simulatorFailure?: SimulatorFailure;
  /** The saved experiment version the request came from, kept in the run record. */
  experiment?: ExperimentRef;
  emit: HandlerContext["emit"];
  /** Every secret known now, to redact error messages. */
  secrets: () => readonly string[];
}

/** The service-wide settings a run uses. */
export interface RunSettings extends RetryPolicy {
  relayIntervalMs: number;
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

/** Rejects as soon as `signal` aborts, even while the SDK sleeps between retries (it only checks the signal before each attempt). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new APIUserAbortError());
    if (signal.aborted) onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err);
      },
    );
  });
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Prepares a run. `onEnd` is called once, just before the final event, so a late cancel of a
 * finished run reports false.
 */
export function createRun(args: RunArgs, settings: RunSettings, onEnd: () => void): RunHandle {
  const { runId, connection, request, emit } = args;
  const controller = new AbortController();
  const accumulator = createChoiceAccumulator();
  const startedAt = performance.now();
  const startedAtEpoch = Date.now();
  const observed: ObservedAttempt[] = [];
  const chunks: RecordedChunk[] = [];
  let droppedChunks = 0;
  let stopReason: "user" | "idle" | null = null;
  let ended = false;
  // The first model output of any kind (text, refusal or tool-call arguments): a tool-calling
  // answer has no text, yet its first token is just as much the "time to first token".
  let firstOutputAt: number | null = null;
  let requestId: string | null = null;
  let usage: Usage | null = null;
  let model = request.model;
  let attempts = () => 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  // A window that went away must not break the run: its events simply have no listener.
  const safeEmit: HandlerContext["emit"] = (event, payload) => {
    try {
      emit(event, payload);
    } catch {
      /* nobody to tell */
    }
  };
  const relay = createDeltaRelay({
    intervalMs: settings.relayIntervalMs,
    send: (deltas) => safeEmit("chat.delta", { runId, deltas }),
    onBatchSent: settings.onRelayBatch,
  });

  function stop(reason: "user" | "idle"): boolean {
    if (ended || stopReason) return false;
    stopReason = reason;
    controller.abort();
    return true;
  }

  function armIdleTimer(): void {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => stop("idle"), settings.idleTimeoutMs);
  }

  function metrics(): RunMetrics {
    const now = performance.now();
    const afterFirst = firstOutputAt === null ? 0 : (now - firstOutputAt) / 1000;
    return {
      ttftMs: firstOutputAt === null ? null : tenths(firstOutputAt - startedAt),
      totalMs: tenths(now - startedAt),
      tokensPerSecond: usage && afterFirst > 0 ? tenths(usage.completionTokens / afterFirst) : null,
      // A run that failed before sending (e.g. no key) still counts as the one attempt it was.
      attempts: Math.max(1, attempts()),
    };
  }

  function onChunk(chunk: ChatCompletionChunk): void {
    if (chunks.length < MAX_RECORDED_CHUNKS) chunks.push({ t: tenths(performance.now() - startedAt), data: chunk });
    else droppedChunks += 1;
    if (chunk.model) model = chunk.model;
    if (chunk.usage) {
      usage = {
        promptTokens: chunk.usage.prompt_tokens,
        completionTokens: chunk.usage.completion_tokens,
        totalTokens: chunk.usage.total_tokens,
      };
    }
    const delta = accumulator.add(chunk);
    if (delta.hasOutput && firstOutputAt === null) firstOutputAt = performance.now();
    for (const piece of delta.content) relay.push(piece.index, piece.text);
  }

  function end(): void {
    ended = true;
    clearTimeout(idleTimer);
    // Text still queued goes out before the final event, so nothing is lost or reordered.
    relay.close();
    onEnd();
  }

  /** Everything about the run, for the inspector and history; the key appears only as a hint. */
  function record(result: RunRecord["result"], error: AppError | null, runMetrics: RunMetrics): RunRecord {
    const secrets = [...args.secrets(), ...connectionSecrets(connection)];
    const last = observed.at(-1);
    const answered = [...observed].reverse().find((a) => a.status !== null);
    const shown = (headers: Record<string, string>) =>
      Object.fromEntries(Object.entries(headers).filter(([name]) => RECORDED_HEADER.test(name)));
    return {
      runId,
      startedAt: startedAtEpoch,
      provider: connection.provider,
      request,
      wire: {
        method: "POST",
        url: last?.url ?? `${connection.baseURL.replace(/\/$/, "")}/chat/completions`,
        headers: last?.requestHeaders ?? {},
        body: { ...request, stream: true, stream_options: { include_usage: true } },
      },
      simulatorFailure: args.simulatorFailure,
      ...(args.experiment ? { experiment: args.experiment } : {}),
      response: answered ? { status: answered.status ?? 0, headers: shown(answered.responseHeaders) } : null,
      attempts: observed.map((a) => ({
        t: tenths(a.sentAt - startedAt),
        status: a.status,
        durationMs: tenths(a.settledAt - a.sentAt),
        retryAfter: a.responseHeaders["retry-after-ms"] ?? a.responseHeaders["retry-after"] ?? null,
        error: a.error === null ? null : redactSecrets(a.error, secrets),
      })),
      chunks,
      droppedChunks,
      result,
      error,
      metrics: runMetrics,
    };
  }

  function settle(result: RunRecord["result"], error: AppError | null, runMetrics: RunMetrics): void {
    if (!settings.onRunSettled) return;
    try {
      settings.onRunSettled(record(result, error, runMetrics));
    } catch {
      // A failing recorder must not break the run the user sees.
    }
  }

  function finish(stopped: boolean): void {
    end();
    const choices = accumulator.choices().map((c) => (stopped ? { ...c, finishReason: null } : c));
    const result = { runId, model, choices, usage, requestId, provider: connection.provider, metrics: metrics(), stopped };
    safeEmit("chat.finished", { result });
    settle(result, null, result.metrics);
  }

  function fail(error: AppError): void {
    end();
    const runMetrics = metrics();
    safeEmit("chat.failed", { runId, error, partial: accumulator.choices(), provider: connection.provider, metrics: runMetrics });
    settle(null, error, runMetrics);
  }

  function idleError(): AppError {
    const waited = Math.round(settings.idleTimeoutMs / 100) / 10;
    return appError(
      "timeout",
      `No data arrived for ${waited} s, so the stalled stream was stopped. The text so far is kept; try again.`,
      { requestId },
    );
  }

  async function stream(): Promise<void> {
    const counting = createCountingClient(connection, settings, (attempt) => observed.push(attempt));
    attempts = counting.attempts;
    const failure = args.simulatorFailure;
    const headers =
      connection.provider.kind === "simulator" && failure && failure !== "none" ? { "x-dojo-simulate": failure } : undefined;
    const call = counting.client.chat.completions
      .create({ ...request, stream: true, stream_options: { include_usage: true } }, { signal: controller.signal, headers })
      .withResponse();
    // If Stop wins the race, the SDK's promise still settles later; nothing waits for it.
    call.catch(() => {});
    const { data, request_id } = await untilAborted(call, controller.signal);
    requestId = request_id;
    armIdleTimer();
    const chunks = data[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<ChatCompletionChunk>;
      try {
        next = await chunks.next();
      } catch (err) {
        throw new StreamReadError(err);
      }
      // The SDK ends the iteration quietly when aborted; the reason is in stopReason.
      if (next.done || stopReason) break;
      armIdleTimer();
      onChunk(next.value);
    }
  }

  return {
    cancel: () => stop("user"),
    async run() {
      try {
        await stream();
        if (stopReason === "user") return finish(true);
        if (stopReason === "idle") return fail(idleError());
        const choices = accumulator.choices();
        if (choices.length === 0 || choices.some((c) => c.finishReason === null)) {
          return fail(
            appError(
              "network",
              "The stream ended before the server finished the answer (no finish_reason arrived). The text so far is kept; try again.",
              { requestId },
            ),
          );
        }
        finish(false);
      } catch (err) {
        if (stopReason === "user") return finish(true);
        if (stopReason === "idle") return fail(idleError());
        fail(
          mapApiError(err, {
            secrets: [...args.secrets(), ...connectionSecrets(connection)],
            phase: err instanceof StreamReadError ? "stream" : "request",
            profileName: connection.provider.profileName,
            attempts: attempts(),
            requestTimeoutMs: settings.requestTimeoutMs,
            requestId,
          }),
        );
      }
    },
  };
}
