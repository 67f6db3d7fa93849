// Tests (main process): the IPC door with a fake ipcMain and fake invoke events.
import { describe, expect, it, vi } from "vitest";
import { channelNames, type CallResult, type ChannelName } from "../shared/contract";
import type { Handlers } from "./dispatch";
import {
  IPC_EVENT_CHANNEL,
  ipcChannelFor,
  isTrustedSender,
  registerIpc,
  type FrameLike,
  type InvokeEventLike,
  type IpcMainLike,
} from "./ipc";
import { APP_ENTRY_URL } from "./appProtocol";

const ENTRY = APP_ENTRY_URL;
const RUN_ID = "4f2b9c8e-3d1a-4b7e-9f60-2c5d8e1a7b34";

/** Every channel answers "not used"; a test overrides the ones it needs. */
function handlersWith(overrides: Partial<Handlers>): Handlers {
  const all = Object.fromEntries(
    channelNames.map((c) => [c, async () => { throw new Error(`${c} is not used in this test`); }]),
  ) as unknown as Handlers;
  return { ...all, ...overrides };
}

/** A fake ipcMain that keeps the registered listeners so a test can invoke them. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`); // as Electron does
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const invoke = (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args) as Promise<CallResult<ChannelName>>;
  };
  return { ipcMain, handlers, invoke };
}

function frame(url: string, overrides: Partial<FrameLike> = {}): FrameLike {
  return { url, parent: null, processId: 4, routingId: 1, ...overrides };
}

/** An invoke event from the window's main frame at `url`, recording what is sent back. */
function eventFrom(url: string, options: { subframe?: boolean; destroyed?: boolean; noFrame?: boolean } = {}) {
  const main = frame(url);
  const sent: unknown[][] = [];
  const senderFrame = options.noFrame ? null : options.subframe ? frame(url, { parent: main, routingId: 7 }) : main;
  const event: InvokeEventLike = {
    senderFrame,
    sender: {
      mainFrame: main,
      isDestroyed: () => options.destroyed ?? false,
      send: (channel, ...args) => void sent.push([channel, ...args]),
    },
  };
  return { event, sent };
}

describe("isTrustedSender", () => {
  it("trusts the app's own page in the main frame", () => {
    expect(isTrustedSender(eventFrom(ENTRY).event, { appEntryURL: ENTRY })).toBe(true);
    expect(isTrustedSender(eventFrom(`${ENTRY}#/settings`).event, { appEntryURL: ENTRY })).toBe(true);
  });

  it("trusts a distinct wrapper object of the same main frame", () => {
    const { event } = eventFrom(ENTRY);
    const copy: InvokeEventLike = { ...event, senderFrame: { ...event.sender.mainFrame } };
    expect(isTrustedSender(copy, { appEntryURL: ENTRY })).toBe(true);
  });

  it("refuses other pages, subframes and vanished frames", () => {
    const policy = { appEntryURL: ENTRY };
    expect(isTrustedSender(eventFrom("file:///home/me/evil.html").event, policy)).toBe(false);
    // The built page opened from disk is not the app any more: only app:// is.
    expect(isTrustedSender(eventFrom("file:///app/dist/renderer/index.html").event, policy)).toBe(false);
    expect(isTrustedSender(eventFrom("app://prompt-dojo/assets/other.html").event, policy)).toBe(false);
    expect(isTrustedSender(eventFrom("app://evil/index.html").event, policy)).toBe(false);
    expect(isTrustedSender(eventFrom("https://evil.example/").event, policy)).toBe(false);
    expect(isTrustedSender(eventFrom("about:blank").event, policy)).toBe(false);
    expect(isTrustedSender(eventFrom(ENTRY, { subframe: true }).event, policy)).toBe(false);
    expect(isTrustedSender(eventFrom(ENTRY, { noFrame: true }).event, policy)).toBe(false);
  });

  it("refuses a top-level frame that is not the sender's main frame", () => {
    const { event } = eventFrom(ENTRY);
    const other: InvokeEventLike = { ...event, senderFrame: frame(ENTRY, { processId: 9, routingId: 3 }) };
    expect(isTrustedSender(other, { appEntryURL: ENTRY })).toBe(false);
  });
});

