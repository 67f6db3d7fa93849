// Benchmarks (Node): the simulator in a process of its own (the built CLI), so the code being
// measured does not share its event loop and CPU time with the server answering it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BUILT_CLI = fileURLToPath(new URL("../../dist/electron/simulator.mjs", import.meta.url));
const SOURCE_CLI = fileURLToPath(new URL("../../electron/simulator/cli.ts", import.meta.url));

/** A simulator running in a child process. */
export interface ExternalSimulator {
  url: string;
  /** How it was started, for the bench's notes. */
  command: string;
  close(): Promise<void>;
}

/**
 * Spawns `node dist/electron/simulator.mjs` with `flags` (e.g. ["--fixed-latency-ms", "50"]) on a
 * free port and resolves once it prints its URL. Without a build (`npm run build`), it runs the
 * source through tsx instead and says so in `command`.
 */
export function startExternalSimulator(flags: readonly string[]): Promise<ExternalSimulator> {
  const built = existsSync(BUILT_CLI);
  const args = built ? [BUILT_CLI] : ["--import", "tsx", SOURCE_CLI];
  const all = [...args, "--port", "0", "--token-delay-ms", "0", ...flags];
  const child = spawn(process.execPath, all, { stdio: ["ignore", "pipe", "pipe"] });
  const command = `${built ? "node dist/electron/simulator.mjs" : "node --import tsx electron/simulator/cli.ts (no build found)"} ${flags.join(" ")}`.trim();
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/v1/.exec(output);
      if (!match) return;
      child.stdout.off("data", onData);
      // Keep draining its output so a full pipe never blocks it.
      child.stdout.resume();
      resolve({
        url: match[0],
        command,
        close: async () => {
          if (child.exitCode === null) child.kill("SIGTERM");
          await exited;
        },
      });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the simulator exited (code ${code}) before listening: ${output.trim()}`)));
  });
}
