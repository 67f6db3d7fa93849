// Tests (Node): popular frameworks' default OpenAI clients work against the simulator by changing
// only the base URL: the Vercel AI SDK's default provider (Responses API) and LangChain's
// ChatOpenAI with useResponsesApi. Test-only use of both.
import { createOpenAI } from "@ai-sdk/openai";
import { ChatOpenAI } from "@langchain/openai";
import { generateText, jsonSchema, stepCountIs, streamText, tool } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../server";

let sim: RunningSimulator;
const seenPaths: string[] = [];
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

/** A fetch that records which endpoint each call used, so the test knows the Responses API was spoken. */
const recordingFetch: typeof fetch = (input, init) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  seenPaths.push(new URL(url).pathname);
  return fetch(input, init);
};

describe("Vercel AI SDK, default provider", () => {
  const openai = () => createOpenAI({ baseURL: sim.url, apiKey: "simulator-no-key", fetch: recordingFetch });

  it("generateText goes through /v1/responses and gets the simulated answer", async () => {
    seenPaths.length = 0;
    const result = await generateText({ model: openai()("gpt-5-mini"), system: "Streaming shows tokens as they come.", prompt: "What does streaming show?" });
    expect(seenPaths).toEqual(["/v1/responses"]);
    expect(result.text).toMatch(/^Simulat(ed|or) (answer|reply|response)/);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.response.modelId).toBe("gpt-5-mini");
  });

  it("streamText streams the same kind of answer", async () => {
    const result = streamText({ model: openai()("gpt-4.1-mini"), prompt: "Explain what a token is." });
    let text = "";
    let parts = 0;
    for await (const delta of result.textStream) {
      text += delta;
      parts++;
    }
    expect(parts).toBeGreaterThan(5);
    expect(text).toBe(await result.text);
    expect(text).toContain("Simulat");
  });

  it("runs a tool loop: the call, its result sent back, then a text answer from it", async () => {
    const result = await generateText({
      model: openai()("gpt-4.1-mini"),
      prompt: "What is the weather in Oslo?",
      tools: {
        get_weather: tool({
          description: "Get the weather forecast for a city",
          inputSchema: jsonSchema<{ city: string }>({ type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false }),
          execute: async ({ city }) => ({ city, sky: "cloudy", temperature: 4 }),
        }),
      },
      stopWhen: stepCountIs(3),
    });
    expect(result.steps[0]?.toolCalls.map((c) => c.toolName)).toEqual(["get_weather"]);
    expect(result.text).toContain("cloudy");
  });
});

describe("LangChain ChatOpenAI with useResponsesApi", () => {
  const model = (streaming = false) =>
    new ChatOpenAI({ model: "gpt-4.1-mini", apiKey: "simulator-no-key", useResponsesApi: true, streaming, configuration: { baseURL: sim.url, fetch: recordingFetch } });

  it("invoke uses /v1/responses and returns the simulated answer", async () => {
    seenPaths.length = 0;
    const message = await model().invoke("What does a system prompt do? A system prompt sets the assistant's behaviour.");
    expect(seenPaths).toEqual(["/v1/responses"]);
    expect(message.text).toContain("system prompt sets the assistant's behaviour");
  });

  it("stream yields chunks that join to the answer", async () => {
    let text = "";
    let chunks = 0;
    for await (const chunk of await model(true).stream("Explain what temperature changes.")) {
      text += chunk.text;
      chunks++;
    }
    expect(chunks).toBeGreaterThan(5);
    expect(text).toMatch(/^Simulat(ed|or) (answer|reply|response)/);
  });
});
