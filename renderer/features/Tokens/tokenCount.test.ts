// Tests (renderer): the token-count worker's answers, without a worker.
import { describe, expect, it } from "vitest";
import { countRequestTokens } from "../../../shared/tokens";
import { defaultChatRequest, type ChatRequest } from "../../../shared/chatRequest";
import { answerCount } from "./tokenCount";

describe("answerCount", () => {
  it("answers with the shared estimate, per message and in total, under the question's id", () => {
    const request = defaultChatRequest();
    const answer = answerCount({ id: 7, request });
    expect(answer).toMatchObject({ id: 7, ok: true, ...countRequestTokens(request) });
    if (answer.ok) expect(answer.total).toBeGreaterThan(10);
  });

  it("grows with the prompt", () => {
    const short = answerCount({ id: 1, request: defaultChatRequest() });
    const long = answerCount({
      id: 2,
      request: { ...defaultChatRequest(), messages: [{ role: "user", content: "word ".repeat(1000) }] },
    });
    expect(short.ok && long.ok && long.total > short.total + 900).toBe(true);
  });

  it("reports a request it cannot count instead of throwing", () => {
    const broken = { model: "x", messages: [{ role: "user", content: 42 }] } as unknown as ChatRequest;
    expect(answerCount({ id: 3, request: broken })).toMatchObject({ id: 3, ok: false });
  });
});
