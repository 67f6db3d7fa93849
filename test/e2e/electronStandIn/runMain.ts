// Tests (Node): starts the built desktop entry (dist/electron/main.mjs) in a child Node process with
// the `electron` stand-in, and drives it through the stand-in's commands.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One recorded call to the Electron API, with whether the app was ready at that moment. */
export interface RecordedCall {
  api: string;
  ready: boolean;
  [detail: string]: unknown;
}

/** What the stand-in reports when the process exits. */
export interface ExitReport {
  code: number;
  calls: RecordedCall[];
  /** process.getActiveResourcesInfo() after the app's own shutdown, just before exit. */
  resources: string[];
}

/** A running main bundle under the stand-in. */
export interface StandInMain {
  /** Sends one stand-in command and returns its answer (rejects with the stand-in's error). */
  command<T = unknown>(command: string, args?: Record<string, unknown>): Promise<T>;
  /** Resolves when the process exits: the stand-in's exit report, or null if it died without one. */
  exited: Promise<{ code: number | null; report: ExitReport | null }>;
  output(): string;
  kill(): void;
}

export const MAIN_BUNDLE = "dist/electron/main.mjs";
const REGISTER = fileURLToPath(new URL("./register.mjs", import.meta.url));

/**
 * Forks `node --import register.mjs dist/electron/main.mjs` and resolves once the bundle has asked
 * the window to load a URL (its start-up is then complete), or rejects with its output.
 */
export async function startMainUnderStandIn(env: Record<string, string>): Promise<StandInMain> {
  if (!existsSync(MAIN_BUNDLE)) throw new Error(`${MAIN_BUNDLE} is missing: run \`node scripts/build.mjs\` first`);
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  delete childEnv.OPENAI_API_KEY;
  const child: ChildProcess = fork(MAIN_BUNDLE, [], {
    execArgv: ["--import", REGISTER],
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  let report: ExitReport | null = null;
  let onLoaded: () => void = () => {};
  const loaded = new Promise<void>((resolve) => (onLoaded = resolve));
  child.on("message", (message: { type: string; api?: string; id?: number; ok?: boolean; value?: unknown; error?: string } & Partial<ExitReport>) => {
    if (message.type === "call" && message.api === "BrowserWindow.loadURL") onLoaded();
    if (message.type === "exit") report = { code: message.code ?? -1, calls: message.calls ?? [], resources: message.resources ?? [] };
    if (message.type === "reply" && message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.value);
      else waiter?.reject(new Error(message.error));
    }
  });
  const exited = new Promise<{ code: number | null; report: ExitReport | null }>((resolve) => {
    child.on("exit", (code) => {
      for (const waiter of pending.values()) waiter.reject(new Error(`the main process exited (${code}):\n${output}`));
      resolve({ code, report });
    });
  });

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      loaded,
      exited.then(({ code }) => {
        throw new Error(`the main bundle exited (${code}) before loading a window:\n${output}`);
      }),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`the main bundle loaded no window in 60 s:\n${output}`)), 60_000);
      }),
    ]);
  } catch (err) {
    if (child.exitCode === null) child.kill("SIGKILL");
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return {
    command<T>(command: string, args?: Record<string, unknown>): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, command, args });
      });
    },
    exited,
    output: () => output,
    kill: () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
