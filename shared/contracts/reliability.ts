// Both processes: the reliability lab's channels: the client policy, each profile's fallback chain,
// the simulator's behaviour for the next requests (failures and enforced rate limits), and the
// mock refund ledger that shows what an idempotency key is for.
import { z } from "zod";
import { EmptyInput, OkOutput, Profile, ProfileIdInput, SimulatorFailure } from "../schemas";
import { ClientPolicy } from "../retryPolicy";
import { FallbackChain } from "../reliability";

/** What the simulator does with the next requests it answers (chat, embeddings, moderations). */
export const SimBehaviour = z
  .object({
    /** The failure to produce; "none" answers normally. */
    failure: SimulatorFailure,
    /** How many of the next requests get it; null means every request until cleared. */
    remaining: z.number().int().min(1).max(1000).nullable(),
    /** The wait of "slow_first_byte" in ms; null means the simulator's default (15 s). */
    firstByteDelayMs: z.number().int().min(0).max(120_000).nullable(),
    /** Requests per minute enforced with real 429s; null means not enforced. */
    requestsPerMinute: z.number().int().min(1).max(100_000).nullable(),
    /** Tokens per minute (prompt plus answer) enforced with real 429s; null means not enforced. */
    tokensPerMinute: z.number().int().min(1).max(100_000_000).nullable(),
  })
  .strict();
export type SimBehaviour = z.infer<typeof SimBehaviour>;

/** The behaviour in force and what the simulator has done since it was set. */
export const SimBehaviourState = SimBehaviour.extend({
  /** Requests answered (any status) since the behaviour was last set. */
  served: z.number().int().nonnegative(),
  /** Of those, refused with a 429 by the enforced limits. */
  limited: z.number().int().nonnegative(),
  /** Of those, given the chosen failure. */
  failed: z.number().int().nonnegative(),
});
export type SimBehaviourState = z.infer<typeof SimBehaviourState>;

/** The behaviour of a simulator nobody has configured. */
export const NORMAL_BEHAVIOUR: SimBehaviour = Object.freeze({
  failure: "none",
  remaining: null,
  firstByteDelayMs: null,
  requestsPerMinute: null,
  tokensPerMinute: null,
});

/** One refund in the mock ledger. */
export const Refund = z.object({
  id: z.string(),
  orderId: z.string(),
  amount: z.number(),
  /** The key it was created with, or null when the call carried none. */
  idempotencyKey: z.string().nullable(),
  createdAt: z.number().int().nonnegative(),
});
export type Refund = z.infer<typeof Refund>;

/** A create_refund call against the mock ledger. */
export const RefundCall = z
  .object({
    orderId: z.string().trim().min(1).max(64),
    amount: z.number().positive().max(1_000_000),
    /** The call's idempotency key; null sends none. */
    idempotencyKey: z.string().trim().min(1).max(200).nullable(),
    /** Applies the effect, then loses the response on the way back, as a dropped connection would. */
    loseResponse: z.boolean(),
  })
  .strict();
export type RefundCall = z.infer<typeof RefundCall>;

/** What the call did, and what the caller saw. */
export const RefundOutcome = z.object({
  /**
   * created: a new refund; replayed: the key was seen, the first result came back and nothing new
   * happened; conflict: the key was used with other arguments, refused; lost: the refund was made
   * but the response never arrived.
   */
  outcome: z.enum(["created", "replayed", "conflict", "lost"]),
  /** The refund the caller receives; null when the response was lost or refused. */
  refund: Refund.nullable(),
  message: z.string(),
  /** Refunds in the ledger after the call: the effect count a retry must not raise. */
  refundCount: z.number().int().nonnegative(),
});
export type RefundOutcome = z.infer<typeof RefundOutcome>;

/** The reliability channels. */
export const reliabilityChannels = {
  /** The client policy every API call follows. */
  "policy.get": { input: EmptyInput, output: ClientPolicy },
  /** Saves the client policy; it applies to the next call. */
  "policy.save": { input: ClientPolicy, output: ClientPolicy },
  /** A profile's fallback chain. */
  "fallbacks.get": { input: ProfileIdInput, output: z.object({ steps: FallbackChain }) },
  /** Saves a profile's fallback chain. */
  "fallbacks.save": { input: z.object({ profileId: Profile.shape.id, steps: FallbackChain }).strict(), output: z.object({ steps: FallbackChain }) },
  /** The simulator's behaviour for the next requests and what it has done since. */
  "simulator.behaviour": { input: EmptyInput, output: SimBehaviourState },
  /** Sets the simulator's behaviour for the next requests. */
  "simulator.setBehaviour": { input: SimBehaviour, output: SimBehaviourState },
  /** Back to normal: no failure, no enforced limits. */
  "simulator.clearBehaviour": { input: EmptyInput, output: SimBehaviourState },
  /** Calls the mock create_refund with or without an idempotency key. */
  "effects.refund": { input: RefundCall, output: RefundOutcome },
  /** Every refund in the mock ledger, oldest first. */
  "effects.list": { input: EmptyInput, output: z.object({ refunds: z.array(Refund) }) },
  /** Empties the mock ledger. */
  "effects.reset": { input: EmptyInput, output: OkOutput },
} as const;
