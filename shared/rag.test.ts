// Tests (Node): the grounded prompt round-trips through its parser, and answers are checked.
import { describe, expect, it } from "vitest";
import { answerLikelyPresent, buildGroundedMessages, checkAnswer, citationsOf, NOT_FOUND, parseGroundedPrompt, saysNotFound, splitCitations } from "./rag";

const passages = [
  { text: "Bread dough rises\nfor two hours in a warm place.", source: "bread.md" },
  { text: "Rivers carry water to the sea." },
];

describe("buildGroundedMessages / parseGroundedPrompt", () => {
  it("asks for [n] citations and an explicit NOT FOUND, and reads back passages and question", () => {
    const messages = buildGroundedMessages("How long does dough rise?", passages);
    expect(messages[0]?.content).toContain("[1]");
    expect(messages[0]?.content).toContain(`reply exactly: ${NOT_FOUND}`);
    const parsed = parseGroundedPrompt(messages[1]?.content ?? "");
    expect(parsed).toEqual({
      question: "How long does dough rise?",
      passages: [
        { n: 1, text: "Bread dough rises for two hours in a warm place." },
        { n: 2, text: "Rivers carry water to the sea." },
      ],
    });
  });

  it("returns null for an ordinary prompt", () => {
    expect(parseGroundedPrompt("Explain temperature. Question: why?")).toBeNull();
  });
});

describe("citations", () => {
  it("splits an answer into text and citations, including [1, 2] lists", () => {
    expect(splitCitations("Dough rises [1]. Both [1, 2].")).toEqual([
      { kind: "text", text: "Dough rises " },
      { kind: "cite", n: 1 },
      { kind: "text", text: ". Both " },
      { kind: "cite", n: 1 },
      { kind: "cite", n: 2 },
      { kind: "text", text: "." },
    ]);
    expect(citationsOf("a [2] b [1] c [2]")).toEqual([2, 1]);
  });

  it("recognises not-found answers in a few phrasings", () => {
    expect(saysNotFound("NOT FOUND")).toBe(true);
    expect(saysNotFound("The context does not contain that.")).toBe(true);
    expect(saysNotFound("It was found in [1].")).toBe(false);
  });
});

describe("answerLikelyPresent", () => {
  it("needs half the question's terms in one passage", () => {
    expect(answerLikelyPresent("How long does bread dough rise?", passages)).toBe(true);
    expect(answerLikelyPresent("What is the capital of Peru?", passages)).toBe(false);
  });
});

describe("checkAnswer", () => {
  it("passes a cited answer whose citations are all retrieved chunks", () => {
    const report = checkAnswer("Two hours [1].", 2, true);
    expect(report.ok).toBe(true);
    expect(report.citations).toEqual([1]);
  });

  it("flags a citation that points past the retrieved chunks", () => {
    const report = checkAnswer("Two hours [3].", 2, true);
    expect(report.invalid).toEqual([3]);
    expect(report.checks.find((c) => c.id === "citations-valid")).toMatchObject({ ok: false, detail: expect.stringContaining("[3] is not among the 2") });
  });

  it("wants NOT FOUND when the answer is absent, and flags an invented answer", () => {
    expect(checkAnswer("NOT FOUND", 2, false).ok).toBe(true);
    const invented = checkAnswer("Lima [1].", 2, false);
    expect(invented.ok).toBe(false);
    expect(invented.checks.find((c) => c.id === "not-found-when-absent")?.ok).toBe(false);
  });

  it("flags an uncited answer and a needless not found", () => {
    expect(checkAnswer("Two hours.", 2, true).checks.find((c) => c.id === "cites-sources")?.ok).toBe(false);
    expect(checkAnswer("NOT FOUND", 2, true).ok).toBe(false);
  });
});
