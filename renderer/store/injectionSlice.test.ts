// The lab's slice over a fake bridge whose chat.start is answered by the real simulator planner, so
// the score rows are the ones the app shows.
import { describe, expect, it } from "vitest";
import { parseChatParams } from "../../electron/simulator/chatParams";
import { planChat } from "../../electron/simulator/chatPlan";
import { ATTACKS } from "../../shared/injectionLab";
import { createAppStore } from "./createAppStore";
import { createTestStore } from "./testStore";
import { simulatorProfile } from "./fixtures";

function setup() {
  const { bridge } = createTestStore();
  let n = 0;
  // Each attack run needs its own id: the lab runs several at once.
  const store = createAppStore({ bridge, randomUUID: () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}` });
  bridge.handle("chat.start", ({ runId, request }) => {
    const plan = planChat(parseChatParams(request));
    const choices = plan.choices.map((c) => ({
      index: c.index,
      content: c.content ?? "",
      refusal: null,
      toolCalls: c.toolCalls.map((t) => ({ id: t.id, name: t.name, arguments: t.arguments })),
      finishReason: c.finishReason,
    }));
    const provider = { profileId: simulatorProfile.id, profileName: simulatorProfile.name, kind: "simulator" as const, baseURL: "http://sim/v1" };
    setTimeout(() =>
      bridge.emit("chat.finished", {
        result: { runId, model: plan.model, choices, usage: null, requestId: null, provider, metrics: { ttftMs: null, totalMs: 1, tokensPerSecond: null, attempts: 1 }, stopped: false },
      }),
    );
    return { runId };
  });
  return { bridge, store };
}

describe("injection slice", () => {
  it("scores a run of every attack with no defence: all of them get through", async () => {
    const { store } = setup();
    await store.getState().runAttacks();
    const [row] = store.getState().injection.rows;
    expect(row).toMatchObject({ label: "none", gotThrough: ATTACKS.length });
    expect(store.getState().injection.providerKind).toBe("simulator");
    expect(Object.values(store.getState().injection.runs).every((r) => r.verdict?.outcome === "leaked")).toBe(true);
  });

  it("records one row per defence set of the matrix, and a code defence shows as blocked", async () => {
    const { store } = setup();
    await store.getState().runMatrix();
    const rows = store.getState().injection.rows;
    expect(rows.map((r) => r.label)).toEqual([
      "none",
      "delimit untrusted text",
      "instruction hierarchy",
      "output filter",
      "tool allow-list",
      "argument checks",
      "all",
    ]);
    expect(rows.map((r) => r.gotThrough)).toEqual([8, 2, 1, 2, 7, 7, 0]);
    const filter = rows.find((r) => r.label === "output filter")!;
    expect(filter.outcomes["direct-override"]).toBe("blocked");
    expect(filter.outcomes.encoding).toBe("leaked");
    expect(rows.at(-1)!.outcomes["role-play"]).toBe("resisted");
  });

  it("toggles defences, and running a set again replaces its row", async () => {
    const { store } = setup();
    store.getState().toggleDefence("outputFilter");
    await store.getState().runAttacks();
    await store.getState().runAttacks();
    expect(store.getState().injection.rows.map((r) => r.label)).toEqual(["output filter"]);
  });
});
