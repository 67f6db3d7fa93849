import { describe, expect, it } from "vitest";
import { keyStatusText } from "./keyStatusText";

describe("key status text", () => {
  it("shows the hint and where the key lives", () => {
    expect(keyStatusText({ hasKey: true, hint: "sk-...abcd", source: "keychain" })).toBe("Key sk-...abcd, in the OS keychain");
    expect(keyStatusText({ hasKey: true, hint: "sk-...wxyz", source: "env" })).toBe("Key from the OPENAI_API_KEY variable (sk-...wxyz)");
    expect(keyStatusText({ hasKey: false, hint: "", source: "none" })).toBe("No key set");
  });
});
