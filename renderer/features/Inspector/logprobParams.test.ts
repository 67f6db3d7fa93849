// Tests (renderer): editing logprobs and top_logprobs keeps the request valid.
import { describe, expect, it } from "vitest";
import { ChatRequest, defaultChatRequest } from "../../../shared/chatRequest";
import { setLogprobs, setTopLogprobs } from "./logprobParams";

describe("logprob params", () => {
  it("turns logprobs on and off, dropping top_logprobs with it", () => {
    const on = setTopLogprobs(setLogprobs(defaultChatRequest(), true), 3);
    expect(on).toMatchObject({ logprobs: true, top_logprobs: 3 });
    expect(ChatRequest.safeParse(on).success).toBe(true);
    const off = setLogprobs(on, false);
    expect(off).not.toHaveProperty("logprobs");
    expect(off).not.toHaveProperty("top_logprobs");
  });

  it("clamps top_logprobs to 0..20 and removes it when emptied", () => {
    const on = setLogprobs(defaultChatRequest(), true);
    expect(setTopLogprobs(on, 99).top_logprobs).toBe(20);
    expect(setTopLogprobs(on, 2.6).top_logprobs).toBe(3);
    expect(setTopLogprobs(setTopLogprobs(on, 5), undefined)).not.toHaveProperty("top_logprobs");
  });
});
