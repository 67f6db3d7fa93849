// Tests (Node): embeddings under the client policy, through the real SDK and the simulator: a 429 is
// retried by our loop (SDK retries off) with the attempts counted, quota is not retried, and a
// cancel during a back-off wait ends the job at once.
import { describe, expect, it } from "vitest";
import type { SimBehaviour } from "../../shared/contracts/reliability";
import { NORMAL_BEHAVIOUR } from "../../shared/contracts/reliability";
import { DEFAULT_RETRY_POLICY, type ClientPolicy } from "../../shared/retryPolicy";
import { simulatorSuite } from "../../test/fixtures/simulatorSuite";
import { createEmbeddingCache } from "./embeddingCache";
import { createEmbeddingService, type EmbeddingRequestReport } from "./embeddings";

// One simulator serves the whole file; the suite clears the failures each test sets.
const { control, connection } = simulatorSuite();

const fastPolicy: ClientPolicy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 5, jitter: 0, maxRetries: 2 };

const failNext = (failure: SimBehaviour["failure"], remaining: number) => control().set({ ...NORMAL_BEHAVIOUR, failure, remaining });

function service(policy: ClientPolicy) {
  const reports: EmbeddingRequestReport[] = [];
  const svc = createEmbeddingService({ cache: createEmbeddingCache({ dir: null }), policy: () => policy, random: () => 0, onRequest: (r) => reports.push(r) });
  return { svc, reports };
}

const args = (texts: string[]) => ({ jobId: crypto.randomUUID(), connection: connection(), model: "sim-embedding-1", texts, secrets: () => [], emit: () => undefined });

describe("embeddings under the client policy", () => {
  it("retries a 429 once and succeeds, counting two attempts", async () => {
    await failNext("rate_limit_no_retry_after", 1);
    const { svc, reports } = service(fastPolicy);
    const out = await svc.embed(args(["one text"]));
    expect(out.count).toBe(1);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ attempts: 2, error: null, model: "sim-embedding-1" });
    expect(reports[0]?.promptTokens).toBeGreaterThan(0);
    expect((await control().get()).failed).toBe(1);
  });

  it("gives up after the attempts the policy allows, saying so", async () => {
    await failNext("server_error", 5);
    const { svc, reports } = service({ ...fastPolicy, maxRetries: 1 });
    const err = await svc.embed(args(["two"])).catch((e: unknown) => e);
    expect(err).toMatchObject({ error: { kind: "server", status: 500 } });
    expect((err as Error).message).toContain("all 2 attempts");
    expect(reports[0]).toMatchObject({ attempts: 2, error: { kind: "server", status: 500 } });
    expect((await control().get()).failed).toBe(2);
  });

  it("does not retry insufficient_quota", async () => {
    await failNext("insufficient_quota", 3);
    const { svc, reports } = service(fastPolicy);
    const err = await svc.embed(args(["three"])).catch((e: unknown) => e);
    expect(err).toMatchObject({ error: { kind: "quota" } });
    expect((err as Error).message).toContain("Not retried");
    expect(reports[0]?.attempts).toBe(1);
    expect((await control().get()).failed).toBe(1);
  });

  it("ends at once when cancelled during a back-off wait", async () => {
    await failNext("rate_limit_no_retry_after", 1);
    // A minute's back-off: the test can only end in time if cancel cuts the wait short.
    const { svc } = service({ ...fastPolicy, baseDelayMs: 60_000, maxDelayMs: 60_000, deadlineMs: 120_000 });
    const job = args(["four"]);
    const running = svc.embed(job);
    // Wait until the simulator has answered the 429, so the job is in its back-off wait.
    while ((await control().get()).failed < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(svc.cancel(job.jobId)).toBe(true);
    await expect(running).rejects.toMatchObject({ error: { kind: "cancelled" } });
  });
});
