// Main process: one evaluation request: a non-streamed chat completion through the openai SDK,
// turned into the same RunRecord the playground's runs leave (so a results cell opens its run).
// Under the client policy when one is given: our retry loop (SDK retries off), each wait recorded.
import { randomUUID } from "node:crypto";
import type { ChatCompletion } from "openai/resources/chat/completions";
import type { ChatRequest, ChoiceResult, RunResult, SimulatorFailure } from "../../../shared/contract";
import type { AppError } from "../../../shared/errors";
import type { ExperimentRef } from "../../../shared/experiments";
import { redactSecrets } from "../../../shared/redact";
import type { RunRecord } from "../../../shared/runRecord";
import { recordedAttempt, shownHeaders, wireOf } from "../chatRunRecord";
import type { ClientPolicy } from "../../../shared/retryPolicy";
import type OpenAI from "openai";
import { connectionSecrets, createCountingClient, observedBy, type Connection, type ObservedAttempt, type RequestGate } from "../openaiClient";
import { requestError } from "../reliability/policyError";
import { withPolicy, type PolicyWait } from "../reliability/withPolicy";

/** What one call produced. */
export interface EvalCallOutcome {
  record: RunRecord;
  result: RunResult | null;
  error: AppError | null;
  /**
   * Ms the answering attempt took, from its sending to the whole answer (null without an answer):
   * the latency a check measures. `record.metrics.totalMs` also counts earlier attempts and waits.
   */
  answerMs: number | null;
  /** performance.now() when the first attempt was sent; null when none was. */
  sentAt: number | null;
}

export interface EvalCallArgs {
  connection: Connection;
  request: ChatRequest;
  experiment?: ExperimentRef;
  signal: AbortSignal;
  secrets: readonly string[];
  requestTimeoutMs: number;
  /** Extra headers (the simulator's failure or latency switches). */
  headers?: Record<string, string>;
  simulatorFailure?: SimulatorFailure;
  /** The HTTP layer to send with (an evaluation run's keep-alive fetch); default the global fetch. */
  fetch?: typeof fetch;
  /** Admits each attempt (the run's limiter); only used when no `client` is given. */
  gate?: RequestGate;
  /**
   * The SDK client of the run (createCountingClient for this connection, SDK retries off), shared
   * by its calls; each call still sees only its own attempts. Absent: one is made for this call.
   */
  client?: OpenAI;
  /**
   * The client policy: retries, back-off, retry-after and the deadline apply to this call. Absent:
   * one attempt, and the runner alone decides what a failure means.
   */
  policy?: ClientPolicy;
  /** Told before the policy waits after a 429, so the runner can slow every request down too. */
  onRateLimited?: (waitMs: number) => void;
  /** Told before every wait of the policy (then a retry follows): how long, and whether a 429 caused it. */
  onRetryWait?: (wait: { waitMs: number; rateLimited: boolean }) => void;
  /** Random numbers in [0, 1) for back-off jitter (tests pin it). */
  random?: () => number;
}

/** The single attempt used when no policy is given. */
const ONE_ATTEMPT: Omit<ClientPolicy, "requestTimeoutMs"> = {
  maxRetries: 0,
  baseDelayMs: 0,
  maxDelayMs: 0,
  jitter: 0,
  honourRetryAfter: true,
  idleTimeoutMs: 600_000,
  deadlineMs: 3_600_000,
};

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/** The choices of a completion in the app's shape. */
export function choicesOf(completion: Pick<ChatCompletion, "choices">): ChoiceResult[] {
  return completion.choices.map((c) => ({
    index: c.index,
    content: c.message.content ?? "",
    refusal: c.message.refusal ?? null,
    toolCalls: (c.message.tool_calls ?? []).flatMap((t) => (t.type === "function" ? [{ id: t.id, name: t.function.name, arguments: t.function.arguments }] : [])),
    finishReason: c.finish_reason ?? null,
  }));
}

/**
 * Sends one request with no SDK retries: a 429 comes back as an error with its retry-after, so the
 * runner can slow every request down rather than each one retrying alone.
 */
