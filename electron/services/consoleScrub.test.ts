// Tests: the main side's console output carries no known secret, piece of one or key-shaped string.
import { Console } from "node:console";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { scrubConsole } from "./consoleScrub";
import { addSecretSource } from "./knownSecrets";

const KEY = "project-key-ConsoleScrub-0123456789abcdef";
let removeSource: () => void = () => {};
afterEach(() => removeSource());

/** A real Console over two streams, and what each stream received. */
function recordingConsole() {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = "";
  let stderr = "";
  out.on("data", (c: Buffer) => (stdout += c.toString()));
  err.on("data", (c: Buffer) => (stderr += c.toString()));
  const target = new Console({ stdout: out, stderr: err, colorMode: false });
  return { target, text: () => stdout + stderr, stderr: () => stderr };
}

describe("scrubConsole", () => {
  it("removes a known key, an 8-character piece of it and a key shape from every method's output", () => {
    removeSource = addSecretSource(() => [KEY]);
    const { target, text, stderr } = recordingConsole();
    scrubConsole(target);
    const error = new Error(`provider said: invalid key ${KEY}`);
    target.error("usage log:", error);
    target.warn("header x-request-id: req_%s", KEY.slice(-10));
    target.log({ answer: `echo ${KEY}` });
    target.info("stray sk-proj-AbCdEfGh12345678 in text");
    target.debug(["ConsoleScrub"]);
    expect(stderr()).toContain("usage log: Error: provider said: invalid key [redacted]");
    expect(text()).toContain("[redacted]");
    for (const leak of [KEY, KEY.slice(-10), KEY.slice(8, 16), "sk-proj-AbCdEfGh12345678", "ConsoleScrub"]) expect(text()).not.toContain(leak);
  });

  it("passes ordinary lines through unchanged, and wraps only once", () => {
    removeSource = addSecretSource(() => [KEY]);
    const { target, text } = recordingConsole();
    scrubConsole(target);
    const once = target.log;
    scrubConsole(target);
    expect(target.log).toBe(once);
    target.log("Prompt Dojo (web mode): %s", "http://127.0.0.1:4000/");
    expect(text()).toBe("Prompt Dojo (web mode): http://127.0.0.1:4000/\n");
  });

  it("leaves the key in when not installed (the test can fail)", () => {
    removeSource = addSecretSource(() => [KEY]);
    const { target, text } = recordingConsole();
    target.error(KEY);
    expect(text()).toContain(KEY);
  });
});
