// Tests (Node): every kind of simulator response validates against the OpenAI OpenAPI spec's schemas.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specErrors } from "../../test/conformance/openapiSpec";
import { startSimulator, type RunningSimulator } from "./server";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

const messages = [
  { role: "system", content: "You are a concise assistant. Temperature controls randomness in sampling." },
  { role: "user", content: "Explain what the temperature parameter changes in a chat completion." },
];

const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather for a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" }, units: { type: "string", enum: ["celsius", "fahrenheit"] } },
      required: ["city", "units"],
      additionalProperties: false,
    },
  },
};

async function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${sim.url}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", authorization: "Bearer simulator-no-key", ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  return { status: response.status, text: await response.text() };
}

async function json(path: string, body?: unknown) {
  const { status, text } = await call(path, { body });
  expect(status, text).toBe(200);
  return JSON.parse(text) as Record<string, unknown>;
}

/** The JSON of every `data:` frame of a stream, without the final [DONE]. */
async function chunks(body: unknown): Promise<unknown[]> {
  const { status, text } = await call("/chat/completions", { body });
  expect(status, text).toBe(200);
  const frames = text.split("\n\n").filter(Boolean);
  expect(frames.at(-1)).toBe("data: [DONE]");
  return frames.slice(0, -1).map((f) => JSON.parse(f.replace(/^data: /, "")) as unknown);
}

describe("chat completions match CreateChatCompletionResponse", () => {
  const cases: [string, Record<string, unknown>][] = [
    ["plain", { model: "sim-chat-1", messages }],
    ["n > 1", { model: "sim-chat-mini-1", messages, n: 3, seed: 4 }],
    ["cut by max_completion_tokens", { model: "sim-chat-1", messages, max_completion_tokens: 4 }],
    ["stop sequence", { model: "sim-chat-1", messages, stop: ["temperature"] }],
    ["json_object", { model: "sim-chat-1", messages, response_format: { type: "json_object" } }],
    [
      "json_schema",
      {
        model: "sim-chat-1",
        messages,
        response_format: {
          type: "json_schema",
          json_schema: { name: "summary", strict: true, schema: { type: "object", properties: { title: { type: "string" }, score: { type: "number" } }, required: ["title", "score"], additionalProperties: false } },
        },
      },
    ],
    ["tools", { model: "sim-chat-1", messages: [{ role: "user", content: "What is the weather in Paris?" }], tools: [weatherTool] }],
    ["logprobs", { model: "sim-chat-1", messages, logprobs: true, top_logprobs: 3, max_completion_tokens: 6 }],
  ];
  it.each(cases)("%s", async (_label, body) => {
    const response = await json("/chat/completions", body);
    expect(specErrors("CreateChatCompletionResponse", response)).toEqual([]);
  });

  it("a tool-call response really carries tool_calls (so the case above covers them)", async () => {
    const response = await json("/chat/completions", cases[6]?.[1]);
    const choice = (response.choices as { finish_reason: string; message: { tool_calls?: unknown[] } }[])[0];
    expect(choice?.finish_reason).toBe("tool_calls");
    expect(choice?.message.tool_calls).toHaveLength(1);
  });
});

describe("every streamed chunk matches CreateChatCompletionStreamResponse", () => {
  it("text with usage chunk, logprobs and n = 2", async () => {
    const all = await chunks({ model: "sim-chat-1", messages, stream: true, stream_options: { include_usage: true }, n: 2, logprobs: true, top_logprobs: 2 });
    expect(all.length).toBeGreaterThan(6);
    for (const chunk of all) expect(specErrors("CreateChatCompletionStreamResponse", chunk)).toEqual([]);
    const last = all.at(-1) as { choices: unknown[]; usage: unknown };
    expect(last.choices).toEqual([]);
    expect(last.usage).not.toBeNull();
  });

  it("tool-call deltas", async () => {
    const all = await chunks({ model: "sim-chat-1", messages: [{ role: "user", content: "What is the weather in Paris?" }], tools: [weatherTool], stream: true });
    const toolDeltas = all.filter((c) => JSON.stringify(c).includes('"tool_calls"'));
    expect(toolDeltas.length).toBeGreaterThan(2);
    for (const chunk of all) expect(specErrors("CreateChatCompletionStreamResponse", chunk)).toEqual([]);
  });
});

describe("other endpoints", () => {
  it("models list and one model", async () => {
    expect(specErrors("ListModelsResponse", await json("/models"))).toEqual([]);
    expect(specErrors("Model", await json("/models/sim-embedding-1"))).toEqual([]);
  });

  it("embeddings (float)", async () => {
    const response = await json("/embeddings", { model: "sim-embedding-1", input: ["one text", "another text"], encoding_format: "float" });
    expect(specErrors("CreateEmbeddingResponse", response)).toEqual([]);
  });

  it("moderations, single and several inputs", async () => {
    expect(specErrors("CreateModerationResponse", await json("/moderations", { model: "sim-moderation-1", input: "I will kill you" }))).toEqual([]);
    expect(specErrors("CreateModerationResponse", await json("/moderations", { input: ["hello", "you idiot"] }))).toEqual([]);
  });
});

