// Main process: the record of a run refused before anything was sent (input moderation flagged it
// or could not check it), so the inspector, history and lesson grading see the refusal as a run.
import type { ChatRequest } from "../../shared/contract";
import type { AppError } from "../../shared/errors";
import type { RunRecord } from "../../shared/runRecord";
import type { ModerationRecord, RedactionSummary } from "../../shared/safety";
import type { Connection } from "./openaiClient";

/** What the safety gate knows when it refuses a run. */
export interface RefusedRun {
  runId: string;
  startedAt: number;
  connection: Connection;
  /** The request as it would have been sent (redacted when redaction is on). */
  request: ChatRequest;
  /** The JSON body that request would have sent (shared/api/responsesBody.ts's streamedWireBody). */
  body: Record<string, unknown>;
  error: AppError;
  redaction: RedactionSummary;
  moderation: ModerationRecord[];
}

/** A record with no attempts, no response and the refusal as its error; the body is what would have gone out. */
export function refusedRunRecord(run: RefusedRun): RunRecord {
  return {
    runId: run.runId,
    startedAt: run.startedAt,
    provider: run.connection.provider,
    request: run.request,
    wire: {
      method: "POST",
      url: `${run.connection.baseURL.replace(/\/$/, "")}/chat/completions`,
      // Nothing was sent, so no headers (and no key hint) were either.
      headers: {},
      body: run.body,
    },
    response: null,
    attempts: [],
    redaction: run.redaction,
    moderation: run.moderation,
    chunks: [],
    droppedChunks: 0,
    result: null,
    error: run.error,
    metrics: { ttftMs: null, totalMs: 0, tokensPerSecond: null, attempts: 0 },
  };
}
