// Tests (Node): the official openai SDK (v6) talks to the simulator as it would to the real service.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import OpenAI, { APIConnectionError, APIError, AuthenticationError, BadRequestError, InternalServerError, NotFoundError, RateLimitError } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./server";

let sim: RunningSimulator;
let client: OpenAI;
beforeAll(async () => {
  sim = await startSimulator({ slowFirstByteMs: 2_000 });
  // logLevel "off": the malformed-chunk test makes the SDK log the bad line, which is expected noise.
  client = new OpenAI({ baseURL: sim.url, apiKey: "simulator-no-key", maxRetries: 0, logLevel: "off" });
});
afterAll(async () => {
  await sim.close();
});

const messages: OpenAI.ChatCompletionMessageParam[] = [
  { role: "system", content: "You are a concise assistant. Temperature controls how random the sampling of the next token is." },
  { role: "user", content: "Explain what the temperature parameter changes in a chat completion." },
];

const weatherParameters = {
  type: "object",
  properties: {
    city: { type: "string" },
    units: { type: "string", enum: ["celsius", "fahrenheit"] },
    days: { type: "integer", minimum: 1, maximum: 7 },
  },
  required: ["city", "units", "days"],
  additionalProperties: false,
};
const tools: OpenAI.ChatCompletionTool[] = [
  { type: "function", function: { name: "get_weather", description: "Get the weather forecast for a city", parameters: weatherParameters } },
  { type: "function", function: { name: "send_email", description: "Send an email message", parameters: { type: "object", properties: { to: { type: "string", format: "email" } }, required: ["to"] } } },
];

function ajv(): Ajv2020 {
  const instance = new Ajv2020({ strict: false });
  addFormats(instance);
  return instance;
}

function cosine(a: number[], b: number[]): number {
  return a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);
}

describe("chat completions", () => {
  it("answers without streaming, labelled as simulated, with usage counted", async () => {
    // No seed and the default temperature: the wording varies, the label and the facts do not.
    const completion = await client.chat.completions.create({ model: "sim-chat-1", messages });
    const text = completion.choices[0]?.message.content ?? "";
    expect(text).toMatch(/^Simulat(ed|or) (answer|reply|response)/);
    expect(text).toContain("Temperature controls");
    expect(completion.system_fingerprint).toBe("prompt-dojo-simulator");
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(20);
    expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0));
  });

  it("streams the same answer as the plain call (same seed), with the usage chunk last", async () => {
    const request = { model: "sim-chat-1", messages, seed: 7, temperature: 1 } as const;
    const plain = await client.chat.completions.create(request);
    const stream = await client.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } });
    let text = "";
    let usage: OpenAI.CompletionUsage | null | undefined = null;
    let finish: string | null = null;
    let deltas = 0;
    for await (const chunk of stream) {
      for (const choice of chunk.choices) {
        if (choice.delta.content) deltas++;
        text += choice.delta.content ?? "";
        finish = choice.finish_reason ?? finish;
      }
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(plain.choices[0]?.message.content);
    expect(deltas).toBeGreaterThan(10);
    expect(finish).toBe("stop");
    expect(usage?.completion_tokens).toBe(plain.usage?.completion_tokens);
  });

  it("stops at max_completion_tokens with finish_reason length", async () => {
    const completion = await client.chat.completions.create({ model: "sim-chat-1", messages, max_completion_tokens: 5 });
    expect(completion.choices[0]?.finish_reason).toBe("length");
    expect(completion.usage?.completion_tokens).toBe(5);
  });

  it("honours the legacy max_tokens too", async () => {
    const completion = await client.chat.completions.create({ model: "sim-chat-1", messages, max_tokens: 3 });
    expect(completion.choices[0]?.finish_reason).toBe("length");
    expect(completion.usage?.completion_tokens).toBe(3);
  });

  it("cuts the output before a stop sequence", async () => {
    const completion = await client.chat.completions.create({ model: "sim-chat-1", messages, temperature: 0, stop: ["controls"] });
    const text = completion.choices[0]?.message.content ?? "";
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(text).not.toContain("controls");
    expect(text.endsWith("Temperature ")).toBe(true);
  });

  it("returns n choices", async () => {
    const completion = await client.chat.completions.create({ model: "sim-chat-1", messages, n: 3 });
    expect(completion.choices.map((c) => c.index)).toEqual([0, 1, 2]);
  });

  it("repeats itself for the same seed and at temperature 0", async () => {
    const run = (extra: Partial<OpenAI.ChatCompletionCreateParamsNonStreaming>) =>
      client.chat.completions.create({ model: "sim-chat-1", messages, ...extra }).then((c) => c.choices[0]?.message.content);
    expect(await run({ seed: 42, temperature: 1.5 })).toBe(await run({ seed: 42, temperature: 1.5 }));
    const cold = await run({ temperature: 0 });
    expect(await run({ temperature: 0 })).toBe(cold);
    expect(await run({ temperature: 0, seed: 1 })).toBe(cold);
  });

  it("varies more at higher temperatures (counted over seeds, so the test is deterministic)", async () => {
    const distinct = async (temperature: number) => {
      const answers = new Set<string | null | undefined>();
      for (let seed = 1; seed <= 20; seed++) {
        const c = await client.chat.completions.create({ model: "sim-chat-1", messages, temperature, seed });
        answers.add(c.choices[0]?.message.content);
      }
      return answers.size;
    };
    const low = await distinct(0.1);
    const high = await distinct(1.8);
    expect(high).toBeGreaterThan(low);
    expect(high).toBeGreaterThan(5);
  });

  it("without a seed, repeated runs at temperature 2 differ", async () => {
    const answers = new Set<string | null | undefined>();
    for (let i = 0; i < 8; i++) {
      const c = await client.chat.completions.create({ model: "sim-chat-1", messages, temperature: 2 });
      answers.add(c.choices[0]?.message.content);
    }
    // At temperature 2 about 5 runs in 6 differ (measured over 30); all 8 alike would be a bug.
    expect(answers.size).toBeGreaterThan(1);
  });

  it("returns per-token logprobs in the documented shape", async () => {
    const completion = await client.chat.completions.create({ model: "sim-chat-1", messages, logprobs: true, top_logprobs: 2, max_completion_tokens: 8 });
    const content = completion.choices[0]?.logprobs?.content ?? [];
    expect(content.map((t) => t.token).join("")).toBe(completion.choices[0]?.message.content);
    for (const token of content) {
      expect(token.logprob).toBeLessThanOrEqual(0);
      expect(token.top_logprobs).toHaveLength(2);
      expect(token.top_logprobs[0]?.token).toBe(token.token);
    }
  });
});

