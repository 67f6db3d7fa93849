// Tests (Node): the CLI starts the simulator, prints its URL, applies its flags, and exits cleanly on SIGTERM.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));

/** Spawns the CLI with `args` and waits for its base URL; `output()` is what it printed on stdout and stderr so far. */
async function startCli(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/v1/.exec(output);
      if (match) resolve(match[0]);
    });
    child.once("exit", () => reject(new Error(`the CLI exited early: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, url, exited, output: () => output };
}

describe("simulator CLI", () => {
  it("prints the base URL, answers there, and closes on SIGTERM with exit code 0", async () => {
    const { child, url, exited, output } = await startCli(["--port", "0", "--token-delay-ms", "0", "--require-key", "sk-cli-test-key-0000"]);
    try {
      expect((await fetch(`${url}/models`, { headers: { authorization: "Bearer sk-cli-test-key-0000" } })).status).toBe(200);
      expect((await fetch(`${url}/models`, { headers: { authorization: "Bearer another-key" } })).status).toBe(401);
      // The key is used, never printed.
      expect(output()).not.toContain("sk-cli-test-key-0000");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(output()).toContain("SIGTERM: closing the simulator");
  });

  it("pauses every answer for --fixed-latency-ms, and refuses a value that is not a whole number", async () => {
    const { child, url, exited } = await startCli(["--port", "0", "--token-delay-ms", "0", "--fixed-latency-ms", "400"]);
    try {
      const body = JSON.stringify({ model: "sim-chat-1", messages: [{ role: "user", content: "hi" }] });
      const started = performance.now();
      const response = await fetch(`${url}/chat/completions`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer x" }, body });
      expect(response.status).toBe(200);
      // A lower bound only: the pause cannot be shorter than asked, however busy the machine is.
      expect(performance.now() - started).toBeGreaterThanOrEqual(400);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);

    const bad = spawn(process.execPath, ["--import", "tsx", cli, "--fixed-latency-ms", "fast"], { stdio: ["ignore", "pipe", "pipe"] });
    let errors = "";
    bad.stderr.on("data", (d: Buffer) => (errors += d.toString()));
    const badCode = await new Promise<number | null>((resolve) => bad.once("exit", (code) => resolve(code)));
    expect({ badCode, errors }).toMatchObject({ badCode: 2 });
    expect(errors).toContain("--fixed-latency-ms needs a whole number");
  });
});
