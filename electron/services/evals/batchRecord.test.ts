// Tests (main process): a batch answer's run record: the request line and the output line, valid
// against the shared RunRecord schema, with no invented timing or attempts.
import { describe, expect, it } from "vitest";
import { RunRecord } from "../../../shared/runRecord";
import type { Connection } from "../openaiClient";
import { batchAnswerRecord } from "./batchRecord";

const connection: Connection = {
  provider: { profileId: "simulator", profileName: "Simulator", kind: "simulator", baseURL: "http://127.0.0.1:9/v1" },
  baseURL: "http://127.0.0.1:9/v1",
  apiKey: "simulator-no-key",
};
const request = { model: "sim-chat-1", messages: [{ role: "user" as const, content: "Tell me about Rome." }] };

describe("batch answer record", () => {
  it("keeps the request line and the answer as a schema-valid run", () => {
    const record = batchAnswerRecord({
      connection,
      request,
      lineUrl: "/v1/chat/completions",
      collectedAt: 1_700_000_000_000,
      statusCode: 200,
      requestId: "req_123",
      answer: { model: "sim-chat-1", choices: [{ index: 0, content: "Rome is...", refusal: null, toolCalls: [], finishReason: "stop" }], usage: { promptTokens: 5, completionTokens: 3, totalTokens: 8 } },
      errorMessage: null,
    });
    expect(RunRecord.safeParse(record).success).toBe(true);
    expect(record.wire).toMatchObject({ method: "POST", url: "http://127.0.0.1:9/v1/chat/completions", headers: {}, body: request });
    expect(record.response).toEqual({ status: 200, headers: { "x-request-id": "req_123" } });
    expect(record.result?.runId).toBe(record.runId);
    expect(record.result?.requestId).toBe("req_123");
    expect(record.attempts).toEqual([]);
    expect(record.error).toBeNull();
  });

  it("keeps a failed line as an error run, its kind from the line's status", () => {
    const failed = batchAnswerRecord({ connection, request, lineUrl: "/v1/chat/completions", collectedAt: 1, statusCode: 429, requestId: null, answer: null, errorMessage: "The batch request failed (429): slow down" });
    expect(RunRecord.safeParse(failed).success).toBe(true);
    expect(failed.result).toBeNull();
    expect(failed.error).toMatchObject({ kind: "rate_limited", status: 429, message: "The batch request failed (429): slow down" });
    const noStatus = batchAnswerRecord({ connection, request, lineUrl: "/v1/chat/completions", collectedAt: 1, statusCode: null, requestId: null, answer: null, errorMessage: null });
    expect(noStatus.response).toBeNull();
    expect(noStatus.error?.kind).toBe("internal");
    expect(batchAnswerRecord({ connection, request, lineUrl: "/v1/chat/completions", collectedAt: 1, statusCode: 500, requestId: null, answer: null, errorMessage: "x" }).error?.kind).toBe("server");
  });
});
