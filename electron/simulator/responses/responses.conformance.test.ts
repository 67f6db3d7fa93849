// Tests (Node): every kind of Responses API object and stream event the simulator sends validates
// against the OpenAI OpenAPI spec's schemas, and its errors have the real API's shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specErrors } from "../../../test/conformance/openapiSpec";
import { startSimulator, type RunningSimulator } from "../server";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ backgroundDelayMs: 400 });
});
afterAll(async () => {
  await sim.close();
});

type Json = Record<string, unknown>;

async function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${sim.url}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", authorization: "Bearer simulator-no-key", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, text: await response.text(), type: response.headers.get("content-type") ?? "" };
}

async function json(path: string, body?: unknown, method?: string): Promise<Json> {
  const { status, text } = await call(path, { body, method });
  expect(status, text).toBe(200);
  return JSON.parse(text) as Json;
}

/** Every event of a stream: the `event:` name must equal the data's type; no [DONE] follows. */
async function events(body: Json, headers: Record<string, string> = {}): Promise<Json[]> {
  const { status, text, type } = await call("/responses", { body: { ...body, stream: true }, headers });
  expect(status, text).toBe(200);
  expect(type).toContain("text/event-stream");
  expect(text).not.toContain("[DONE]");
  return text
    .split("\n\n")
    .filter(Boolean)
    .map((frame) => {
      const [eventLine, dataLine] = frame.split("\n");
      const data = JSON.parse((dataLine ?? "").replace(/^data: /, "")) as Json;
      expect(eventLine).toBe(`event: ${String(data.type)}`);
      return data;
    });
}

const schemaFor: Record<string, string> = {
  "response.created": "ResponseCreatedEvent",
  "response.in_progress": "ResponseInProgressEvent",
  "response.output_item.added": "ResponseOutputItemAddedEvent",
  "response.output_item.done": "ResponseOutputItemDoneEvent",
  "response.content_part.added": "ResponseContentPartAddedEvent",
  "response.content_part.done": "ResponseContentPartDoneEvent",
  "response.output_text.delta": "ResponseTextDeltaEvent",
  "response.output_text.done": "ResponseTextDoneEvent",
  "response.function_call_arguments.delta": "ResponseFunctionCallArgumentsDeltaEvent",
  "response.function_call_arguments.done": "ResponseFunctionCallArgumentsDoneEvent",
  "response.reasoning_summary_part.added": "ResponseReasoningSummaryPartAddedEvent",
  "response.reasoning_summary_part.done": "ResponseReasoningSummaryPartDoneEvent",
  "response.reasoning_summary_text.delta": "ResponseReasoningSummaryTextDeltaEvent",
  "response.reasoning_summary_text.done": "ResponseReasoningSummaryTextDoneEvent",
  "response.completed": "ResponseCompletedEvent",
  "response.incomplete": "ResponseIncompleteEvent",
  "response.failed": "ResponseFailedEvent",
};

/** Checks each event against its own schema and the ResponseStreamEvent union, and the numbering. */
function expectValidStream(all: Json[]): void {
  all.forEach((event, i) => {
    expect(event.sequence_number).toBe(i);
    const schema = schemaFor[String(event.type)];
    expect(schema, String(event.type)).toBeDefined();
    expect(specErrors(schema ?? "", event)).toEqual([]);
    expect(specErrors("ResponseStreamEvent", event)).toEqual([]);
  });
}

const weatherTool = {
  type: "function",
  name: "get_weather",
  description: "Get the current weather for a city",
  strict: true,
  parameters: {
    type: "object",
    properties: { city: { type: "string" }, units: { type: "string", enum: ["celsius", "fahrenheit"] } },
    required: ["city", "units"],
    additionalProperties: false,
  },
};
const summarySchema = {
  type: "json_schema",
  name: "summary",
  strict: true,
  schema: { type: "object", properties: { title: { type: "string" }, score: { type: "number" } }, required: ["title", "score"], additionalProperties: false },
};
const question = "Explain what the temperature parameter changes in a model's answer.";

