// Main process: an evaluation sent through the Batch API: the missing cells as one JSON Lines file,
// uploaded, batched, polled in the background with its status reported, and the answers graded
// into the same cells as a direct run.
import { toFile } from "openai";
import { z } from "zod";
import type { AssertionHelpers } from "../../../shared/assertions";
import type { BatchState, Dataset, EvalCell, EvalRun } from "../../../shared/evals";
import type { PriceTable } from "../../../shared/pricing";
import { estimateCost } from "../../../shared/pricing";
import { fillRequest } from "../../../shared/template";
import { createCountingClient, type Connection } from "../openaiClient";
import { choicesOf } from "./evalCall";
import { missingWork } from "./directRunner";
import { gradeCell } from "./gradeCell";

/** Batch states that will not change any more. */
const FINAL = new Set(["completed", "failed", "expired", "cancelled"]);

export interface BatchRunContext {
  run: EvalRun;
  dataset: Dataset;
  /** Every variant of a batch run uses the same connection (one batch, one server). */
  connection: Connection;
  helpers: AssertionHelpers[];
  signal: AbortSignal;
  priceTable: () => PriceTable;
  pollMs: number;
  onBatch: (state: BatchState) => void;
  onCell: (cell: EvalCell) => void;
}

/** One line of a batch's output or error file (the spec has no schema for it; this is its documented shape). */
const OutputLine = z.object({
  custom_id: z.string(),
  response: z.object({ status_code: z.number(), request_id: z.string().optional(), body: z.unknown() }).nullable(),
  error: z.object({ code: z.string().nullable().optional(), message: z.string().nullable().optional() }).nullable().optional(),
});

const CompletionBody = z.object({
  model: z.string(),
  choices: z.array(z.object({ index: z.number(), finish_reason: z.string().nullable(), message: z.object({ content: z.string().nullable(), refusal: z.string().nullable().optional(), tool_calls: z.array(z.any()).optional() }) })),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }).optional(),
});

/** The custom_id of a cell: variant and case, so an answer finds its cell. */
export const customIdFor = (variant: number, caseIndex: number) => `v${variant}-c${caseIndex}`;
function parseCustomId(id: string): { variant: number; caseIndex: number } | null {
  const m = /^v(\d+)-c(\d+)$/.exec(id);
  return m ? { variant: Number(m[1]), caseIndex: Number(m[2]) } : null;
}

function toState(batch: { id: string; input_file_id: string; status: string; output_file_id?: string | null; error_file_id?: string | null; request_counts?: { total: number; completed: number; failed: number } }): BatchState {
  return {
    batchId: batch.id,
    inputFileId: batch.input_file_id,
    status: batch.status,
    outputFileId: batch.output_file_id ?? null,
    errorFileId: batch.error_file_id ?? null,
    completed: batch.request_counts?.completed ?? 0,
    failed: batch.request_counts?.failed ?? 0,
    total: batch.request_counts?.total ?? 0,
  };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

/**
 * Uploads and creates the batch (unless the run already has one, after a restart), polls it until
 * it ends, then grades every answer. Cancelling cancels the batch on the server too.
 * Returns the final batch state.
 */
export async function runBatch(ctx: BatchRunContext): Promise<BatchState> {
  const { client } = createCountingClient(ctx.connection, { maxRetries: 2 });
  let state = ctx.run.batch;
  if (!state) {
    const lines = missingWork(ctx.run, ctx.dataset).map(({ variant, caseIndex }) => {
      const v = ctx.run.variants[variant];
      const c = ctx.dataset.cases[caseIndex];
      if (!v || !c) throw new Error(`no variant ${variant} or case ${caseIndex}`);
      return JSON.stringify({ custom_id: customIdFor(variant, caseIndex), method: "POST", url: "/v1/chat/completions", body: fillRequest(v.request, c.vars) });
    });
    const file = await client.files.create({ file: await toFile(Buffer.from(`${lines.join("\n")}\n`), `eval-${ctx.run.id}.jsonl`), purpose: "batch" }, { signal: ctx.signal });
    const batch = await client.batches.create({ input_file_id: file.id, endpoint: "/v1/chat/completions", completion_window: "24h", metadata: { dataset: ctx.dataset.id } }, { signal: ctx.signal });
    state = toState(batch);
    ctx.onBatch(state);
  }
  while (!FINAL.has(state.status)) {
    if (ctx.signal.aborted) {
      state = toState(await client.batches.cancel(state.batchId));
      ctx.onBatch(state);
      return state;
    }
    await sleep(ctx.pollMs, ctx.signal);
    if (ctx.signal.aborted) continue;
    state = toState(await client.batches.retrieve(state.batchId));
    ctx.onBatch(state);
  }
  if (state.status !== "completed") return state;
  for (const fileId of [state.outputFileId, state.errorFileId]) {
    if (!fileId) continue;
    const text = await (await client.files.content(fileId)).text();
    for (const raw of text.split("\n")) {
      if (!raw.trim()) continue;
      const line = OutputLine.safeParse(JSON.parse(raw));
      if (!line.success) continue;
      const where = parseCustomId(line.data.custom_id);
      const testCase = where ? ctx.dataset.cases[where.caseIndex] : undefined;
      if (!where || !testCase) continue;
      const body = line.data.response?.status_code === 200 ? CompletionBody.safeParse(line.data.response.body) : null;
      if (!body?.success) {
        const reason = line.data.error?.message ?? JSON.stringify(line.data.response?.body ?? "no response").slice(0, 300);
        ctx.onCell(await gradeCell(ctx.dataset, testCase, where.variant, { runId: null, outcome: null, error: `The batch request failed (${line.data.response?.status_code ?? "no status"}): ${reason}`, costUsd: null, cached: false }, {}));
        continue;
      }
      const usage = body.data.usage ? { promptTokens: body.data.usage.prompt_tokens, completionTokens: body.data.usage.completion_tokens, totalTokens: body.data.usage.total_tokens } : null;
      const choices = choicesOf(body.data as unknown as Parameters<typeof choicesOf>[0]);
      // The Batch API bills half the standard price.
      const full = usage ? estimateCost(body.data.model, usage, ctx.priceTable()) : null;
      const outcome = { choices, usage, metrics: { ttftMs: null, totalMs: 0, tokensPerSecond: null, attempts: 1 } };
      const cell = await gradeCell(ctx.dataset, testCase, where.variant, { runId: null, outcome, error: null, costUsd: full === null ? null : full / 2, cached: false }, ctx.helpers[where.variant] ?? {});
      ctx.onCell({ ...cell, latencyMs: null });
    }
  }
  return state;
}
