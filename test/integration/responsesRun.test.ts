// Integration: a playground run on the Responses API, through the chat service and the real openai
// SDK against the real simulator: streaming, stop, usage with cached and reasoning tokens, the
// reasoning summary, "incomplete" as a finish reason, continuing a stored response, tool calls,
// the run record's wire body, and secrets scrubbed as on Chat Completions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, type ChatRequest, type EventName, type EventPayload } from "../../shared/contract";
import type { ResponsesExtras } from "../../shared/api/requestApi";
import { createChatService } from "../../electron/services/chat";
import type { Connection } from "../../electron/services/openaiClient";
import { startSimulator, type RunningSimulator } from "../../electron/simulator/server";
import { RunRecord } from "../../shared/runRecord";

let sim: RunningSimulator;
let slowSim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ tokenDelayMs: 0 });
  slowSim = await startSimulator({ tokenDelayMs: 20 });
});
afterAll(async () => {
  await Promise.all([sim?.close(), slowSim?.close()]);
});

const connection = (url: string): Connection => ({ provider: { profileId: "simulator", profileName: "Simulator", kind: "simulator", baseURL: url }, baseURL: url, apiKey: "simulator-no-key" });

type Final = { event: "chat.finished"; payload: EventPayload<"chat.finished"> } | { event: "chat.failed"; payload: EventPayload<"chat.failed"> };

async function run(url: string, request: ChatRequest, opts: { extras?: ResponsesExtras; cancelAfterFirstDelta?: boolean; secrets?: string[] } = {}) {
  const records: RunRecord[] = [];
  const service = createChatService({ onRunSettled: (r) => records.push(RunRecord.parse(r)) });
  const runId = crypto.randomUUID();
  const deltas: EventPayload<"chat.delta">[] = [];
  const final = await new Promise<Final>((resolve) => {
    const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
      const parsed = events[event].parse(payload);
      if (event === "chat.delta") {
        deltas.push(parsed as EventPayload<"chat.delta">);
        if (opts.cancelAfterFirstDelta && deltas.some((d) => d.deltas.length)) service.cancel(runId);
      } else if (event === "chat.finished" || event === "chat.failed") resolve({ event, payload: parsed } as Final);
    };
    service.start({ runId, connection: connection(url), request, api: "responses", responses: opts.extras, emit, secrets: () => opts.secrets ?? [] });
  });
  const text = deltas.flatMap((d) => d.deltas.map((x) => x.content)).join("");
  const reasoning = deltas.map((d) => d.reasoning ?? "").join("");
  return { final, text, reasoning, record: () => records[0] };
}

function finished(final: Final): EventPayload<"chat.finished">["result"] {
  if (final.event !== "chat.finished") throw new Error(`expected a finish, got ${JSON.stringify(final.payload)}`);
  return final.payload.result;
}

const ask = (content: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  model: "sim-chat-1",
  messages: [{ role: "system", content: "You answer in plain words." }, { role: "user", content }],
  max_completion_tokens: 200,
  ...extra,
});