describe("structured output and tools", () => {
  it("json_schema output validates against the schema", async () => {
    const schema = {
      type: "object",
      properties: {
        title: { type: "string", minLength: 3, maxLength: 40 },
        published: { type: "string", format: "date" },
        author: { $ref: "#/$defs/person" },
        tags: { type: "array", items: { type: "string" }, minItems: 1, maxItems: 3 },
        rating: { anyOf: [{ type: "integer", minimum: 1, maximum: 5 }, { type: "null" }] },
      },
      required: ["title", "published", "author", "tags", "rating"],
      additionalProperties: false,
      $defs: { person: { type: "object", properties: { name: { type: "string" }, email: { type: "string", format: "email" } }, required: ["name", "email"], additionalProperties: false } },
    };
    const completion = await client.chat.completions.create({
      model: "sim-chat-1",
      messages: [{ role: "user", content: "Describe the book, title: Dune" }],
      response_format: { type: "json_schema", json_schema: { name: "book", strict: true, schema } },
    });
    const value: unknown = JSON.parse(completion.choices[0]?.message.content ?? "");
    const validate = ajv().compile(schema);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    expect((value as { title: string }).title).toBe("Dune");
  });

  it("json_object output is valid JSON", async () => {
    const completion = await client.chat.completions.create({ model: "sim-chat-1", messages, response_format: { type: "json_object" } });
    expect(() => JSON.parse(completion.choices[0]?.message.content ?? "")).not.toThrow();
  });

  it("auto calls the tool the user asks for, with arguments valid against its parameters", async () => {
    const completion = await client.chat.completions.create({
      model: "sim-chat-1",
      messages: [{ role: "user", content: "What is the weather forecast in Lisbon for 3 days, in celsius?" }],
      tools,
    });
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe("tool_calls");
    const call = choice?.message.tool_calls?.[0];
    if (call?.type !== "function") throw new Error("expected a function tool call");
    expect(call.function.name).toBe("get_weather");
    const args: unknown = JSON.parse(call.function.arguments);
    const validate = ajv().compile(weatherParameters);
    expect(validate(args), JSON.stringify(validate.errors)).toBe(true);
    expect(args).toEqual({ city: "Lisbon", units: "celsius", days: 3 });
  });

  it("auto answers in text when no tool fits, none never calls, required and named always call", async () => {
    const ask = (content: string, tool_choice?: OpenAI.ChatCompletionToolChoiceOption) =>
      client.chat.completions.create({ model: "sim-chat-1", messages: [{ role: "user", content }], tools, tool_choice });
    expect((await ask("Tell me a joke about cats")).choices[0]?.finish_reason).toBe("stop");
    expect((await ask("What is the weather in Rome?", "none")).choices[0]?.message.tool_calls).toBeUndefined();
    expect((await ask("Tell me a joke", "required")).choices[0]?.finish_reason).toBe("tool_calls");
    const named = await ask("Weather in Rome?", { type: "function", function: { name: "send_email" } });
    const call = named.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === "function" && call.function.name).toBe("send_email");
  });

  it("streams tool calls as argument fragments that join into the full arguments", async () => {
    const stream = await client.chat.completions.create({
      model: "sim-chat-1",
      messages: [{ role: "user", content: "What is the weather in Oslo?" }],
      tools,
      stream: true,
    });
    const args: string[] = [];
    let fragments = 0;
    let name = "";
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) {
        name ||= call.function?.name ?? "";
        if (call.function?.arguments) fragments++;
        args[call.index] = (args[call.index] ?? "") + (call.function?.arguments ?? "");
      }
    }
    expect(name).toBe("get_weather");
    expect(fragments).toBeGreaterThan(3);
    expect(JSON.parse(args[0] ?? "")).toMatchObject({ city: "Oslo" });
  });

  it("answers in text using the tool result after a tool message", async () => {
    const completion = await client.chat.completions.create({
      model: "sim-chat-1",
      tools,
      messages: [
        { role: "user", content: "What is the weather in Oslo?" },
        { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } }] },
        { role: "tool", tool_call_id: "call_1", content: '{"temperature": 4, "sky": "cloudy"}' },
      ],
    });
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(completion.choices[0]?.message.content).toContain("cloudy");
    expect(completion.choices[0]?.message.content).toContain("get_weather");
  });
});

