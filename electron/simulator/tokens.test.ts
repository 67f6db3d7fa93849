// Tests (Node): token pieces and limits with the o200k_base tokenizer.
import { describe, expect, it } from "vitest";
import { countPromptTokens, countTokens, splitTokens, truncateToTokens } from "./tokens";

describe("tokens", () => {
  it("splits on token boundaries into pieces that join back to the text, multi-byte characters whole", () => {
    const text = "Streaming splits text into tokens: naïve café, 東京, emoji 🙂.";
    const pieces = splitTokens(text);
    expect(pieces.join("")).toBe(text);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.some((p) => p.includes("\uFFFD"))).toBe(false);
  });

  it("truncates to at most the given number of tokens", () => {
    const text = "one two three four five six seven eight";
    const cut = truncateToTokens(text, 3);
    expect(cut.truncated).toBe(true);
    expect(countTokens(cut.text)).toBe(3);
    expect(truncateToTokens(text, 100)).toEqual({ text, truncated: false });
  });

  it("counts prompt tokens with the per-message overhead", () => {
    const one = countPromptTokens([{ role: "user", content: "hello" }]);
    const two = countPromptTokens([{ role: "user", content: "hello" }, { role: "user", content: "hello" }]);
    expect(two - one).toBe(one - 3);
  });
});
