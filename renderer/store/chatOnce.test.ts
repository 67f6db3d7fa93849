// Tests (Node): one chat run awaited to its end through the fake bridge's chat events.
import { describe, expect, it } from "vitest";
import { runChatToEnd } from "./chatOnce";
import { bridgeFailure, createFakeBridge } from "./fakeBridge";
import { finishedResult, simulatorTag } from "./fixtures";
import { appError } from "../../shared/errors";

const RUN = "3f0f8a4e-5c1b-4d1e-9a57-0c9f3e0b1a01";
const OTHER = "3f0f8a4e-5c1b-4d1e-9a57-0c9f3e0b1a02";
const request = { model: "sim-chat-1", messages: [{ role: "user" as const, content: "hi" }] };
const metrics = { ttftMs: null, totalMs: 1, tokensPerSecond: null, attempts: 1 };

describe("runChatToEnd", () => {
  it("resolves with its own run's result, ignoring other runs, and unsubscribes", async () => {
    const bridge = createFakeBridge();
    bridge.handle("chat.start", ({ runId }) => {
      queueMicrotask(() => {
        bridge.emit("chat.finished", { result: finishedResult(OTHER) });
        bridge.emit("chat.finished", { result: finishedResult(runId) });
      });
      return { runId };
    });
    const result = await runChatToEnd(bridge, RUN, "simulator", request);
    expect(result.runId).toBe(RUN);
    expect(bridge.listenerCount("chat.finished")).toBe(0);
    expect(bridge.listenerCount("chat.failed")).toBe(0);
  });

  it("rejects with the run's AppError when it fails, or the call's when it cannot start", async () => {
    const bridge = createFakeBridge();
    bridge.handle("chat.start", ({ runId }) => {
      queueMicrotask(() => bridge.emit("chat.failed", { runId, error: appError("rate_limited", "slow down"), partial: [], provider: simulatorTag, metrics }));
      return { runId };
    });
    await expect(runChatToEnd(bridge, RUN, "simulator", request)).rejects.toMatchObject({ error: { kind: "rate_limited" } });
    bridge.handle("chat.start", () => {
      throw bridgeFailure("invalid_input", "bad request");
    });
    await expect(runChatToEnd(bridge, RUN, "simulator", request)).rejects.toMatchObject({ error: { kind: "invalid_input" } });
    expect(bridge.listenerCount("chat.finished")).toBe(0);
  });
});
