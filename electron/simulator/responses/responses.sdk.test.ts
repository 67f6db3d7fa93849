// Tests (Node): the official openai SDK, unchanged, uses the simulator's Responses API as it would
// the real one (create, stream, parse with zodTextFormat, a function-calling loop), and real model
// names work on every endpoint.
import OpenAI, { BadRequestError, NotFoundError, RateLimitError } from "openai";
import { zodTextFormat } from "openai/helpers/zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSimulator, type RunningSimulator } from "../server";

let sim: RunningSimulator;
let client: OpenAI;
beforeAll(async () => {
  sim = await startSimulator({ backgroundDelayMs: 100 });
  client = new OpenAI({ baseURL: sim.url, apiKey: "simulator-no-key", maxRetries: 0, logLevel: "off" });
});
afterAll(async () => {
  await sim.close();
});

const weather: OpenAI.Responses.FunctionTool = {
  type: "function",
  name: "get_weather",
  description: "Get the weather forecast for a city",
  strict: true,
  parameters: {
    type: "object",
    properties: { city: { type: "string" }, units: { type: "string", enum: ["celsius", "fahrenheit"] } },
    required: ["city", "units"],
    additionalProperties: false,
  },
};

describe("responses.create", () => {
  it("answers a string input under the requested real model name, labelled as simulated", async () => {
    const response = await client.responses.create({ model: "gpt-4.1-mini", instructions: "Temperature controls randomness.", input: "What does temperature change?" });
    expect(response.model).toBe("gpt-4.1-mini");
    expect(response.status).toBe("completed");
    expect(response.output_text).toMatch(/^Simulat(ed|or) (answer|reply|response)/);
    expect(response.output_text).toContain("Temperature controls randomness");
    expect(response.usage?.total_tokens).toBe((response.usage?.input_tokens ?? 0) + (response.usage?.output_tokens ?? 0));
  });

  it("remembers what an earlier stored turn said (previous_response_id), and refuses an unknown id", async () => {
    const first = await client.responses.create({ model: "gpt-5-mini", input: "My cat is called Tofu and she likes sardines." });
    const second = await client.responses.create({ model: "gpt-5-mini", previous_response_id: first.id, input: "What does my cat like?" });
    expect(second.previous_response_id).toBe(first.id);
    expect(second.output_text).toContain("sardines");
    // Without the previous turn the simulator has nothing to draw the fact from.
    const alone = await client.responses.create({ model: "gpt-5-mini", input: "What does my cat like?" });
    expect(alone.output_text).not.toContain("sardines");
    const unknown = await client.responses.create({ model: "gpt-5-mini", previous_response_id: "resp_unknown", input: "hi" }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(BadRequestError);
    expect((unknown as BadRequestError).param).toBe("previous_response_id");
  });

  it("a response stored with store: false cannot be retrieved or continued", async () => {
    const unstored = await client.responses.create({ model: "gpt-4.1-mini", input: "hello", store: false });
    await expect(client.responses.retrieve(unstored.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.responses.create({ model: "gpt-4.1-mini", input: "again", previous_response_id: unstored.id })).rejects.toBeInstanceOf(BadRequestError);
  });

  it("reports reasoning tokens and a simulated summary for a reasoning model, and metadata back", async () => {
    const response = await client.responses.create({ model: "gpt-5-mini", input: "Plan a trip to Lisbon.", reasoning: { effort: "medium", summary: "auto" }, metadata: { run: "42" } });
    const reasoning = response.output.find((o): o is OpenAI.Responses.ResponseReasoningItem => o.type === "reasoning");
    expect(reasoning?.summary[0]?.text).toMatch(/^\*\*Simulated reasoning summary\*\*/);
    expect(response.usage?.output_tokens_details.reasoning_tokens).toBeGreaterThan(0);
    expect(response.metadata).toEqual({ run: "42" });
    const low = await client.responses.create({ model: "gpt-5-mini", input: "Plan a trip to Lisbon.", reasoning: { effort: "low" } });
    expect(low.usage?.output_tokens_details.reasoning_tokens).toBeLessThan(response.usage?.output_tokens_details.reasoning_tokens ?? 0);
  });

  it("refuses a temperature on a reasoning model, as the real API does", async () => {
    const error = await client.responses.create({ model: "o3", input: "hi", temperature: 0.3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe("temperature");
    expect((error as BadRequestError).code).toBe("unsupported_value");
  });

  it("runs in the background: queued, then completed by polling retrieve; cancel works on another", async () => {
    const queued = await client.responses.create({ model: "gpt-4.1-mini", input: "Summarise the handbook.", background: true });
    expect(queued.status).toBe("queued");
    const toCancel = await client.responses.create({ model: "gpt-4.1-mini", input: "Summarise it again.", background: true });
    expect((await client.responses.cancel(toCancel.id)).status).toBe("cancelled");
    let now = queued;
    while (now.status === "queued" || now.status === "in_progress") {
      await new Promise((done) => setTimeout(done, 20));
      now = await client.responses.retrieve(queued.id);
    }
    expect(now.status).toBe("completed");
    expect(now.output_text).toContain("Simulat");
    expect((await client.responses.retrieve(toCancel.id)).status).toBe("cancelled");
  });

  it("deletes, lists input items and counts input tokens", async () => {
    const response = await client.responses.create({ model: "gpt-4.1-mini", input: [{ role: "user", content: "one" }, { role: "user", content: "two" }] });
    const items = [];
    for await (const item of client.responses.inputItems.list(response.id, { order: "asc" })) items.push(item);
    expect(items.map((i) => (i.type === "message" && i.content[0]?.type === "input_text" ? i.content[0].text : ""))).toEqual(["one", "two"]);
    const counted = await client.responses.inputTokens.count({ model: "gpt-4.1-mini", input: [{ role: "user", content: "one" }, { role: "user", content: "two" }] });
    expect(counted.input_tokens).toBe(response.usage?.input_tokens);
    await client.responses.delete(response.id);
    await expect(client.responses.retrieve(response.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("responses.stream", () => {
  it("streams text deltas that add up to the final response, numbered in order", async () => {
    const stream = client.responses.stream({ model: "gpt-4.1-mini", input: "Explain what streaming changes for a user." });
    let text = "";
    const numbers: number[] = [];
    for await (const event of stream) {
      numbers.push(event.sequence_number);
      if (event.type === "response.output_text.delta") text += event.delta;
    }
    const final = await stream.finalResponse();
    expect(text).toBe(final.output_text);
    expect(text.length).toBeGreaterThan(20);
    expect(numbers).toEqual(numbers.map((_, i) => i));
  });

  it("streams function call arguments and a reasoning summary", async () => {
    const stream = client.responses.stream({ model: "gpt-5-mini", input: "What is the weather in Oslo?", tools: [weather], reasoning: { summary: "auto" } });
    let args = "";
    let summary = "";
    for await (const event of stream) {
      if (event.type === "response.function_call_arguments.delta") args += event.delta;
      if (event.type === "response.reasoning_summary_text.delta") summary += event.delta;
    }
    const final = await stream.finalResponse();
    const call = final.output.find((o) => o.type === "function_call");
    expect(args).toBe(call?.type === "function_call" ? call.arguments : null);
    expect(JSON.parse(args)).toMatchObject({ city: expect.any(String), units: expect.stringMatching(/celsius|fahrenheit/) });
    expect(summary).toMatch(/Simulated reasoning summary/);
  });
});

describe("responses.parse with zodTextFormat", () => {
  it("returns output_parsed valid against the zod schema", async () => {
    const Recipe = z.object({ title: z.string(), minutes: z.number().int(), vegetarian: z.boolean(), steps: z.array(z.string()) });
    const parsed = await client.responses.parse({
      model: "gpt-4.1-mini",
      input: "Give me a quick pasta recipe.",
      text: { format: zodTextFormat(Recipe, "recipe") },
    });
    expect(Recipe.safeParse(parsed.output_parsed).success).toBe(true);
  });
});

describe("a function-calling loop over previous_response_id", () => {
  it("calls the tool, takes its output as a function_call_output item, then answers from it", async () => {
    const first = await client.responses.create({ model: "gpt-4.1-mini", input: "What is the weather in Oslo?", tools: [weather] });
    const calls = first.output.filter((o): o is OpenAI.Responses.ResponseFunctionToolCall => o.type === "function_call");
    expect(calls.map((c) => c.name)).toEqual(["get_weather"]);
    expect(calls[0]?.call_id).toMatch(/^call_/);
    const second = await client.responses.create({
      model: "gpt-4.1-mini",
      previous_response_id: first.id,
      tools: [weather],
      input: calls.map((c) => ({ type: "function_call_output" as const, call_id: c.call_id, output: '{"temperature": 4, "sky": "cloudy"}' })),
    });
    expect(second.output.map((o) => o.type)).toEqual(["message"]);
    expect(second.output_text).toContain("cloudy");
    expect(second.output_text).toContain("get_weather");
  });
});

describe("simulated failures apply to the Responses API", () => {
  const failing = (failure: string) => ({ headers: { "x-dojo-simulate": failure } });

  it("a 429 with retry-after, and a stream dropped midway", async () => {
    const limited = await client.responses.create({ model: "gpt-4.1-mini", input: "hi" }, failing("rate_limit")).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    const stream = await client.responses.create({ model: "gpt-4.1-mini", input: "Explain streaming in detail.", stream: true }, failing("drop"));
    const types: string[] = [];
    const dropped = await (async () => {
      for await (const event of stream) types.push(event.type);
    })().catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(Error);
    expect(types[0]).toBe("response.created");
    expect(types).not.toContain("response.completed");
  });

  it("a server error on a stream arrives as response.failed", async () => {
    const stream = await client.responses.create({ model: "gpt-4.1-mini", input: "hi", stream: true }, failing("server_error"));
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual(["response.created", "response.in_progress", "response.failed"]);
  });
});

describe("real model names on every endpoint", () => {
  it("chat, embeddings and moderations accept them and echo them back", async () => {
    const chat = await client.chat.completions.create({ model: "gpt-4.1-mini", messages: [{ role: "user", content: "hi" }] });
    expect(chat.model).toBe("gpt-4.1-mini");
    expect(chat.system_fingerprint).toBe("prompt-dojo-simulator");
    const reasoning = await client.chat.completions.create({ model: "gpt-5-mini", messages: [{ role: "user", content: "hi" }], max_completion_tokens: 200 });
    expect(reasoning.model).toBe("gpt-5-mini");
    const embedding = await client.embeddings.create({ model: "text-embedding-3-small", input: "hello" });
    expect(embedding.model).toBe("text-embedding-3-small");
    const moderation = await client.moderations.create({ model: "omni-moderation-latest", input: "hello" });
    expect(moderation.model).toBe("omni-moderation-latest");
  });

  it("a reasoning model in Chat Completions spends reasoning tokens first: a small budget leaves an empty answer", async () => {
    const roomy = await client.chat.completions.create({ model: "o4-mini", messages: [{ role: "user", content: "Explain tokens." }], reasoning_effort: "low" });
    expect(roomy.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
    expect(roomy.choices[0]?.message.content).toContain("Simulat");
    const tight = await client.chat.completions.create({ model: "o4-mini", messages: [{ role: "user", content: "Explain tokens." }], reasoning_effort: "high", max_completion_tokens: 100 });
    expect(tight.choices[0]?.finish_reason).toBe("length");
    expect(tight.choices[0]?.message.content).toBe("");
    expect(tight.usage?.completion_tokens).toBe(100);
    expect(tight.usage?.completion_tokens_details?.reasoning_tokens).toBe(100);
  });

  it("refuses max_tokens on a reasoning model in Chat Completions, naming its replacement", async () => {
    const error = await client.chat.completions.create({ model: "gpt-5-mini", messages: [{ role: "user", content: "hi" }], max_tokens: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe("max_tokens");
    expect((error as BadRequestError).message).toContain("max_completion_tokens");
  });
});
