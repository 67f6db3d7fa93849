// Tests (Node): LangChain's JSON mode parses the simulator's json_object answer into the keys the prompt asks for.
import { ChatOpenAI } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSimulator, type RunningSimulator } from "./server";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

describe("LangChain against the simulator", () => {
  it("withStructuredOutput in jsonMode gets an object with the keys the prompt names", async () => {
    const model = new ChatOpenAI({ model: "sim-chat-1", temperature: 0, apiKey: "simulator-no-key", configuration: { baseURL: sim.url }, maxRetries: 0 });
    const schema = z.object({ setup: z.string(), punchline: z.string() });
    const joke = model.withStructuredOutput(schema, { method: "jsonMode" });
    const result = await joke.invoke("Tell me a joke about cats. Respond in JSON with `setup` and `punchline` keys.");
    expect(Object.keys(result).sort()).toEqual(["punchline", "setup"]);
    expect(result.setup).toContain("cats");
  });
});
