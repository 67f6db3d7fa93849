import { describe, expect, it } from "vitest";
import { controlBlock } from "./controlRules";

describe("which playground controls apply", () => {
  it("a reasoning model takes only the default temperature, on both APIs, with the catalog's reason", () => {
    for (const api of ["responses", "chat"] as const) {
      const block = controlBlock("temperature", api, "sim-reasoning-1");
      expect(block?.onlyDefault).toBe(1);
      expect(block?.reason).toMatch(/sim-reasoning-1 accepts only the default temperature \(1\)/);
      expect(block?.reason).toMatch(/reasoning models take only the default sampling values/);
    }
    expect(controlBlock("reasoning_effort", "responses", "gpt-5-mini")).toBeNull();
  });

  it("a chat model refuses the reasoning settings, named as each API names them", () => {
    expect(controlBlock("reasoning_effort", "responses", "gpt-4.1-mini")?.reason).toMatch(/does not accept reasoning\.effort/);
    expect(controlBlock("reasoning_effort", "chat", "gpt-4.1-mini")?.reason).toMatch(/does not accept reasoning_effort/);
    expect(controlBlock("temperature", "responses", "gpt-4.1-mini")).toBeNull();
  });

  it("a field the chosen API lacks is disabled whatever the model", () => {
    expect(controlBlock("seed", "responses", "sim-chat-1")?.reason).toMatch(/^Chat Completions only: Responses has no seed/);
    expect(controlBlock("logprobs", "responses", "sim-chat-1")?.reason).toMatch(/^Chat Completions only/);
    expect(controlBlock("seed", "chat", "sim-chat-1")).toBeNull();
    expect(controlBlock("previous_response_id", "chat", "sim-chat-1")?.reason).toMatch(/^Responses only/);
    expect(controlBlock("reasoning_summary", "chat", "sim-reasoning-1")?.reason).toMatch(/^Responses only/);
  });

  it("a model with no catalog entry leaves every control to the server", () => {
    expect(controlBlock("temperature", "responses", "my-local-model")).toBeNull();
    expect(controlBlock("reasoning_effort", "chat", "my-local-model")).toBeNull();
  });
});