describe("models, embeddings, moderations", () => {
  it("lists the sim-* models and the catalog's real names, every one owned by the simulator", async () => {
    const models: OpenAI.Model[] = [];
    for await (const model of client.models.list()) models.push(model);
    const ids = models.map((m) => m.id);
    expect(ids.slice(0, 5)).toEqual(["sim-chat-1", "sim-chat-mini-1", "sim-reasoning-1", "sim-embedding-1", "sim-moderation-1"]);
    expect(ids).toEqual(expect.arrayContaining(["gpt-4.1-mini", "gpt-5-mini", "o3", "text-embedding-3-small", "omni-moderation-latest"]));
    expect(new Set(models.map((m) => m.owned_by))).toEqual(new Set(["prompt-dojo-simulator"]));
    expect((await client.models.retrieve("gpt-4.1-mini")).owned_by).toBe("prompt-dojo-simulator");
  });

  it("gives the same vectors through the SDK's default base64 and through float", async () => {
    const input = ["The cat sat on the mat", "A cat was sitting on a mat", "Quarterly revenue grew by four percent"];
    const decoded = await client.embeddings.create({ model: "sim-embedding-1", input });
    const floats = await client.embeddings.create({ model: "sim-embedding-1", input, encoding_format: "float" });
    expect(decoded.data[0]?.embedding).toHaveLength(1536);
    decoded.data.forEach((item, i) => {
      const other = floats.data[i]?.embedding ?? [];
      item.embedding.forEach((v, j) => expect(v).toBeCloseTo(other[j] ?? NaN, 6));
    });
    const [cat, cat2, money] = floats.data.map((d) => d.embedding) as [number[], number[], number[]];
    expect(cosine(cat, cat)).toBeCloseTo(1, 5);
    expect(cosine(cat, cat2)).toBeGreaterThan(cosine(cat, money) + 0.2);
  });

  it("honours dimensions", async () => {
    const result = await client.embeddings.create({ model: "sim-embedding-1", input: "short", dimensions: 256 });
    expect(result.data[0]?.embedding).toHaveLength(256);
  });

  it("flags text by keyword rules in all thirteen categories", async () => {
    const result = await client.moderations.create({ model: "sim-moderation-1", input: ["Have a nice day", "I will kill you, you idiot"] });
    const [calm, rude] = result.results;
    expect(Object.keys(calm?.category_scores ?? {})).toHaveLength(13);
    expect(calm?.flagged).toBe(false);
    expect(rude?.flagged).toBe(true);
    expect(rude?.categories.harassment).toBe(true);
    expect(rude?.categories.violence).toBe(true);
  });
});

