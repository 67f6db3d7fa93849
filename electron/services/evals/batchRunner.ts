// Main process: an evaluation sent through the Batch API: the missing cells as one JSON Lines file,
// uploaded, batched, polled in the background with its status reported, and the answers graded
// into the same cells as a direct run.
import { toFile } from "openai";
import { z } from "zod";
import type { AssertionHelpers } from "../../../shared/assertions";
import type { BatchState, Dataset, EvalCell, EvalRun } from "../../../shared/evals";
import type { PriceTable } from "../../../shared/pricing";
import type { RunRecord } from "../../../shared/runRecord";
import { redactSecrets } from "../../../shared/redact";
import { estimateCost } from "../../../shared/pricing";
import type { ClientPolicy } from "../../../shared/retryPolicy";
import { connectionSecrets, createCountingClient, type Connection } from "../openaiClient";
import { withPolicy } from "../reliability/withPolicy";
import { batchAnswerRecord } from "./batchRecord";
import { choicesOf } from "./evalCall";
import { missingWork, prepareRequest, type EvalRedactor } from "./directRunner";
import { checkOutput, type OutputModerator } from "./outputGate";
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
  /** The client policy every upload, create, poll and download runs under; absent: the SDK's 2 retries. */
  policy?: ClientPolicy;
  onBatch: (state: BatchState) => void;
  onCell: (cell: EvalCell) => void;
  /** Keeps each answer's run (request line, output line) in history, so its cell opens it. */
  recordRun: (record: RunRecord, costUsd: number | null) => void | Promise<void>;
  /** Secrets to scrub from a failed line's message. */
  secrets: () => readonly string[];
  /** Redaction as saved when the run started (null or absent: off), applied to each request line. */
  redact?: EvalRedactor | null;
  /** Output moderation as saved when the run started (null or absent: off): a flagged answer is withheld. */
  moderateOutput?: OutputModerator | null;
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
  const { policy } = ctx;
  // Under a policy the SDK's own retries are off: our loop retries, honouring the saved settings.
  const { client } = createCountingClient(ctx.connection, policy ? { maxRetries: 0, requestTimeoutMs: policy.requestTimeoutMs } : { maxRetries: 2 });
  const send = <T>(call: (signal: AbortSignal) => Promise<T>, signal: AbortSignal | undefined = ctx.signal): Promise<T> =>
    // Every call here returns a parsed body: none stays linked to the run's signal afterwards.
    policy ? withPolicy(policy, call, { signal, wholeOnReturn: true }) : call(signal ?? new AbortController().signal);
  let state = ctx.run.batch;
  if (!state) {
    const lines = missingWork(ctx.run, ctx.dataset).map(({ variant, caseIndex }) => {
      const v = ctx.run.variants[variant];
      const c = ctx.dataset.cases[caseIndex];
      if (!v || !c) throw new Error(`no variant ${variant} or case ${caseIndex}`);
      return JSON.stringify({ custom_id: customIdFor(variant, caseIndex), method: "POST", url: "/v1/chat/completions", body: prepareRequest(v.request, c.vars, ctx.redact).request });
    });
    const body = Buffer.from(`${lines.join("\n")}\n`);
    // A fresh upload body per attempt: a retried multipart request must not reuse a read stream.
    const file = await send(async (signal) => client.files.create({ file: await toFile(body, `eval-${ctx.run.id}.jsonl`), purpose: "batch" }, { signal }));
    const batch = await send((signal) => client.batches.create({ input_file_id: file.id, endpoint: "/v1/chat/completions", completion_window: "24h", metadata: { dataset: ctx.dataset.id } }, { signal }));
    state = toState(batch);
    ctx.onBatch(state);
  }
  while (!FINAL.has(state.status)) {
    if (ctx.signal.aborted) {
      const batchId = state.batchId;
      // The run's signal has fired: the cancel on the server must not be stopped by it.
      state = toState(await send((signal) => client.batches.cancel(batchId, { signal }), undefined));
      ctx.onBatch(state);
      return state;
    }
    await sleep(ctx.pollMs, ctx.signal);
    if (ctx.signal.aborted) continue;
    const batchId = state.batchId;
    state = toState(await send((signal) => client.batches.retrieve(batchId, { signal })));
    ctx.onBatch(state);
  }
  if (state.status !== "completed") return state;
  const collectedAt = Date.now();
  const secrets = [...ctx.secrets(), ...connectionSecrets(ctx.connection)];
  for (const fileId of [state.outputFileId, state.errorFileId]) {
    if (!fileId) continue;
    const text = await send(async (signal) => (await client.files.content(fileId, { signal })).text());
    for (const raw of text.split("\n")) {
      if (!raw.trim()) continue;
      const line = OutputLine.safeParse(JSON.parse(raw));
      if (!line.success) continue;
      const where = parseCustomId(line.data.custom_id);
      const testCase = where ? ctx.dataset.cases[where.caseIndex] : undefined;
      if (!where || !testCase) continue;
      const variant = ctx.run.variants[where.variant];
      if (!variant) continue;
      const statusCode = line.data.response?.status_code ?? null;
      const requestId = line.data.response?.request_id ?? null;
      // The same redaction as the uploaded line (it is deterministic), so the record holds what was sent.
      const sent = prepareRequest(variant.request, testCase.vars, ctx.redact);
      const base = { connection: ctx.connection, request: sent.request, redaction: sent.redaction, lineUrl: "/v1/chat/completions", collectedAt, statusCode, requestId };
      const body = statusCode === 200 ? CompletionBody.safeParse(line.data.response?.body) : null;
      if (!body?.success) {
        const reason = line.data.error?.message ?? JSON.stringify(line.data.response?.body ?? "no response").slice(0, 300);
        const error = redactSecrets(`The batch request failed (${statusCode ?? "no status"}): ${reason}`, secrets);
        const record = batchAnswerRecord({ ...base, answer: null, errorMessage: error });
        await ctx.recordRun(record, null);
        ctx.onCell(await gradeCell(ctx.dataset, testCase, where.variant, { runId: record.runId, outcome: null, error, costUsd: null, cached: false }, {}));
        continue;
      }
      const usage = body.data.usage ? { promptTokens: body.data.usage.prompt_tokens, completionTokens: body.data.usage.completion_tokens, totalTokens: body.data.usage.total_tokens } : null;
      const choices = choicesOf(body.data as unknown as Parameters<typeof choicesOf>[0]);
      // The Batch API bills half the standard price.
      const full = usage ? estimateCost(body.data.model, usage, ctx.priceTable()) : null;
      const costUsd = full === null ? null : full / 2;
      // The answer's run is on disk before its cell counts as done, as in a direct run.
      const check = ctx.moderateOutput ? await checkOutput(ctx.moderateOutput, ctx.connection, choices) : null;
      const answered = batchAnswerRecord({ ...base, answer: { model: body.data.model, choices, usage }, errorMessage: null });
      const record = check ? { ...answered, moderation: [check.record] } : answered;
      await ctx.recordRun(record, costUsd);
      const outcome = check?.withheld ? null : { choices, usage, metrics: record.metrics };
      const cell = await gradeCell(ctx.dataset, testCase, where.variant, { runId: record.runId, outcome, error: check?.withheld ?? null, costUsd, cached: false }, ctx.helpers[where.variant] ?? {});
      ctx.onCell({ ...cell, latencyMs: null });
    }
  }
  return state;
}
