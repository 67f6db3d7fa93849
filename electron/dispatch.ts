// Main process: the one place a call from either door (IPC or web) meets a handler. It refuses
// unknown channels and input that fails the contract's schema; the handler never sees either.
import {
  channels,
  type CallResult,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
} from "../shared/contract";
import { appError, describeZodError } from "../shared/errors";
import { exceedsJsonDepth, MAX_JSON_DEPTH, tooDeepMessage } from "../shared/jsonDepth";
import { redactSecrets } from "../shared/redact";
import { DojoError } from "./errors";

/** What a handler may do besides returning: send events to the caller that made the call. */
export interface HandlerContext {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type Handler<C extends ChannelName> = (input: ChannelInput<C>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;

/** One handler per channel of the contract: the compiler refuses a missing one. */
export type Handlers = { [C in ChannelName]: Handler<C> };

/** True when `name` is a channel of the contract (and not an inherited property). */
export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/**
 * Validates and runs one call. Never throws: every failure becomes a typed, redacted error.
 * `secrets` returns the keys currently known, so error text can be scrubbed of them.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  ctx: HandlerContext,
  secrets: () => readonly string[] = () => [],
): Promise<CallResult<ChannelName>> {
  if (!isChannelName(channel)) {
    return { ok: false, error: appError("invalid_input", `Unknown channel "${channel.slice(0, 60)}".`) };
  }
  // Before zod: its recursive walk (and every consumer after it) would overflow on a value nested
  // thousands deep, which must be bad input, not an internal error or a crashed web answer.
  if (exceedsJsonDepth(rawInput, MAX_JSON_DEPTH)) {
    return { ok: false, error: appError("invalid_input", `Invalid input for ${channel}: ${tooDeepMessage("it", MAX_JSON_DEPTH)}`) };
  }
  const parsed = channels[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: appError("invalid_input", `Invalid input for ${channel}: ${describeZodError(parsed.error)}`),
    };
  }
  try {
    const handler = handlers[channel] as Handler<ChannelName>;
    const value = await handler(parsed.data as ChannelInput<ChannelName>, ctx);
    return { ok: true, value };
  } catch (err) {
    const known = secrets();
    if (err instanceof DojoError) {
      return { ok: false, error: { ...err.error, message: redactSecrets(err.error.message, known) } };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: appError("internal", redactSecrets(`${channel} failed: ${message}`, known)) };
  }
}
