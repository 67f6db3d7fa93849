// Preload (sandboxed, bundled as CommonJS): exposes `window.dojo`, one frozen object with one
// function per contract channel and one subscribe function per event. Nothing generic, no ipcRenderer.
import { contextBridge, ipcRenderer } from "electron";
import { channelNames, eventNames, type CallResult, type ChannelName, type EventName } from "../shared/contract";
import { IPC_EVENT_CHANNEL, ipcChannelFor } from "./ipc";

/** The parts of Electron's ipcRenderer the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** A listener of one event: it receives the payload only, never Electron's event object. */
export type PayloadListener = (payload: unknown) => void;

/** What the renderer sees as `window.dojo` (renderer/bridge.ts reads it, and only it). */
export interface DojoApi {
  readonly calls: Readonly<Record<ChannelName, (input: unknown) => Promise<CallResult<ChannelName>>>>;
  readonly events: Readonly<Record<EventName, (listener: PayloadListener) => () => void>>;
}

/**
 * Builds the api object over an ipcRenderer-like object. Events arrive on one IPC channel as
 * `{ event, payload }`; one IPC listener (added on the first subscription, removed after the
 * last) routes them by name.
 */
export function createDojoApi(ipc: IpcRendererLike): DojoApi {
  const listeners = new Map<string, Set<PayloadListener>>();
  let subscribed = false;

  const route = (_event: unknown, message: unknown): void => {
    if (typeof message !== "object" || message === null) return;
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (typeof event !== "string") return;
    for (const listener of [...(listeners.get(event) ?? [])]) {
      // One failing listener must not starve the others of the event.
      try {
        listener(payload);
      } catch (err) {
        console.error(`dojo: a listener of ${event} threw`, err);
      }
    }
  };

  const subscribe = (event: EventName, listener: PayloadListener): (() => void) => {
    if (typeof listener !== "function") throw new TypeError(`dojo.events["${event}"] needs a function`);
    // Wrap so the same function subscribed twice gets two independent subscriptions.
    const entry: PayloadListener = (payload) => listener(payload);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(entry);
    if (!subscribed) {
      ipc.on(IPC_EVENT_CHANNEL, route);
      subscribed = true;
    }
    return () => {
      listeners.get(event)?.delete(entry);
      const anyLeft = [...listeners.values()].some((s) => s.size > 0);
      if (!anyLeft && subscribed) {
        ipc.removeListener(IPC_EVENT_CHANNEL, route);
        subscribed = false;
      }
    };
  };

  const calls = {} as Record<ChannelName, (input: unknown) => Promise<CallResult<ChannelName>>>;
  for (const channel of channelNames) {
    // Exactly one argument crosses; the main side validates it against the contract.
    calls[channel] = (input: unknown) => ipc.invoke(ipcChannelFor(channel), input) as Promise<CallResult<ChannelName>>;
  }
  const events = {} as Record<EventName, (listener: PayloadListener) => () => void>;
  for (const event of eventNames) events[event] = (listener) => subscribe(event, listener);

  return Object.freeze({ calls: Object.freeze(calls), events: Object.freeze(events) });
}

contextBridge.exposeInMainWorld("dojo", createDojoApi(ipcRenderer));
