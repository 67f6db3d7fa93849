// Renderer tests: a test double of the Bridge interface that answers calls from per-channel handlers.
import type { Bridge } from "../bridge";
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from "../../shared/contract";
import { appError, type AppError, type ErrorKind } from "../../shared/errors";

type Handler<C extends ChannelName> = (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** A Bridge whose calls are answered by handlers the test registers, and whose events the test emits. */
export interface FakeBridge extends Bridge {
  /** Every call made, in order. */
  readonly calls: { channel: ChannelName; input: unknown }[];
  /** Answers a channel; a call to a channel without a handler rejects with an "internal" error. */
  handle<C extends ChannelName>(channel: C, handler: Handler<C>): void;
  /** Delivers an event to the current listeners. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** How many listeners an event has (to check unsubscribe). */
  listenerCount(event: EventName): number;
  /** The calls made to one channel. */
  callsTo<C extends ChannelName>(channel: C): ChannelInput<C>[];
}

/** What the real bridge rejects with: an Error carrying the AppError. */
export function bridgeFailure(kind: ErrorKind, message: string, extra: Partial<AppError> = {}): Error & { error: AppError } {
  return Object.assign(new Error(message), { error: appError(kind, message, extra) });
}

/** Creates an empty fake bridge. */
export function createFakeBridge(): FakeBridge {
  const handlers = new Map<ChannelName, (input: unknown) => unknown>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: { channel: ChannelName; input: unknown }[] = [];
  return {
    mode: "web",
    calls,
    handle(channel, handler) {
      handlers.set(channel, handler as (input: unknown) => unknown);
    },
    async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      calls.push({ channel, input });
      const handler = handlers.get(channel);
      if (!handler) throw bridgeFailure("internal", `no fake handler for ${channel}`);
      return (await handler(input)) as ChannelOutput<C>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
    },
    listenerCount(event) {
      return listeners.get(event)?.size ?? 0;
    },
    callsTo<C extends ChannelName>(channel: C) {
      return calls.filter((c) => c.channel === channel).map((c) => c.input as ChannelInput<C>);
    },
  };
}