export async function callForEval(args: EvalCallArgs): Promise<EvalCallOutcome> {
  const { connection, request } = args;
  const runId = randomUUID();
  const observed: ObservedAttempt[] = [];
  const startedAtEpoch = Date.now();
  const startedAt = performance.now();
  const secrets = [...args.secrets, ...connectionSecrets(connection)];
  let result: RunResult | null = null;
  let error: AppError | null = null;
  let answerMs: number | null = null;
  const attempts = () => observed.length;
  // Latency runs from the first attempt's sending: time queued behind the run's limiter before it
  // is the runner's, not the server's (retries and their waits after it do count).
  const latencySince = () => tenths(performance.now() - (observed[0]?.sentAt ?? startedAt));
  const notes: { waitMs?: number; waitReason?: PolicyWait["reason"]; note?: string }[] = [];
  try {
    const client = args.client ?? createCountingClient(connection, { requestTimeoutMs: args.requestTimeoutMs, maxRetries: 0, fetch: args.fetch, gate: args.gate }).client;
    const observe = observedBy((a) => observed.push(a));
    const policy: ClientPolicy = args.policy ?? { ...ONE_ATTEMPT, requestTimeoutMs: args.requestTimeoutMs };
    // Waits and stop reasons go on the attempt they follow, as in the playground's timeline.
    const annotate = (afterAttempt: number, fields: Partial<NonNullable<typeof notes[number]>>) => {
      notes[afterAttempt - 1] = { ...notes[afterAttempt - 1], ...fields };
    };
    const { data, request_id } = await withPolicy(
      policy,
      (signal) => client.chat.completions.create({ ...request, stream: false }, { ...observe, signal, headers: args.headers, timeout: args.requestTimeoutMs }).withResponse(),
      {
        signal: args.signal,
        // A non-streamed answer is read whole before this resolves.
        wholeOnReturn: true,
        startedAt,
        random: args.random,
        onWait: (wait: PolicyWait) => {
          annotate(wait.afterAttempt, { waitMs: wait.waitMs, waitReason: wait.reason, note: wait.why });
          const rateLimited = observed[wait.afterAttempt - 1]?.status === 429;
          args.onRetryWait?.({ waitMs: wait.waitMs, rateLimited });
          if (rateLimited) args.onRateLimited?.(wait.waitMs);
        },
        onStop: (stop) => annotate(stop.afterAttempt, { note: stop.why }),
      },
    );
    const totalMs = latencySince();
    // The attempt that answered is the last one: the retries and back-off waits before it are not its latency.
    answerMs = tenths(performance.now() - (observed.at(-1)?.sentAt ?? startedAt));
    const usage = data.usage ? { promptTokens: data.usage.prompt_tokens, completionTokens: data.usage.completion_tokens, totalTokens: data.usage.total_tokens } : null;
    result = {
      runId,
      model: data.model || request.model,
      choices: choicesOf(data),
      usage,
      requestId: request_id,
      provider: connection.provider,
      // A non-streamed answer arrives whole: its first token is its last.
      metrics: { ttftMs: totalMs, totalMs, tokensPerSecond: null, attempts: Math.max(1, attempts()) },
      stopped: false,
    };
  } catch (err) {
    error = requestError(err, connection, attempts(), args.requestTimeoutMs, args.secrets);
  }
  const metrics = result?.metrics ?? { ttftMs: null, totalMs: latencySince(), tokensPerSecond: null, attempts: Math.max(1, attempts()) };
  const last = observed.at(-1);
  const record: RunRecord = {
    runId,
    startedAt: startedAtEpoch,
    provider: connection.provider,
    request,
    wire: wireOf(connection, last, { ...request, stream: false }),
    ...(args.simulatorFailure ? { simulatorFailure: args.simulatorFailure } : {}),
    ...(args.experiment ? { experiment: args.experiment } : {}),
    response: last && last.status !== null ? { status: last.status, headers: shownHeaders(last.responseHeaders) } : null,
    attempts: observed.map((a, i) => ({
      ...recordedAttempt(a, startedAt, secrets),
      ...(notes[i] ? { waitMs: notes[i].waitMs ?? null, waitReason: notes[i].waitReason ?? null, note: notes[i].note === undefined ? null : redactSecrets(notes[i].note, secrets) } : {}),
    })),
    chunks: [],
    droppedChunks: 0,
    result,
    error,
    metrics,
  };
  return { record, result, error, answerMs, sentAt: observed[0]?.sentAt ?? null };
}
