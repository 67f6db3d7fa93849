// Main process: one evaluation request: a non-streamed chat completion through the openai SDK,
// turned into the same RunRecord the playground's runs leave (so a results cell opens its run).
import { randomUUID } from "node:crypto";
import type { ChatCompletion } from "openai/resources/chat/completions";
import type { ChatRequest, ChoiceResult, RunResult, SimulatorFailure } from "../../../shared/contract";
import type { AppError } from "../../../shared/errors";
import type { ExperimentRef } from "../../../shared/experiments";
import { redactSecrets } from "../../../shared/redact";
import { RECORDED_HEADER, type RunRecord } from "../../../shared/runRecord";
import { mapApiError } from "../errorMap";
import { connectionSecrets, createCountingClient, type Connection, type ObservedAttempt } from "../openaiClient";

/** What one call produced. */
export interface EvalCallOutcome {
  record: RunRecord;
  result: RunResult | null;
  error: AppError | null;
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
}

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
  let attempts = () => 1;
  try {
    const counting = createCountingClient(connection, { requestTimeoutMs: args.requestTimeoutMs, maxRetries: 0 }, (a) => observed.push(a));
    attempts = counting.attempts;
    const { data, request_id } = await counting.client.chat.completions.create({ ...request, stream: false }, { signal: args.signal, headers: args.headers }).withResponse();
    const totalMs = tenths(performance.now() - startedAt);
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
    error = mapApiError(err, { secrets, phase: "request", profileName: connection.provider.profileName, attempts: attempts(), requestTimeoutMs: args.requestTimeoutMs });
  }
  const metrics = result?.metrics ?? { ttftMs: null, totalMs: tenths(performance.now() - startedAt), tokensPerSecond: null, attempts: Math.max(1, attempts()) };
  const last = observed.at(-1);
  const shown = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => RECORDED_HEADER.test(name)));
  const record: RunRecord = {
    runId,
    startedAt: startedAtEpoch,
    provider: connection.provider,
    request,
    wire: {
      method: "POST",
      url: last?.url ?? `${connection.baseURL.replace(/\/$/, "")}/chat/completions`,
      headers: last?.requestHeaders ?? {},
      body: { ...request, stream: false },
    },
    ...(args.simulatorFailure ? { simulatorFailure: args.simulatorFailure } : {}),
    ...(args.experiment ? { experiment: args.experiment } : {}),
    response: last && last.status !== null ? { status: last.status, headers: shown(last.responseHeaders) } : null,
    attempts: observed.map((a) => ({
      t: tenths(a.sentAt - startedAt),
      status: a.status,
      durationMs: tenths(a.settledAt - a.sentAt),
      retryAfter: a.responseHeaders["retry-after-ms"] ?? a.responseHeaders["retry-after"] ?? null,
      error: a.error === null ? null : redactSecrets(a.error, secrets),
    })),
    chunks: [],
    droppedChunks: 0,
    result,
    error,
    metrics,
  };
  return { record, result, error };
}
