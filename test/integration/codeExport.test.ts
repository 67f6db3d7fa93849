// Integration: exported curl and Node snippets really run against the simulator (through a small
// recording proxy that can also answer 429 once), and exported Python compiles.
import { execFile } from "node:child_process";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../electron/simulator/server";
import type { ChatRequest } from "../../shared/chatRequest";
import { exportCode, type ExportOptions } from "../../shared/codeExport";
import { countRequestTokens } from "../../shared/tokens";

const run = promisify(execFile);

// Inside the project, so the snippets' `import "openai"` resolves from its node_modules.
const tmpRoot = resolve(__dirname, "../../.tmp");
mkdirSync(tmpRoot, { recursive: true });
const dir = mkdtempSync(join(tmpRoot, "codeExport-"));

const TRICKY = `It's a "quote", $HOME, \${x}, \`ls\`, back\\slash,\nnew line, ünïcødé 🎉 and '''triple'''`;

const textRequest: ChatRequest = {
  model: "sim-chat-1",
  temperature: 0, // the simulator answers the same prompt the same way at temperature 0
  messages: [
    { role: "system", content: "You explain things in one short paragraph." },
    { role: "user", content: TRICKY },
  ],
  max_completion_tokens: 60,
};

const structuredRequest: ChatRequest = {
  ...textRequest,
  max_completion_tokens: undefined,
  response_format: {
    type: "json_schema",
    json_schema: {
      name: "ticket",
      strict: true,
      schema: {
        type: "object",
        properties: { title: { type: "string" }, priority: { type: "string", enum: ["low", "high"] }, count: { type: "integer" } },
        required: ["title", "priority", "count"],
        additionalProperties: false,
      },
    },
  },
};

let sim: RunningSimulator;
let proxy: Server;
let proxyBase: string;
/** Request bodies the proxy saw, by snippet name. */
const seen = new Map<string, { status: number; body: Record<string, unknown> }[]>();

/**
 * Forwards /<name>/<mode>/v1/... to the simulator and records each body under <name>. With mode
 * "flaky" the first request of a name gets 429 with retry-after: 1, as a busy real service would.
 */