describe("a Responses run", () => {
  it("streams the answer, finishes with stop and usage, and records the real Responses body", async () => {
    const { final, text, record } = await run(sim.url, ask("What does the temperature parameter change?"));
    const result = finished(final);
    expect(result.api).toBe("responses");
    expect(result.responseId).toMatch(/^resp_/);
    expect(result.stored).toBe(true);
    expect(result.choices).toHaveLength(1);
    expect(result.choices[0]?.finishReason).toBe("stop");
    expect(text.length).toBeGreaterThan(10);
    expect(result.choices[0]?.content).toBe(text);
    expect(result.usage?.promptTokens).toBeGreaterThan(0);
    expect(result.usage?.totalTokens).toBe((result.usage?.promptTokens ?? 0) + (result.usage?.completionTokens ?? 0));
    expect(result.usage?.cachedPromptTokens).toBe(0);
    const rec = record();
    expect(rec?.wire.url).toMatch(/\/v1\/responses$/);
    expect(rec?.wire.body).toMatchObject({ model: "sim-chat-1", instructions: "You answer in plain words.", max_output_tokens: 200, stream: true });
    expect(rec?.wire.body).not.toHaveProperty("messages");
    expect(rec?.chunks.map((c) => (c.data as { type: string }).type)).toContain("response.output_text.delta");
    expect(rec?.result?.responseId).toBe(result.responseId);
  });

  it("stops mid-stream, keeping the partial text", async () => {
    const { final, text } = await run(slowSim.url, ask("Explain top_p and temperature in detail, with examples.", { max_completion_tokens: 400 }), { cancelAfterFirstDelta: true });
    const result = finished(final);
    expect(result.stopped).toBe(true);
    expect(result.choices[0]?.finishReason).toBeNull();
    expect(text.length).toBeGreaterThan(0);
  });

  it("reports an incomplete response as finish reason length, with its reason", async () => {
    const result = finished((await run(sim.url, ask("Explain top_p and temperature in detail, with examples.", { max_completion_tokens: 16 }))).final);
    expect(result.choices[0]?.finishReason).toBe("length");
    expect(result.incompleteReason).toBe("max_output_tokens");
  });

  it("streams a reasoning model's summary beside the answer and counts its reasoning tokens", async () => {
    const { final, reasoning } = await run(sim.url, ask("Plan a trip to Lisbon.", { model: "sim-reasoning-1", reasoning_effort: "high", temperature: undefined }), { extras: { reasoning_summary: "auto" } });
    const result = finished(final);
    expect(reasoning).toMatch(/^\*\*Simulated reasoning summary\*\*/);
    expect(result.reasoningSummary).toBe(reasoning);
    expect(result.usage?.reasoningTokens).toBeGreaterThan(0);
    expect(result.usage?.completionTokens).toBeGreaterThanOrEqual(result.usage?.reasoningTokens ?? 0);
  });

  it("continues a stored response: the second turn knows what the first said", async () => {
    const first = finished((await run(sim.url, ask("My cat is called Tofu and she likes sardines."))).final);
    const second = finished((await run(sim.url, ask("What does my cat like?"), { extras: { previous_response_id: first.responseId ?? "" } })).final);
    expect(second.choices[0]?.content).toContain("sardines");
    const alone = finished((await run(sim.url, ask("What does my cat like?"))).final);
    expect(alone.choices[0]?.content).not.toContain("sardines");
  });

  it("an unknown previous_response_id fails with the server's error naming the parameter", async () => {
    const { final } = await run(sim.url, ask("hi"), { extras: { previous_response_id: "resp_unknown" } });
    expect(final.event).toBe("chat.failed");
    if (final.event === "chat.failed") expect(final.payload.error.message).toMatch(/previous_response_id|resp_unknown/);
  });

  it("calls a tool as a function_call, then answers from the function_call_output sent back", async () => {
    const tools: ChatRequest["tools"] = [{ type: "function", function: { name: "get_weather", description: "Current weather in a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } }];
    const first = finished((await run(sim.url, { model: "sim-chat-1", messages: [{ role: "user", content: "What is the weather in Oslo?" }], tools })).final);
    const call = first.choices[0]?.toolCalls[0];
    expect(first.choices[0]?.finishReason).toBe("tool_calls");
    expect(call?.name).toBe("get_weather");
    expect(JSON.parse(call?.arguments ?? "{}")).toMatchObject({ city: expect.stringMatching(/oslo/i) });
    const next: ChatRequest = {
      model: "sim-chat-1",
      tools,
      messages: [
        { role: "user", content: "What is the weather in Oslo?" },
        { role: "assistant", content: null, tool_calls: [{ id: call?.id ?? "", type: "function", function: { name: call?.name ?? "", arguments: call?.arguments ?? "" } }] },
        { role: "tool", tool_call_id: call?.id ?? "", content: '{"temperature": 4, "sky": "cloudy"}' },
      ],
    };
    const second = finished((await run(sim.url, next)).final);
    expect(second.choices[0]?.finishReason).toBe("stop");
    expect(second.choices[0]?.content).toContain("cloudy");
  });

  // As on Chat Completions, the final event is scrubbed at the door (electron/dispatch.ts); the
  // service itself scrubs the stream as it relays it and the recorded events.
  it("scrubs a key the answer echoes from the relayed stream and the recorded events", async () => {
    const KEY = "sk-proj-EchoedKeyAbCdEfGh0123456789xyz";
    const { final, text, record } = await run(sim.url, ask(`Repeat exactly: my key is ${KEY}`), { secrets: [KEY] });
    expect(finished(final).choices[0]?.content).toContain(KEY); // the simulator did echo it
    expect(text).not.toContain(KEY);
    expect(text).toContain("[redacted]");
    expect(JSON.stringify(record()?.chunks)).not.toContain(KEY);
  });
});
