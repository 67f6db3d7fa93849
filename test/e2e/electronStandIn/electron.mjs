// Tests (Node, child process): a recording stand-in for the `electron` module, so the built main
// bundle runs under plain Node. It records what the bundle asks of Electron, enforces the ordering
// rules Electron enforces (before/after "ready", one handler per channel), and answers the test's
// commands over the child-process IPC channel (fire a navigation, open a window, fetch app://, invoke
// a channel, quit). It decides nothing for the app: every answer comes from the bundle's own handlers.
import { EventEmitter } from "node:events";

/** @type {{ api: string, ready: boolean, [key: string]: unknown }[]} */
const calls = [];
let ready = false;
let readyScheduled = false;
/** @type {() => void} */
let resolveReady = () => {};
const readyPromise = new Promise((resolve) => (resolveReady = resolve));

/** Records one call to the Electron API; `detail` must be serialisable. */
function record(api, detail = {}) {
  calls.push({ api, ready, ...detail });
  process.send?.({ type: "call", api });
}

/** Electron's Event: default actions can be cancelled. */
class StandInEvent {
  defaultPrevented = false;
  preventDefault() {
    this.defaultPrevented = true;
  }
}

/** Throws as Electron does when an API is used on the wrong side of "ready". */
function requireReady(api, wanted) {
  if (ready !== wanted) throw new Error(`${api} ${wanted ? "cannot be used before" : "must be called before"} the app is ready`);
}

const appEvents = new EventEmitter();

export const app = {
  enableSandbox() {
    requireReady("app.enableSandbox()", false);
    record("app.enableSandbox");
  },
  /** Ready comes one turn after the first whenReady(), as in Electron, after the entry's top level. */
  whenReady() {
    record("app.whenReady");
    if (!readyScheduled) {
      readyScheduled = true;
      setImmediate(() => {
        ready = true;
        record("ready");
        appEvents.emit("ready", new StandInEvent(), {});
        resolveReady();
      });
    }
    return readyPromise;
  },
  isReady: () => ready,
  on(event, listener) {
    record("app.on", { event });
    appEvents.on(event, listener);
    return app;
  },
  once(event, listener) {
    record("app.once", { event });
    appEvents.once(event, listener);
    return app;
  },
  getPath(name) {
    record("app.getPath", { name });
    if (name === "userData" && process.env.DOJO_STANDIN_USER_DATA) return process.env.DOJO_STANDIN_USER_DATA;
    throw new Error(`the stand-in has no path for "${name}"`);
  },
  getVersion: () => "0.1.0",
  getName: () => "Prompt Dojo",
  quit() {
    record("app.quit");
    setImmediate(runQuit);
  },
  exit(code) {
    record("app.exit", { code });
    finish(code ?? 0);
  },
};

/** Electron's quit sequence: before-quit, then will-quit; either may be cancelled, else quit and exit. */
function runQuit() {
  for (const name of ["before-quit", "will-quit"]) {
    const event = new StandInEvent();
    appEvents.emit(name, event);
    record(`event:${name}`, { prevented: event.defaultPrevented });
    if (event.defaultPrevented) return;
  }
  appEvents.emit("quit", new StandInEvent(), 0);
  finish(0);
}

/** Sends the final record (with the handles still open after the app's own shutdown) and exits. */
function finish(code) {
  const resources = process.getActiveResourcesInfo();
  if (!process.send) process.exit(code);
  process.send({ type: "exit", code, calls, resources }, () => process.exit(code));
}

let nextWebContentsId = 1;
/** A WebContents with a main frame on whatever URL was last loaded. */
function createWebContents() {
  const contents = new EventEmitter();
  const id = nextWebContentsId++;
  let openHandler = null;
  Object.assign(contents, {
    id,
    mainFrame: { url: "about:blank", parent: null, processId: 100 + id, routingId: 1 },
    sent: [],
    isDestroyed: () => false,
    send(channel, ...args) {
      contents.sent.push([channel, ...args]);
    },
    setWindowOpenHandler(handler) {
      record("webContents.setWindowOpenHandler", { webContents: id });
      openHandler = handler;
    },
    openWindow: (details) => (openHandler ? openHandler(details) : { action: "allow" }),
  });
  const on = contents.on.bind(contents);
  contents.on = (event, listener) => {
    record("webContents.on", { webContents: id, event });
    return on(event, listener);
  };
  return contents;
}

