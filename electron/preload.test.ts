// Tests (preload): the surface of `window.dojo`, built over a fake ipcRenderer; electron is mocked.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { channelNames, eventNames } from "../shared/contract";

const exposed = vi.hoisted(() => ({ calls: [] as [string, unknown][] }));

vi.mock("electron", () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.calls.push([key, api]) },
  ipcRenderer: { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined },
}));

const { createDojoApi } = await import("./preload");
const { IPC_EVENT_CHANNEL, ipcChannelFor } = await import("./ipc");

type Listener = (event: unknown, ...args: unknown[]) => void;

/** An ipcRenderer double: records invokes, keeps listeners, can deliver a message like Electron. */
function fakeIpcRenderer() {
  const listeners = new Map<string, Set<Listener>>();
  const invoked: unknown[][] = [];
  return {
    invoked,
    listeners,
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => {
      invoked.push([channel, ...args]);
      return { ok: true, value: { echoed: channel } };
    }),
    on(channel: string, listener: Listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener);
    },
    /** Delivers a message as Electron does: an IpcRendererEvent first, then the arguments. */
    deliver(channel: string, message: unknown) {
      const electronEvent = { sender: "the raw ipcRenderer", senderId: 0 };
      for (const listener of listeners.get(channel) ?? []) listener(electronEvent, message);
    },
    count(channel: string) {
      return listeners.get(channel)?.size ?? 0;
    },
  };
}

describe("the preload module", () => {
  it("exposes exactly one frozen object, as window.dojo", () => {
    expect(exposed.calls).toHaveLength(1);
    const [key, api] = exposed.calls[0]!;
    expect(key).toBe("dojo");
    expect(Object.isFrozen(api)).toBe(true);
  });
});

describe("createDojoApi", () => {
  let ipc: ReturnType<typeof fakeIpcRenderer>;
  beforeEach(() => {
    ipc = fakeIpcRenderer();
  });

  it("has exactly one call per channel and one subscribe function per event, all frozen", () => {
    const api = createDojoApi(ipc);
    expect(Object.keys(api).sort()).toEqual(["calls", "events"]);
    expect(Object.keys(api.calls).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(api.events).sort()).toEqual([...eventNames].sort());
    expect(Object.isFrozen(api) && Object.isFrozen(api.calls) && Object.isFrozen(api.events)).toBe(true);
    for (const fn of [...Object.values(api.calls), ...Object.values(api.events)]) expect(typeof fn).toBe("function");
  });

  it("offers nothing generic: no invoke, send or ipcRenderer anywhere on it", () => {
    const api = createDojoApi(ipc) as unknown as Record<string, unknown>;
    for (const name of ["invoke", "send", "on", "ipcRenderer", "sendSync"]) expect(api[name]).toBeUndefined();
    expect(JSON.stringify(Object.keys(api.calls as object))).not.toMatch(/invoke|send/);
  });

  it("forwards a call to its own IPC channel with exactly one argument", async () => {
    const api = createDojoApi(ipc);
    const result = await (api.calls["chat.cancel"] as (input: unknown, extra?: unknown) => Promise<unknown>)(
      { runId: "x" },
      "smuggled",
    );
    expect(ipc.invoked).toEqual([[ipcChannelFor("chat.cancel"), { runId: "x" }]]);
    expect(result).toEqual({ ok: true, value: { echoed: "dojo:chat.cancel" } });
  });

  it("gives listeners only the payload of their own event, never Electron's event object", () => {
    const api = createDojoApi(ipc);
    const deltas: unknown[][] = [];
    const finished: unknown[][] = [];
    api.events["chat.delta"]((...args: unknown[]) => deltas.push(args));
    api.events["chat.finished"]((...args: unknown[]) => finished.push(args));
    ipc.deliver(IPC_EVENT_CHANNEL, { event: "chat.delta", payload: { runId: "r", deltas: [] } });
    expect(deltas).toEqual([[{ runId: "r", deltas: [] }]]);
    expect(finished).toEqual([]);
  });

  it("ignores malformed messages on the event channel", () => {
    const api = createDojoApi(ipc);
    const seen: unknown[] = [];
    api.events["chat.delta"]((payload) => seen.push(payload));
    for (const message of [null, "chat.delta", { payload: 1 }, { event: 42, payload: 1 }]) ipc.deliver(IPC_EVENT_CHANNEL, message);
    expect(seen).toEqual([]);
  });

  it("unsubscribes, and removes its IPC listener once nobody listens", () => {
    const api = createDojoApi(ipc);
    const seen: unknown[] = [];
    const offA = api.events["chat.delta"]((p) => seen.push(["a", p]));
    const offB = api.events["chat.failed"]((p) => seen.push(["b", p]));
    expect(ipc.count(IPC_EVENT_CHANNEL)).toBe(1); // one router, however many subscribers
    offA();
    ipc.deliver(IPC_EVENT_CHANNEL, { event: "chat.delta", payload: 1 });
    expect(seen).toEqual([]);
    expect(ipc.count(IPC_EVENT_CHANNEL)).toBe(1);
    offB();
    expect(ipc.count(IPC_EVENT_CHANNEL)).toBe(0);
    offB(); // twice is harmless
    api.events["chat.delta"]((p) => seen.push(["c", p]));
    ipc.deliver(IPC_EVENT_CHANNEL, { event: "chat.delta", payload: 2 });
    expect(seen).toEqual([["c", 2]]);
  });

  it("keeps delivering to other listeners when one throws", () => {
    const api = createDojoApi(ipc);
    const seen: unknown[] = [];
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    api.events["chat.delta"](() => {
      throw new Error("listener bug");
    });
    api.events["chat.delta"]((p) => seen.push(p));
    ipc.deliver(IPC_EVENT_CHANNEL, { event: "chat.delta", payload: 3 });
    expect(seen).toEqual([3]);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it("refuses a subscription without a function", () => {
    const api = createDojoApi(ipc);
    expect(() => api.events["chat.delta"]("nope" as unknown as () => void)).toThrow(TypeError);
  });
});
