// Main process: the one place a call from either door (IPC or web) meets a handler. It refuses
// unknown channels and input that fails the contract's schema; the handler never sees either. It
// is also where everything bound for the renderer (answers, errors, events) is scrubbed of secrets.
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
import { DojoError } from "./errors";
import { knownSecrets } from "./services/knownSecrets";
import { redactSecrets, redactSecretsDeep } from "../shared/redact";

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
 * `secrets` returns the keys currently known: the answer, the error and every event the call
 * emits (now or later, e.g. a run's chat.delta) are scrubbed of them and of every other secret
 * this process knows, so a server echoing a key cannot pass it to the renderer.
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
  const scrubbed: HandlerContext = {
    emit: (event, payload) => ctx.emit(event, redactSecretsDeep(payload, knownSecrets(secrets()))),
  };
  try {
    const handler = handlers[channel] as Handler<ChannelName>;
    const value = await handler(parsed.data as ChannelInput<ChannelName>, scrubbed);
    return { ok: true, value: redactSecretsDeep(value, knownSecrets(secrets())) };
  } catch (err) {
    const known = knownSecrets(secrets());
    if (err instanceof DojoError) {
      return { ok: false, error: { ...err.error, message: redactSecrets(err.error.message, known) } };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: appError("internal", redactSecrets(`${channel} failed: ${message}`, known)) };
  }
}
