import { describe, expect, it } from "vitest";
import { nextTurnMessages } from "./ContinueFromResponse";

describe("the next turn over previous_response_id", () => {
  it("keeps the instructions and leaves one empty user message: the server holds the rest", () => {
    expect(
      nextTurnMessages([
        { role: "system", content: "Be brief." },
        { role: "developer", content: "Use metric units." },
        { role: "user", content: "My cat is Tofu." },
        { role: "assistant", content: "Noted." },
      ]),
    ).toEqual([{ role: "system", content: "Be brief." }, { role: "developer", content: "Use metric units." }, { role: "user", content: "" }]);
    expect(nextTurnMessages([{ role: "user", content: "hi" }])).toEqual([{ role: "user", content: "" }]);
  });
});