/** @type {BrowserWindow[]} */
const windows = [];

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return [...windows];
  }

  constructor(options) {
    super();
    requireReady("new BrowserWindow()", true);
    record("new BrowserWindow", { options });
    this.webContents = createWebContents();
    windows.push(this);
    appEvents.emit("web-contents-created", new StandInEvent(), this.webContents);
  }

  loadURL(url) {
    record("BrowserWindow.loadURL", { url });
    this.webContents.mainFrame.url = url;
    setImmediate(() => this.emit("ready-to-show"));
    return Promise.resolve();
  }

  loadFile(path) {
    record("BrowserWindow.loadFile", { path });
    return Promise.resolve();
  }

  show() {
    record("BrowserWindow.show");
  }
}

const protocolHandlers = new Map();

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    requireReady("protocol.registerSchemesAsPrivileged()", false);
    record("protocol.registerSchemesAsPrivileged", { schemes });
  },
  handle(scheme, handler) {
    requireReady("protocol.handle()", true);
    if (protocolHandlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    record("protocol.handle", { scheme });
    protocolHandlers.set(scheme, handler);
  },
};

const sessionHandlers = { permissionRequest: null, permissionCheck: null, headersReceived: null };

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      record("session.setPermissionRequestHandler");
      sessionHandlers.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler) {
      record("session.setPermissionCheckHandler");
      sessionHandlers.permissionCheck = handler;
    },
    webRequest: {
      onHeadersReceived(listener) {
        record("session.webRequest.onHeadersReceived");
        sessionHandlers.headersReceived = listener;
      },
    },
  },
};

const invokeHandlers = new Map();

export const ipcMain = {
  handle(channel, listener) {
    // Electron refuses a second handler for one channel.
    if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    record("ipcMain.handle", { channel });
    invokeHandlers.set(channel, listener);
  },
  removeHandler(channel) {
    record("ipcMain.removeHandler", { channel });
    invokeHandlers.delete(channel);
  },
  on(channel) {
    record("ipcMain.on", { channel });
  },
};

export const shell = {
  openExternal(url) {
    record("shell.openExternal", { url });
    return Promise.resolve();
  },
};

export const dialog = {
  showErrorBox(title, content) {
    record("dialog.showErrorBox", { title, content });
    console.error(`${title}: ${content}`);
  },
};

export default { app, BrowserWindow, dialog, ipcMain, protocol, session, shell };

/** The one window's webContents (the test opens nothing else). */
function windowContents() {
  const window = windows[0];
  if (!window) throw new Error("no window was opened");
  return window.webContents;
}

/** The test's commands; each answers with plain data. */
const commands = {
  state: () => ({ calls, resources: process.getActiveResourcesInfo() }),
  navigate({ event, url }) {
    const standInEvent = new StandInEvent();
    windowContents().emit(event, standInEvent, url);
    return { prevented: standInEvent.defaultPrevented };
  },
  openWindow: ({ url }) => windowContents().openWindow({ url, frameName: "", features: "", disposition: "new-window" }),
  async request({ url, method, initiatorOrigin }) {
    const handler = protocolHandlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`no protocol handler for ${url}`);
    const request = Object.assign(new Request(url, { method }), initiatorOrigin === undefined ? {} : { initiatorOrigin });
    const response = await handler(request);
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  },
  async invoke({ channel, input, frameURL }) {
    const listener = invokeHandlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    const sender = windowContents();
    const senderFrame = { ...sender.mainFrame, url: frameURL };
    return listener({ sender, senderFrame, frameId: 1, processId: senderFrame.processId }, input);
  },
  /** Logs through the process's console, as the app's own code would (the test reads the output). */
  log: ({ text }) => {
    console.error(text);
    return { logged: true };
  },
  quit: () => {
    app.quit();
    return { quitting: true };
  },
};

process.on("message", async (message) => {
  const { id, command, args } = message;
  try {
    const value = await commands[command](args ?? {});
    process.send({ type: "reply", id, ok: true, value });
  } catch (err) {
    process.send({ type: "reply", id, ok: false, error: String(err?.stack ?? err) });
  }
});
