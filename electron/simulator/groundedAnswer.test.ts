// Tests (Node): the simulator answers grounded prompts from the passages, with citations, or NOT FOUND.
import { describe, expect, it } from "vitest";
import { buildGroundedMessages, checkAnswer, citationsOf } from "../../shared/rag";
import { composeAnswer } from "./answer";
import type { SimMessage } from "./chatParams";
import { groundedAnswer } from "./groundedAnswer";
import { createRng } from "./random";

const passages = [
  { text: "Rivers carry water to the sea. Mountains are made of rock." },
  { text: "Bread is baked in hot ovens. Dough must rise for two hours before baking." },
  { text: "Our office opens at nine." },
];
const ask = (question: string): SimMessage[] => buildGroundedMessages(question, passages).map((m) => ({ role: m.role as SimMessage["role"], content: m.content ?? "" }));

describe("groundedAnswer", () => {
  it("quotes the sentence that answers and cites its passage", () => {
    const text = groundedAnswer(ask("How long must dough rise?")) ?? "";
    expect(text).toMatch(/^Simulated grounded answer: Dough must rise for two hours before baking\. \[2\]/);
    expect(text).toContain("no model was involved");
    expect(checkAnswer(text, passages.length, true).ok).toBe(true);
  });

  it("says NOT FOUND when no passage holds the question's words", () => {
    const text = groundedAnswer(ask("What is the capital of Peru?")) ?? "";
    expect(text.startsWith("NOT FOUND")).toBe(true);
    expect(text).toContain("Simulated");
    expect(citationsOf(text)).toEqual([]);
    expect(checkAnswer(text, passages.length, false).ok).toBe(true);
  });

  it("leaves other prompts to the ordinary answer", () => {
    expect(groundedAnswer([{ role: "user", content: "Where do rivers carry water?" }])).toBeNull();
    expect(composeAnswer(ask("How long must dough rise?"), createRng(3), 1.5)).toContain("[2]");
  });
});