describe("Response objects match the spec's Response", () => {
  const cases: [string, Json][] = [
    ["string input", { model: "gpt-4.1-mini", input: question }],
    [
      "items with instructions and an image part",
      {
        model: "sim-chat-1",
        instructions: "You are concise. Temperature controls randomness.",
        input: [{ role: "user", content: [{ type: "input_text", text: question }, { type: "input_image", image_url: "data:image/png;base64,iVBORw0KGgo=" }] }],
        metadata: { lesson: "temperature" },
      },
    ],
    ["json_object", { model: "gpt-4.1-mini", input: `${question} Answer in JSON.`, text: { format: { type: "json_object" } } }],
    ["strict json_schema", { model: "gpt-4.1-mini", input: question, text: { format: summarySchema } }],
    ["function call", { model: "gpt-4.1-mini", input: "What is the weather in Paris?", tools: [weatherTool] }],
    ["cut by max_output_tokens", { model: "gpt-4.1-mini", input: question, max_output_tokens: 16 }],
    ["reasoning with a summary", { model: "gpt-5-mini", input: question, reasoning: { effort: "high", summary: "auto" } }],
    ["reasoning spends the whole budget", { model: "o4-mini", input: question, reasoning: { effort: "high" }, max_output_tokens: 100 }],
  ];
  it.each(cases)("%s", async (_label, body) => {
    const response = await json("/responses", body);
    expect(specErrors("Response", response)).toEqual([]);
    expect(response.model).toBe(body.model);
  });

  it("the cases above really produce each kind of output and status", async () => {
    const kinds = async (body: Json) => {
      const r = await json("/responses", body);
      return { status: r.status, types: (r.output as Json[]).map((o) => o.type), reason: (r.incomplete_details as Json | null)?.reason };
    };
    expect(await kinds(cases[4]?.[1] ?? {})).toEqual({ status: "completed", types: ["function_call"], reason: undefined });
    expect(await kinds(cases[5]?.[1] ?? {})).toEqual({ status: "incomplete", types: ["message"], reason: "max_output_tokens" });
    expect(await kinds(cases[6]?.[1] ?? {})).toEqual({ status: "completed", types: ["reasoning", "message"], reason: undefined });
    expect(await kinds(cases[7]?.[1] ?? {})).toEqual({ status: "incomplete", types: ["reasoning"], reason: "max_output_tokens" });
  });

  it("background: queued when created, then in_progress and completed by polling; the same for retrieve", async () => {
    const created = await json("/responses", { model: "gpt-4.1-mini", input: question, background: true });
    expect(created.status).toBe("queued");
    expect(specErrors("Response", created)).toEqual([]);
    const seen: unknown[] = [created.status];
    let now = created;
    for (let i = 0; i < 1000 && now.status !== "completed"; i++) {
      await new Promise((done) => setTimeout(done, 10));
      now = await json(`/responses/${String(created.id)}`);
      expect(specErrors("Response", now)).toEqual([]);
      if (seen.at(-1) !== now.status) seen.push(now.status);
    }
    // The statuses only move forward (a slow poll may skip in_progress; it never goes back).
    expect(["queued,in_progress,completed", "queued,completed"]).toContain(seen.join());
    expect((now.output as Json[]).length).toBeGreaterThan(0);
  });

  it("cancel turns a queued background response into cancelled; a plain one cannot be cancelled", async () => {
    const created = await json("/responses", { model: "gpt-4.1-mini", input: question, background: true });
    const cancelled = await json(`/responses/${String(created.id)}/cancel`, undefined, "POST");
    expect(cancelled.status).toBe("cancelled");
    expect(specErrors("Response", cancelled)).toEqual([]);
    expect((await json(`/responses/${String(created.id)}`)).status).toBe("cancelled");
    const plain = await json("/responses", { model: "gpt-4.1-mini", input: question });
    const refused = await call(`/responses/${String(plain.id)}/cancel`, { method: "POST" });
    expect(refused.status).toBe(400);
    expect(specErrors("ErrorResponse", JSON.parse(refused.text))).toEqual([]);
  });

  it("input_items lists the input as ItemResources, newest first by default", async () => {
    const first = await json("/responses", { model: "gpt-4.1-mini", input: "What is the weather in Paris?", tools: [weatherTool] });
    const call0 = (first.output as Json[])[0] ?? {};
    const second = await json("/responses", {
      model: "gpt-4.1-mini",
      previous_response_id: first.id,
      input: [
        { type: "function_call_output", call_id: call0.call_id, output: '{"temperature": 21}' },
        { role: "user", content: "Thanks. And tomorrow?" },
      ],
      tools: [weatherTool],
    });
    const list = await json(`/responses/${String(second.id)}/input_items`);
    expect(specErrors("ResponseItemList", list)).toEqual([]);
    expect((list.data as Json[]).map((i) => i.type)).toEqual(["message", "function_call_output"]);
    const asc = await json(`/responses/${String(second.id)}/input_items?order=asc&limit=1`);
    expect((asc.data as Json[]).map((i) => i.type)).toEqual(["function_call_output"]);
    expect(asc.has_more).toBe(true);
  });

  it("input_tokens counts what a create would count", async () => {
    const body = { model: "gpt-4.1-mini", input: question, instructions: "Be brief." };
    const counted = await json("/responses/input_tokens", body);
    expect(specErrors("TokenCountsResource", counted)).toEqual([]);
    const created = await json("/responses", body);
    expect(counted.input_tokens).toBe((created.usage as Json).input_tokens);
  });

  it("delete removes a stored response", async () => {
    const created = await json("/responses", { model: "gpt-4.1-mini", input: question });
    expect(await json(`/responses/${String(created.id)}`, undefined, "DELETE")).toEqual({ id: created.id, object: "response", deleted: true });
    const gone = await call(`/responses/${String(created.id)}`);
    expect(gone.status).toBe(404);
    expect(specErrors("ErrorResponse", JSON.parse(gone.text))).toEqual([]);
  });

  it("a prompt whose first 1,024+ tokens repeat counts them as cached, in 128-token steps", async () => {
    const long = Array.from({ length: 160 }, (_, i) => `Rule ${i}: keep answers short and cite the handbook section ${i}.`).join(" ");
    const ask = (q: string) => json("/responses", { model: "gpt-4.1-mini", instructions: long, input: q });
    const first = (await ask("First question?")).usage as { input_tokens: number; input_tokens_details: { cached_tokens: number } };
    const again = (await ask("A different question?")).usage as { input_tokens: number; input_tokens_details: { cached_tokens: number } };
    expect(first.input_tokens).toBeGreaterThan(1024);
    expect(first.input_tokens_details.cached_tokens).toBe(0);
    expect(again.input_tokens_details.cached_tokens).toBeGreaterThanOrEqual(1024);
    expect(again.input_tokens_details.cached_tokens % 128).toBe(0);
    expect(again.input_tokens_details.cached_tokens).toBeLessThanOrEqual(again.input_tokens);
  });
});

