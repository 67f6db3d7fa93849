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

describe("groundedAnswer keeps whole sentences and cites each passage it quotes", () => {
  const support = [
    { text: "Refunds are issued within 14 days of the request. For refunds over $1,000.50, email support@acme.com with the order id." },
    { text: "Our office opens at nine." },
    { text: "Refund requests over $1,000.50 need approval by a manager, version 2.1 of the policy says." },
  ];
  const askSupport = (question: string): SimMessage[] =>
    buildGroundedMessages(question, support).map((m) => ({ role: m.role as SimMessage["role"], content: m.content ?? "" }));

  it("never cuts a sentence at the dot of an e-mail address, an amount or a version", () => {
    const text = groundedAnswer(askSupport("Who do I email about refunds over $1,000.50?")) ?? "";
    expect(text).toContain("For refunds over $1,000.50, email support@acme.com with the order id. [1]");
    expect(text).not.toMatch(/support@acme\. \[/);
    expect(text).toContain("version 2.1 of the policy says. [3]");
  });

  it("cites every passage it draws a sentence from", () => {
    const text = groundedAnswer(askSupport("Who do I email about refunds over $1,000.50?")) ?? "";
    const quoted = text.replace(/^Simulated grounded answer: /, "").split(/(?<=\[\d+\])\s/).filter((s) => /\[\d+\]$/.test(s));
    expect(quoted.length).toBeGreaterThan(1);
    expect(citationsOf(text).sort()).toEqual([1, 3]);
  });
});