describe("registerIpc", () => {
  it("registers each contract channel exactly once, and unregisters them all", () => {
    const fake = fakeIpcMain();
    const unregister = registerIpc(fake.ipcMain, handlersWith({}), { appEntryURL: ENTRY });
    expect([...fake.handlers.keys()].sort()).toEqual(channelNames.map(ipcChannelFor).sort());
    expect(() => registerIpc(fake.ipcMain, handlersWith({}), { appEntryURL: ENTRY })).toThrow(/second handler/);
    unregister();
    expect(fake.handlers.size).toBe(0);
  });

  it("answers a good call from the app with the handler's value", async () => {
    const fake = fakeIpcMain();
    const handler = vi.fn(async () => ({ cancelled: true }));
    registerIpc(fake.ipcMain, handlersWith({ "chat.cancel": handler }), { appEntryURL: ENTRY });
    const result = await fake.invoke(ipcChannelFor("chat.cancel"), eventFrom(ENTRY).event, { runId: RUN_ID });
    expect(result).toEqual({ ok: true, value: { cancelled: true } });
    expect(handler).toHaveBeenCalledWith({ runId: RUN_ID }, expect.anything());
  });

  it("refuses an untrusted sender before the handler or even the schema runs", async () => {
    const fake = fakeIpcMain();
    const handler = vi.fn(async () => ({ cancelled: true }));
    registerIpc(fake.ipcMain, handlersWith({ "chat.cancel": handler }), { appEntryURL: ENTRY });
    for (const { event } of [eventFrom("https://evil.example/"), eventFrom(ENTRY, { subframe: true })]) {
      const result = await fake.invoke(ipcChannelFor("chat.cancel"), event, { runId: RUN_ID });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.kind).toBe("permission");
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("returns a typed invalid_input error for bad input, and the handler never runs", async () => {
    const fake = fakeIpcMain();
    const handler = vi.fn(async () => ({ cancelled: true }));
    registerIpc(fake.ipcMain, handlersWith({ "chat.cancel": handler }), { appEntryURL: ENTRY });
    const result = await fake.invoke(ipcChannelFor("chat.cancel"), eventFrom(ENTRY).event, { runId: "not-a-uuid" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe("invalid_input");
    expect(!result.ok && result.error.message).toMatch(/runId/);
    expect(handler).not.toHaveBeenCalled();
  });

  it("has no handler for a channel outside the contract", async () => {
    const fake = fakeIpcMain();
    registerIpc(fake.ipcMain, handlersWith({}), { appEntryURL: ENTRY });
    expect(() => fake.invoke("dojo:shell.exec", eventFrom(ENTRY).event, {})).toThrow(/No handler/);
    expect(() => fake.invoke("dojo:constructor", eventFrom(ENTRY).event, {})).toThrow(/No handler/);
  });

  it("redacts known secrets from handler errors", async () => {
    const fake = fakeIpcMain();
    const key = "sk-proj-abcdefghijklmnopqrstuvwx";
    registerIpc(
      fake.ipcMain,
      handlersWith({ "app.info": async () => { throw new Error(`boom with ${key}`); } }),
      { appEntryURL: ENTRY, secrets: () => [key] },
    );
    const result = await fake.invoke(ipcChannelFor("app.info"), eventFrom(ENTRY).event, {});
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain("abcdefghijkl");
  });

  it("sends events emitted by a handler to the calling webContents on the event channel", async () => {
    const fake = fakeIpcMain();
    const payload = { runId: RUN_ID, deltas: [{ index: 0, content: "Hi" }] };
    registerIpc(
      fake.ipcMain,
      handlersWith({
        "chat.cancel": async (_input, ctx) => {
          ctx.emit("chat.delta", payload);
          return { cancelled: false };
        },
      }),
      { appEntryURL: ENTRY },
    );
    const caller = eventFrom(ENTRY);
    await fake.invoke(ipcChannelFor("chat.cancel"), caller.event, { runId: RUN_ID });
    expect(caller.sent).toEqual([[IPC_EVENT_CHANNEL, { event: "chat.delta", payload }]]);
  });

  it("drops events for a webContents that has been destroyed", async () => {
    const fake = fakeIpcMain();
    registerIpc(
      fake.ipcMain,
      handlersWith({
        "chat.cancel": async (_input, ctx) => {
          ctx.emit("chat.delta", { runId: RUN_ID, deltas: [] });
          return { cancelled: false };
        },
      }),
      { appEntryURL: ENTRY },
    );
    const caller = eventFrom(ENTRY, { destroyed: true });
    const result = await fake.invoke(ipcChannelFor("chat.cancel"), caller.event, { runId: RUN_ID });
    expect(result.ok).toBe(true);
    expect(caller.sent).toEqual([]);
  });
});
