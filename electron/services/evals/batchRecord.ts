// Main process: the run record of one Batch API answer (its request line and its output line), so a
// batch results cell opens its run in the inspector like a direct run's cell does.
import { randomUUID } from "node:crypto";
import type { ChatRequest, ChoiceResult, Usage } from "../../../shared/contract";
import { appError, type AppError } from "../../../shared/errors";
import type { RunRecord } from "../../../shared/runRecord";
import type { RedactionSummary } from "../../../shared/safety";
import type { Connection } from "../openaiClient";

/** What is known of one answer of a batch: what was asked, and the output file's line about it. */
export interface BatchAnswer {
  connection: Connection;
  /** The body of the request line (the filled request template). */
  request: ChatRequest;
  /** The request line's `url`, e.g. "/v1/chat/completions". */
  lineUrl: string;
  /** Epoch ms when the answers were collected (a batch line carries no time of its own). */
  collectedAt: number;
  /** The output line's response status, or null when the line has none (an error-file line). */
  statusCode: number | null;
  requestId: string | null;
  /** The parsed answer, or null when the line holds an error. */
  answer: { model: string; choices: ChoiceResult[]; usage: Usage | null } | null;
  /** Why the line failed, when it did (already redacted by the caller). */
  errorMessage: string | null;
  /** What redaction replaced in the request line, when it was on. */
  redaction?: RedactionSummary | null;
}

/** The error of a failed line, its kind from the status the server gave the request. */
function lineError(statusCode: number | null, message: string, requestId: string | null): AppError {
  const kind = statusCode === null ? "internal" : statusCode === 429 ? "rate_limited" : statusCode >= 500 ? "server" : statusCode === 401 ? "invalid_key" : statusCode === 404 ? "not_found" : "bad_request";
  return appError(kind, message, { status: statusCode, requestId });
}

/**
 * The record of one batch answer. The request was never sent on its own: `wire` shows the request
 * line as it went into the uploaded file (method, URL and body; a batch line carries no headers),
 * `response` the status the output line reports, and no HTTP attempt or timing is invented.
 */
export function batchAnswerRecord(a: BatchAnswer): RunRecord {
  const runId = randomUUID();
  const origin = a.connection.baseURL.replace(/\/v1\/?$/, "").replace(/\/$/, "");
  const metrics = { ttftMs: null, totalMs: 0, tokensPerSecond: null, attempts: 1 };
  return {
    runId,
    startedAt: a.collectedAt,
    provider: a.connection.provider,
    request: a.request,
    wire: { method: "POST", url: `${origin}${a.lineUrl}`, headers: {}, body: { ...a.request } },
    response: a.statusCode === null ? null : { status: a.statusCode, headers: a.requestId ? { "x-request-id": a.requestId } : {} },
    attempts: [],
    chunks: [],
    droppedChunks: 0,
    result: a.answer ? { runId, model: a.answer.model, choices: a.answer.choices, usage: a.answer.usage, requestId: a.requestId, provider: a.connection.provider, metrics, stopped: false } : null,
    error: a.answer ? null : lineError(a.statusCode, a.errorMessage ?? "The batch request failed.", a.requestId),
    metrics,
    ...(a.redaction ? { redaction: a.redaction } : {}),
  };
}