describe("every streamed event matches its schema, numbered from 0", () => {
  it("text", async () => {
    const all = await events({ model: "gpt-4.1-mini", input: question });
    expectValidStream(all);
    expect(all.map((e) => e.type)).toEqual(expect.arrayContaining(["response.created", "response.in_progress", "response.content_part.added", "response.output_text.delta", "response.output_text.done", "response.content_part.done", "response.completed"]));
    expect(all.at(-1)?.type).toBe("response.completed");
  });

  it("function call arguments", async () => {
    const all = await events({ model: "gpt-4.1-mini", input: "What is the weather in Paris?", tools: [weatherTool] });
    expectValidStream(all);
    expect(all.filter((e) => e.type === "response.function_call_arguments.delta").length).toBeGreaterThan(2);
  });

  it("reasoning summary", async () => {
    const all = await events({ model: "gpt-5-mini", input: question, reasoning: { effort: "low", summary: "detailed" } });
    expectValidStream(all);
    const types = all.map((e) => e.type);
    for (const t of ["response.reasoning_summary_part.added", "response.reasoning_summary_text.delta", "response.reasoning_summary_text.done", "response.reasoning_summary_part.done"]) expect(types).toContain(t);
    const summary = all.find((e) => e.type === "response.reasoning_summary_text.done")?.text;
    expect(summary).toMatch(/Simulated reasoning summary/);
  });

  it("incomplete", async () => {
    const all = await events({ model: "gpt-4.1-mini", input: question, max_output_tokens: 16 });
    expectValidStream(all);
    expect(all.at(-1)?.type).toBe("response.incomplete");
  });

  it("failed, when the simulated server error hits a stream", async () => {
    const all = await events({ model: "gpt-4.1-mini", input: question }, { "x-dojo-simulate": "server_error" });
    expectValidStream(all);
    expect(all.map((e) => e.type)).toEqual(["response.created", "response.in_progress", "response.failed"]);
    expect(((all.at(-1)?.response as Json).error as Json).code).toBe("server_error");
  });
});