function startProxy(target: RunningSimulator): Promise<Server> {
  const server = createServer((req: IncomingMessage, res) => {
    const match = /^\/([^/]+)\/(ok|flaky)(\/v1\/.*)$/.exec(req.url ?? "");
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (!match) {
        res.writeHead(404).end();
        return;
      }
      const [, name = "", mode, path] = match;
      const raw = Buffer.concat(chunks);
      const log = seen.get(name) ?? [];
      seen.set(name, log);
      const first = log.length === 0;
      const body = raw.length ? (JSON.parse(raw.toString("utf8")) as Record<string, unknown>) : {};
      if (mode === "flaky" && first) {
        log.push({ status: 429, body });
        res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
        res.end(JSON.stringify({ error: { message: "Rate limit reached (test proxy).", type: "requests", param: null, code: "rate_limit_exceeded" } }));
        return;
      }
      log.push({ status: 200, body });
      const upstream = httpRequest(
        { host: "127.0.0.1", port: target.port, path, method: req.method, headers: { ...req.headers, host: `127.0.0.1:${target.port}` } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.end(raw);
    });
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

beforeAll(async () => {
  sim = await startSimulator({ tokenDelayMs: 0 });
  proxy = await startProxy(sim);
  const address = proxy.address();
  proxyBase = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise<void>((done) => (proxy ? proxy.close(() => done()) : done()));
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the simulator answers to a request, asked directly (no snippet involved). */
async function directAnswer(request: ChatRequest): Promise<{ content: string; promptTokens: number }> {
  const res = await fetch(`${sim.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer test" },
    body: JSON.stringify(request),
  });
  const body = (await res.json()) as { choices: { message: { content: string } }[]; usage: { prompt_tokens: number } };
  return { content: body.choices[0]?.message.content ?? "", promptTokens: body.usage.prompt_tokens };
}

/** Writes and runs one exported snippet; returns its output. */
async function runSnippet(name: string, request: ChatRequest, opts: ExportOptions & { mode?: "ok" | "flaky" }, env: Record<string, string> = {}) {
  const baseURL = `${proxyBase}/${name}/${opts.mode ?? "ok"}/v1`;
  const code = exportCode(request, { ...opts, baseURL: opts.baseURL === undefined ? baseURL : opts.baseURL });
  const file = join(dir, `${name}.${opts.language === "curl" ? "sh" : "mjs"}`);
  writeFileSync(file, code);
  const command = opts.language === "curl" ? "sh" : process.execPath;
  const { stdout, stderr } = await run(command, [file], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", HOME: dir, OPENAI_API_KEY: "test", ...env },
    timeout: 25_000,
  });
  return { stdout, stderr, baseURL };
}

/** The text of a streamed answer, from the server-sent events curl printed. */
function textFromEvents(stdout: string): { text: string; done: boolean } {
  let text = "";
  let done = false;
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("data: ")) continue;
    const data = line.slice("data: ".length);
    if (data === "[DONE]") {
      done = true;
      continue;
    }
    const chunk = JSON.parse(data) as { choices: { delta?: { content?: string } }[] };
    text += chunk.choices[0]?.delta?.content ?? "";
  }
  return { text, done };
}

describe("exported curl", () => {
  it("plain: sends the exact request and prints the completion", async () => {
    const expected = await directAnswer(textRequest);
    const { stdout } = await runSnippet("curl-plain", textRequest, { language: "curl" });
    const body = JSON.parse(stdout) as { choices: { message: { content: string } }[]; usage: { prompt_tokens: number } };
    expect(body.choices[0]?.message.content).toBe(expected.content);
    expect(seen.get("curl-plain")?.[0]?.body).toEqual(textRequest);
    // The app's estimate before sending agrees with what the simulator counted.
    expect(body.usage.prompt_tokens).toBe(countRequestTokens(textRequest).total);
  });

  it("streaming: prints server-sent events that add up to the answer", async () => {
    const expected = await directAnswer(textRequest);
    const { stdout } = await runSnippet("curl-stream", textRequest, { language: "curl", stream: true });
    expect(textFromEvents(stdout)).toEqual({ text: expected.content, done: true });
  });

  it("production: retries a 429 after its retry-after and prints only the final answer", async () => {
    const expected = await directAnswer(textRequest);
    const { stdout } = await runSnippet("curl-prod", textRequest, { language: "curl", production: true, mode: "flaky" });
    expect(seen.get("curl-prod")?.map((r) => r.status)).toEqual([429, 200]);
    expect(seen.get("curl-prod")?.[1]?.body).toEqual(textRequest); // the body is sent again, whole
    const body = JSON.parse(stdout) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]?.message.content).toBe(expected.content);
  });

  it("production streaming: retries, then streams the answer", async () => {
    const expected = await directAnswer(textRequest);
    const { stdout } = await runSnippet("curl-prod-stream", textRequest, { language: "curl", production: true, stream: true, mode: "flaky" });
    expect(seen.get("curl-prod-stream")?.map((r) => r.status)).toEqual([429, 200]);
    expect(textFromEvents(stdout)).toEqual({ text: expected.content, done: true });
  });

  it("production: exits non-zero and shows the error when the server keeps refusing", async () => {
    const code = exportCode(textRequest, { language: "curl", production: true, baseURL: `${sim.url}` });
    // The simulator's "invalid_key" failure is not retried (401 is not transient).
    const file = join(dir, "curl-401.sh");
    writeFileSync(file, code.replace('-H "Authorization', "-H 'x-dojo-simulate: invalid_key' \\\n  -H \"Authorization"));
    const failure = await run("sh", [file], { env: { PATH: process.env.PATH ?? "", OPENAI_API_KEY: "test" } }).catch((e: { code: number; stdout: string }) => e);
    expect((failure as { code: number }).code).toBe(22);
    expect((failure as { stdout: string }).stdout).toMatch(/invalid_api_key|Incorrect API key/);
  });
});

describe("exported Node", () => {
  it("plain: prints the answer", async () => {
    const expected = await directAnswer(textRequest);
    const { stdout } = await runSnippet("node-plain", textRequest, { language: "node" });
    expect(stdout).toBe(`${expected.content}\n`);
    expect(seen.get("node-plain")?.[0]?.body).toEqual(textRequest);
  });

  it("plain without a baseURL: follows OPENAI_BASE_URL, as the SDK does", async () => {
    const expected = await directAnswer(textRequest);
    const { stdout } = await runSnippet("node-env", textRequest, { language: "node", baseURL: "" }, { OPENAI_BASE_URL: `${proxyBase}/node-env/ok/v1` });
    expect(stdout).toBe(`${expected.content}\n`);
    expect(seen.get("node-env")).toHaveLength(1);
  });

  it("streaming: prints the answer as it arrives", async () => {
    const expected = await directAnswer(textRequest);
    const { stdout } = await runSnippet("node-stream", textRequest, { language: "node", stream: true });
    expect(stdout).toBe(`${expected.content}\n`);
    expect(seen.get("node-stream")?.[0]?.body).toMatchObject({ ...textRequest, stream: true });
  });

  it("production: retries a 429 and prints the answer and token counts", async () => {
    const expected = await directAnswer(textRequest);
    const { stdout, stderr } = await runSnippet("node-prod", textRequest, { language: "node", production: true, mode: "flaky" });
    expect(seen.get("node-prod")?.map((r) => r.status)).toEqual([429, 200]);
    expect(stdout).toBe(`${expected.content}\n`);
    expect(stderr).toContain(`tokens: ${expected.promptTokens} in,`);
  });

  it("production streaming: retries, streams, and reports usage", async () => {
    const expected = await directAnswer(textRequest);
    const { stdout, stderr } = await runSnippet("node-prod-stream", textRequest, { language: "node", production: true, stream: true, mode: "flaky" });
    expect(seen.get("node-prod-stream")?.map((r) => r.status)).toEqual([429, 200]);
    expect(stdout).toBe(`${expected.content}\n`);
    expect(stderr).toContain(`tokens: ${expected.promptTokens} in,`);
  });

  it("production with a schema: parses and validates the structured answer", async () => {
    const expected = JSON.parse((await directAnswer(structuredRequest)).content) as unknown;
    const { stdout } = await runSnippet("node-prod-schema", structuredRequest, { language: "node", production: true });
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it("production streaming with a schema: validates the streamed answer", async () => {
    const expected = (await directAnswer(structuredRequest)).content;
    const { stdout, stderr } = await runSnippet("node-prod-schema-stream", structuredRequest, { language: "node", production: true, stream: true });
    expect(stdout).toBe(`${expected}\n`);
    expect(stderr).toContain("choice 0: the answer matches the schema");
  });

  it("production with a schema: fails loudly when the answer breaks the schema", async () => {
    // The snippet validates against a stricter copy of the schema (count must be a string), so the
    // simulator's schema-valid answer (count is an integer) must be refused.
    const code = exportCode(structuredRequest, { language: "node", production: true, baseURL: sim.url }).replace(
      "const validateAnswer = ajv.compile(request.response_format.json_schema.schema);",
      'const validateAnswer = ajv.compile({ ...request.response_format.json_schema.schema, properties: { ...request.response_format.json_schema.schema.properties, count: { type: "string" } } });',
    );
    const file = join(dir, "node-bad-schema.mjs");
    writeFileSync(file, code);
    const failure = await run(process.execPath, [file], { cwd: dir, env: { PATH: process.env.PATH ?? "", OPENAI_API_KEY: "test" } }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((failure as { code: number }).code).toBe(1);
    expect((failure as { stderr: string }).stderr).toMatch(/does not match the schema: data\/count must be string/);
  });
});

describe("exported Python", () => {
  const variants: Omit<ExportOptions, "language">[] = [{}, { stream: true }, { production: true }, { production: true, stream: true }];
  for (const variant of variants) {
    it(`compiles ${JSON.stringify(variant)} (the openai package is not installed here, so it is not run)`, async () => {
      for (const [label, request] of [["text", textRequest], ["schema", structuredRequest]] as const) {
        const file = join(dir, `py_${label}_${variant.production ? "prod" : "plain"}_${variant.stream ? "stream" : "once"}.py`);
        writeFileSync(file, exportCode(request, { language: "python", baseURL: `${proxyBase}/python/ok/v1`, ...variant }));
        await expect(run("python3", ["-m", "py_compile", file])).resolves.toBeDefined();
      }
    });
  }
});
