// Tests (Node): the simulated text answer is labelled, extractive and reacts to temperature.
import { describe, expect, it } from "vitest";
import { composeAnswer } from "./answer";
import type { SimMessage } from "./chatParams";
import { createRng } from "./random";

const conversation: SimMessage[] = [
  { role: "system", content: "Rivers carry water to the sea. Mountains are made of rock. Bread is baked in ovens." },
  { role: "user", content: "Where do rivers carry water?" },
];

describe("composeAnswer", () => {
  it("labels itself as simulated and quotes the most relevant sentence of the prompt first", () => {
    const text = composeAnswer(conversation, createRng(1), 0);
    expect(text).toMatch(/^Simulated answer about rivers, carry and water: Rivers carry water to the sea\./);
    expect(text).toContain("no model was involved");
  });

  it("says so when the question's words appear nowhere else in the conversation", () => {
    const text = composeAnswer([conversation[0] as SimMessage, { role: "user", content: "Explain quantum chromodynamics" }], createRng(1), 0);
    expect(text).toContain("nothing else in the conversation mentions quantum and chromodynamics");
  });

  it("answers from tool results that follow the last user message", () => {
    const text = composeAnswer(
      [
        { role: "user", content: "Weather in Oslo?" },
        { role: "assistant", content: "", toolCalls: [{ id: "c1", name: "get_weather", arguments: "{}" }] },
        { role: "tool", content: '{"sky":"grey"}', toolCallId: "c1" },
      ],
      createRng(1),
      1,
    );
    expect(text).toContain('get_weather returned {"sky":"grey"}');
  });

  it("gives one answer at temperature 0 whatever the generator, and many at temperature 2", () => {
    const cold = new Set(Array.from({ length: 30 }, (_, seed) => composeAnswer(conversation, createRng(seed), 0)));
    const hot = new Set(Array.from({ length: 30 }, (_, seed) => composeAnswer(conversation, createRng(seed), 2)));
    expect(cold.size).toBe(1);
    expect(hot.size).toBeGreaterThan(5);
  });
});
