// Both processes: how the playground answers each tool when the model calls it (a mock result,
// sensitivity, argument limits) and the tool-round step limit. Saved with the draft; not sent to
// the model, so not part of ChatRequest.
import { z } from "zod";

/**
 * How a call's result is produced: typed by hand, fixed JSON, a JSON template over the arguments,
 * or a side effect: "refund" performs the call against the main side's mock refund ledger with an
 * idempotency key and returns the ledger's answer (a replayed key returns the first result).
 */
export const ToolMock = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("manual") }),
  z.object({ kind: z.literal("fixed"), json: z.string().max(100_000) }),
  /** `{{order_id}}` is replaced by that argument (dotted paths reach nested ones). */
  z.object({ kind: z.literal("template"), template: z.string().max(100_000) }),
  z.object({ kind: z.literal("refund") }),
]);
export type ToolMock = z.infer<typeof ToolMock>;

/** A numeric bound on one argument; a call outside it is refused before any mock runs. */
export const ToolLimit = z
  .object({
    /** The argument's name, or a dotted path to a nested one ("refund.amount"). */
    argument: z.string().trim().min(1, "name the argument").max(200),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict();
export type ToolLimit = z.infer<typeof ToolLimit>;

/** The playground's settings for one tool. */
export const ToolSettings = z
  .object({
    /** A sensitive tool's calls wait for an explicit approval before anything runs. */
    sensitive: z.boolean(),
    mock: ToolMock,
    limits: z.array(ToolLimit).max(20),
  })
  .strict();
export type ToolSettings = z.infer<typeof ToolSettings>;

/** The default step limit: tool rounds allowed after the last user message before the playground stops. */
export const DEFAULT_STEP_LIMIT = 5;

/** Every tool's settings, keyed by tool name, and the step limit. */
export const ToolsDraft = z
  .object({
    settings: z.record(z.string().max(64), ToolSettings),
    stepLimit: z.number().int().min(1).max(20),
  })
  .strict();
export type ToolsDraft = z.infer<typeof ToolsDraft>;

/**
 * What a tool without saved settings does: not sensitive, answered by hand, no limits. One frozen
 * value, never a fresh object: a zustand selector that falls back to it must return the same
 * reference on every call, or React re-renders forever (error #185, the "Add tool" crash).
 */
export const DEFAULT_TOOL_SETTINGS: Readonly<ToolSettings> = Object.freeze({
  sensitive: false,
  mock: Object.freeze({ kind: "manual" as const }),
  limits: Object.freeze([]) as unknown as ToolLimit[],
});
