// Tests (renderer): the hover explanations of fields and headers.
import { describe, expect, it } from "vitest";
import { explainField, explainHeader } from "./fieldGlossary";

describe("explainField", () => {
  it("explains the fields a learner meets in a stream", () => {
    expect(explainField(["choices", 0, "finish_reason"])).toMatch(/length.*max_completion_tokens/);
    expect(explainField(["usage"])).toMatch(/last chunk/);
    expect(explainField(["choices", 0, "delta", "refusal"])).toMatch(/declines/);
    expect(explainField(["choices", 0, "logprobs", "content", 3, "top_logprobs"])).toMatch(/alternatives/);
  });

  it("uses the parent to tell a tool call's index from a choice's index", () => {
    expect(explainField(["choices", 0, "index"])).toMatch(/which choice/i);
    expect(explainField(["choices", 0, "delta", "tool_calls", 1, "index"])).toMatch(/fragments with the same index/);
  });

  it("returns null for array positions and unknown keys", () => {
    expect(explainField(["choices", 0])).toBeNull();
    expect(explainField(["something_new"])).toBeNull();
    expect(explainField(["constructor"])).toBeNull();
  });
});

describe("explainHeader", () => {
  it("explains request ids, rate limits and the masked key, in any letter case", () => {
    expect(explainHeader("X-Request-Id")).toMatch(/support/);
    expect(explainHeader("x-ratelimit-remaining-tokens")).toMatch(/Tokens left/);
    expect(explainHeader("authorization")).toMatch(/masked/);
    expect(explainHeader("x-unknown")).toBeNull();
  });
});