describe("errors have the real API's shape, status, param and code", () => {
  const strictBroken = { type: "json_schema", name: "loose", strict: true, schema: { type: "object", properties: { a: { type: "string" } } } };
  const cases: [string, string, Json, number, string | null, string | null][] = [
    ["unknown previous_response_id", "/responses", { model: "gpt-4.1-mini", input: "hi", previous_response_id: "resp_nope" }, 400, "previous_response_id", "previous_response_not_found"],
    ["reasoning model with temperature", "/responses", { model: "gpt-5-mini", input: "hi", temperature: 0.2 }, 400, "temperature", "unsupported_value"],
    ["reasoning settings on a non-reasoning model", "/responses", { model: "gpt-4.1-mini", input: "hi", reasoning: { effort: "low" } }, 400, "reasoning.effort", "unsupported_parameter"],
    ["strict schema breaking strict mode", "/responses", { model: "gpt-4.1-mini", input: "hi", text: { format: strictBroken } }, 400, "text.format.schema", "invalid_json_schema"],
    ["max_output_tokens below 16", "/responses", { model: "gpt-4.1-mini", input: "hi", max_output_tokens: 5 }, 400, "max_output_tokens", "integer_below_min_value"],
    ["unknown model", "/responses", { model: "gpt-made-up", input: "hi" }, 404, null, "model_not_found"],
    ["function output for no call", "/responses", { model: "gpt-4.1-mini", input: [{ type: "function_call_output", call_id: "call_x", output: "1" }] }, 400, "input", null],
    ["chat: max_tokens on a reasoning model", "/chat/completions", { model: "o3", messages: [{ role: "user", content: "hi" }], max_tokens: 50 }, 400, "max_tokens", "unsupported_parameter"],
    ["chat: temperature on a reasoning model", "/chat/completions", { model: "gpt-5-mini", messages: [{ role: "user", content: "hi" }], temperature: 0 }, 400, "temperature", "unsupported_value"],
    ["chat: stop on o4-mini", "/chat/completions", { model: "o4-mini", messages: [{ role: "user", content: "hi" }], stop: ["x"] }, 400, "stop", "unsupported_parameter"],
    [
      "chat: strict response_format breaking strict mode",
      "/chat/completions",
      { model: "gpt-4.1-mini", messages: [{ role: "user", content: "hi" }], response_format: { type: "json_schema", json_schema: { name: "loose", strict: true, schema: strictBroken.schema } } },
      400,
      "response_format",
      "invalid_json_schema",
    ],
    ["embeddings: dimensions on ada-002", "/embeddings", { model: "text-embedding-ada-002", input: "hi", dimensions: 256 }, 400, "dimensions", "unsupported_parameter"],
    ["chat: a Responses-only model", "/chat/completions", { model: "o3-pro", messages: [{ role: "user", content: "hi" }] }, 404, "model", null],
  ];
  it.each(cases)("%s", async (_label, path, body, status, param, code) => {
    const response = await call(path, { body });
    expect(response.status, response.text).toBe(status);
    const error = JSON.parse(response.text) as { error: Json };
    expect(specErrors("ErrorResponse", error)).toEqual([]);
    expect(error.error.param).toBe(param);
    expect(error.error.code).toBe(code);
  });

  it("the same reasoning model accepts its default temperature and max_completion_tokens, with reasoning tokens in a valid usage", async () => {
    const ok = await call("/chat/completions", { body: { model: "gpt-5-mini", messages: [{ role: "user", content: "hi" }], temperature: 1, max_completion_tokens: 50 } });
    expect(ok.status, ok.text).toBe(200);
    const body = JSON.parse(ok.text) as Json;
    expect(body.model).toBe("gpt-5-mini");
    expect(specErrors("CreateChatCompletionResponse", body)).toEqual([]);
    expect(((body.usage as Json).completion_tokens_details as Json).reasoning_tokens).toBe(50);
  });
});