describe("errors surface as the SDK's error classes", () => {
  it("an unknown model is a NotFoundError with code model_not_found", async () => {
    const error = await client.chat.completions.create({ model: "gpt-imaginary", messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe("model_not_found");
    expect((error as NotFoundError).requestID).toMatch(/^req_/);
  });

  it("a bad parameter is a BadRequestError naming it", async () => {
    const error = await client.chat.completions.create({ model: "sim-chat-1", messages, temperature: 2.5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe("temperature");
  });

  it("requireKey refuses another key with a masked echo", async () => {
    const locked = await startSimulator({ requireKey: "sk-right-key-000000000000" });
    try {
      const wrong = new OpenAI({ baseURL: locked.url, apiKey: "sk-wrong-key-1234567890abcd", maxRetries: 0 });
      const error = await wrong.models.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).code).toBe("invalid_api_key");
      expect((error as AuthenticationError).message).toContain("abcd");
      expect((error as AuthenticationError).message).not.toContain("sk-wrong-key-1234567890abcd");
      const right = new OpenAI({ baseURL: locked.url, apiKey: "sk-right-key-000000000000", maxRetries: 0 });
      expect((await right.models.retrieve("sim-chat-1")).id).toBe("sim-chat-1");
    } finally {
      await locked.close();
    }
  });
});

describe("failures on demand (x-dojo-simulate)", () => {
  const create = (failure: string) => client.chat.completions.create({ model: "sim-chat-1", messages }, { headers: { "x-dojo-simulate": failure } });
  const createStream = (failure: string) =>
    client.chat.completions.create({ model: "sim-chat-1", messages, stream: true }, { headers: { "x-dojo-simulate": failure } });

  it.each([
    ["rate_limit", RateLimitError, 429, "rate_limit_exceeded", "1"],
    ["rate_limit_no_retry_after", RateLimitError, 429, "rate_limit_exceeded", null],
    ["insufficient_quota", RateLimitError, 429, "insufficient_quota", null],
    ["server_error", InternalServerError, 500, null, null],
    ["unavailable", InternalServerError, 503, null, "1"],
    ["invalid_key", AuthenticationError, 401, "invalid_api_key", null],
    ["bad_request", BadRequestError, 400, "invalid_value", null],
  ] as const)("%s", async (failure, errorClass, status, code, retryAfter) => {
    const error = await create(failure).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass);
    const apiError = error as APIError;
    expect(apiError.status).toBe(status);
    expect(apiError.code ?? null).toBe(code);
    expect(apiError.headers?.get("retry-after") ?? null).toBe(retryAfter);
    if (failure === "bad_request") expect(apiError.param).toBe("messages");
  });

  it("slow_first_byte trips a short client timeout", async () => {
    const error = await client.chat.completions
      .create({ model: "sim-chat-1", messages }, { headers: { "x-dojo-simulate": "slow_first_byte" }, timeout: 200 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).constructor.name).toBe("APIConnectionTimeoutError");
  });

  it("slow_first_byte still answers when the client waits long enough", async () => {
    const quick = await startSimulator({ slowFirstByteMs: 50 });
    try {
      const c = new OpenAI({ baseURL: quick.url, apiKey: "k", maxRetries: 0 });
      const done = await c.chat.completions.create({ model: "sim-chat-1", messages }, { headers: { "x-dojo-simulate": "slow_first_byte" } });
      expect(done.choices[0]?.finish_reason).toBe("stop");
    } finally {
      await quick.close();
    }
  });

  it("drop ends a stream with a connection error after a few chunks", async () => {
    const stream = await createStream("drop");
    let received = 0;
    const error = await (async () => {
      for await (const chunk of stream) received += chunk.choices.length;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(received).toBeGreaterThan(0);
  });

  it("malformed_chunk makes the SDK fail to parse the stream", async () => {
    const stream = await createStream("malformed_chunk");
    const error = await (async () => {
      for await (const _chunk of stream) {
        /* drain */
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyntaxError);
  });

  it("stall sends a few chunks then nothing until the client aborts (the SDK then ends the loop quietly)", async () => {
    const controller = new AbortController();
    const stream = await client.chat.completions.create({ model: "sim-chat-1", messages, stream: true }, { headers: { "x-dojo-simulate": "stall" }, signal: controller.signal });
    let received = 0;
    for await (const chunk of stream) {
      received += chunk.choices.length;
      // The stalled stream never ends on its own: give up once the first chunks are in.
      if (received === 3) controller.abort();
    }
    expect(received).toBe(3);
    expect(controller.signal.aborted).toBe(true);
  });
});