describe("files and batches lists match the spec, paginated by after and limit", () => {
  async function uploadRaw(name: string, text: string): Promise<string> {
    const form = new FormData();
    form.append("purpose", "batch");
    form.append("file", new Blob([text]), name);
    const response = await fetch(`${sim.url}/files`, { method: "POST", headers: { authorization: "Bearer simulator-no-key" }, body: form });
    expect(response.status).toBe(200);
    return ((await response.json()) as { id: string }).id;
  }
  const line = JSON.stringify({ custom_id: "a", method: "POST", url: "/v1/embeddings", body: { model: "sim-embedding-1", input: "hello" } });

  it("GET /v1/files (ListFilesResponse), newest first, with has_more, first_id and last_id", async () => {
    const ids = [await uploadRaw("one.jsonl", line), await uploadRaw("two.jsonl", line), await uploadRaw("three.jsonl", line)];
    const all = await json("/files?purpose=batch");
    expect(specErrors("ListFilesResponse", all)).toEqual([]);
    const listed = (all.data as { id: string }[]).map((f) => f.id);
    expect(listed.slice(0, 3)).toEqual([...ids].reverse());
    for (const file of all.data as unknown[]) expect(specErrors("OpenAIFile", file)).toEqual([]);

    const first = await json("/files?purpose=batch&limit=2");
    expect(specErrors("ListFilesResponse", first)).toEqual([]);
    expect(first).toMatchObject({ object: "list", has_more: true, first_id: listed[0], last_id: listed[1] });
    const second = await json(`/files?purpose=batch&limit=2&after=${String(first.last_id)}`);
    expect((second.data as { id: string }[])[0]?.id).toBe(listed[2]);
    expect(await json(`/files?order=asc&limit=1`)).toMatchObject({ data: [{ id: (await json("/files?order=asc")).first_id }] });
  });

  it("DELETE /v1/files/{id} (DeleteFileResponse), then the file is gone", async () => {
    const id = await uploadRaw("gone.jsonl", line);
    const { status, text } = await call(`/files/${id}`, { method: "DELETE" });
    expect(status, text).toBe(200);
    expect(specErrors("DeleteFileResponse", JSON.parse(text))).toEqual([]);
    expect(JSON.parse(text)).toEqual({ id, object: "file", deleted: true });
    expect((await call(`/files/${id}`)).status).toBe(404);
    const again = await call(`/files/${id}`, { method: "DELETE" });
    expect(again.status).toBe(404);
    expect(specErrors("ErrorResponse", JSON.parse(again.text))).toEqual([]);
  });

  it("GET /v1/batches (ListBatchesResponse), newest first, over chat and embeddings batches", async () => {
    const file = await uploadRaw("emb.jsonl", line);
    const made: string[] = [];
    for (const endpoint of ["/v1/embeddings", "/v1/chat/completions", "/v1/embeddings"]) {
      made.push((await json("/batches", { input_file_id: file, endpoint, completion_window: "24h" })).id as string);
    }
    const page = await json("/batches?limit=2");
    expect(specErrors("ListBatchesResponse", page)).toEqual([]);
    expect(page).toMatchObject({ object: "list", has_more: true, first_id: made[2], last_id: made[1] });
    for (const batch of page.data as unknown[]) expect(specErrors("Batch", batch)).toEqual([]);
    const rest = await json(`/batches?limit=2&after=${made[1]}`);
    expect((rest.data as { id: string }[]).map((b) => b.id)).toEqual([made[0]]);
    expect(rest.has_more).toBe(false);
  });

  it("refuses a limit outside the endpoint's bounds", async () => {
    for (const path of ["/batches?limit=101", "/batches?limit=0", "/files?limit=10001", "/files?order=sideways"]) {
      const response = await call(path);
      expect(response.status, path).toBe(400);
      expect(specErrors("ErrorResponse", JSON.parse(response.text))).toEqual([]);
    }
  });
});

describe("error bodies match ErrorResponse", () => {
  const cases: [string, string, { method?: string; body?: unknown; headers?: Record<string, string> }, number][] = [
    ["unknown model", "/chat/completions", { body: { model: "gpt-unknown", messages } }, 404],
    ["unknown model id", "/models/nope", {}, 404],
    ["unknown route", "/nothing/here", {}, 404],
    ["wrong method", "/chat/completions", { method: "GET" }, 405],
    ["invalid JSON", "/chat/completions", { body: "{not json" }, 400],
    ["bad parameter", "/chat/completions", { body: { model: "sim-chat-1", messages, temperature: 5 } }, 400],
    ["simulated rate limit", "/chat/completions", { body: { model: "sim-chat-1", messages }, headers: { "x-dojo-simulate": "rate_limit" } }, 429],
    ["simulated quota", "/models", { headers: { "x-dojo-simulate": "insufficient_quota" } }, 429],
    ["simulated server error", "/models", { headers: { "x-dojo-simulate": "server_error" } }, 500],
    ["simulated outage", "/models", { headers: { "x-dojo-simulate": "unavailable" } }, 503],
    ["simulated invalid key", "/models", { headers: { "x-dojo-simulate": "invalid_key" } }, 401],
    ["simulated bad request", "/models", { headers: { "x-dojo-simulate": "bad_request" } }, 400],
  ];
  it.each(cases)("%s", async (_label, path, init, status) => {
    const response = await call(path, init);
    expect(response.status).toBe(status);
    expect(specErrors("ErrorResponse", JSON.parse(response.text))).toEqual([]);
  });
});

describe("the normalised spec can fail", () => {
  it("refuses a completion choice without logprobs and an error without param", async () => {
    const response = await json("/chat/completions", { model: "sim-chat-1", messages });
    const choices = response.choices as Record<string, unknown>[];
    delete choices[0]?.logprobs;
    expect(specErrors("CreateChatCompletionResponse", response).join()).toContain("logprobs");
    expect(specErrors("ErrorResponse", { error: { message: "m", type: "t", code: null } }).join()).toContain("param");
  });

  it("treats nullable fields as unions with null (usage: null on a chunk is valid, a string is not)", () => {
    const chunk = { id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [], usage: null };
    expect(specErrors("CreateChatCompletionStreamResponse", chunk)).toEqual([]);
    expect(specErrors("CreateChatCompletionStreamResponse", { ...chunk, usage: "none" })).not.toEqual([]);
  });
});
