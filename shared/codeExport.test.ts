// Tests: exported code carries the request exactly (escaping), never a key, and the production extras.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ChatRequest } from "./chatRequest";
import { exportCode, jsLiteral, pythonLiteral, shellQuote, type ExportOptions } from "./codeExport";

const dir = mkdtempSync(join(tmpdir(), "dojo-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Text that breaks naive quoting in every language at once. */
const TRICKY = `It's a "quote", a 'single', $HOME and \${x}, \`ls\`, back\\slash, \\n literal,\nnew line, tab\t, ünïcødé 🎉, \u2028 separator, ''' and """ and %s`;

const request: ChatRequest = {
  model: "gpt-4.1-mini",
  messages: [
    { role: "system", content: "Be brief." },
    { role: "user", content: TRICKY, name: "ada" },
  ],
  temperature: 0.2,
  stop: ["END'\""],
};

const structured: ChatRequest = {
  ...request,
  response_format: {
    type: "json_schema",
    json_schema: {
      name: "ticket",
      strict: true,
      schema: { type: "object", properties: { title: { type: "string" } }, required: ["title"], additionalProperties: false },
    },
  },
};

const variants: Omit<ExportOptions, "language">[] = [
  {},
  { stream: true },
  { production: true },
  { production: true, stream: true },
];

function write(name: string, code: string): string {
  const file = join(dir, name);
  writeFileSync(file, code);
  return file;
}

/** Runs a curl snippet with `curl` replaced by a shell function that prints its arguments. */
function curlArguments(code: string): string[] {
  const fake = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n`;
  const file = write("curl.sh", code.replace("#!/bin/sh\n", `#!/bin/sh\n${fake}`));
  return execFileSync("sh", [file], { env: { PATH: process.env.PATH, OPENAI_API_KEY: "test-key" } }).toString().split("\0");
}

function pythonValue(literal: string): unknown {
  return JSON.parse(execFileSync("python3", ["-c", `import json, sys\nsys.stdout.write(json.dumps(${literal}))`]).toString());
}

describe("literal writers", () => {
  it("shellQuote survives a real shell unchanged", () => {
    const out = execFileSync("sh", ["-c", `printf %s ${shellQuote(TRICKY)}`]).toString();
    expect(out).toBe(TRICKY);
  });

  it("jsLiteral evaluates back to the same value", () => {
    const value = { a: TRICKY, "odd-key": [1, 2.5, true, null, { "": "empty key" }], nested: { list: [] } };
    expect(new Function(`return ${jsLiteral(value)};`)()).toEqual(value);
  });

  it("pythonLiteral evaluates back to the same value in Python", () => {
    const value = { a: TRICKY, b: [1, 2.5, true, false, null, { c: {} }], big: 1e21 };
    expect(pythonValue(pythonLiteral(value))).toEqual(value);
  });
});

describe("exportCode", () => {
  for (const variant of variants) {
    const label = JSON.stringify(variant);

    it(`curl ${label}: the shell passes the exact body, and the key only as $OPENAI_API_KEY`, () => {
      const code = exportCode(structured, { language: "curl", ...variant });
      const args = curlArguments(code);
      const body = JSON.parse(args[args.indexOf("-d") + 1] ?? "");
      expect(body.messages).toEqual(structured.messages);
      expect(body.stop).toEqual(structured.stop);
      expect(body.stream === true).toBe(variant.stream === true);
      expect(args).toContain("Authorization: Bearer test-key");
      expect(code).toContain('"Authorization: Bearer $OPENAI_API_KEY"');
      expect(args[0]).toBe("https://api.openai.com/v1/chat/completions");
    });

    it(`node ${label}: is valid JavaScript whose request equals the original`, () => {
      const code = exportCode(structured, { language: "node", ...variant });
      execFileSync(process.execPath, ["--check", write("snippet.mjs", code)]);
      const literal = /\nconst request = ([\s\S]*?);\n\n/.exec(code)?.[1] ?? "";
      const value = new Function(`return ${literal};`)();
      expect(value.messages).toEqual(structured.messages);
      expect(value.response_format).toEqual(structured.response_format);
      expect(code).toContain("apiKey: process.env.OPENAI_API_KEY");
      expect(code).toContain('import OpenAI from "openai";');
    });

    it(`python ${label}: compiles, and its request equals the original`, () => {
      const code = exportCode(structured, { language: "python", ...variant });
      execFileSync("python3", ["-m", "py_compile", write("snippet.py", code)]);
      const literal = /\nrequest = ([\s\S]*?)\n\n/.exec(code)?.[1] ?? "";
      const value = pythonValue(literal) as Record<string, unknown>;
      expect(value.messages).toEqual(structured.messages);
      expect(value.response_format).toEqual(structured.response_format);
      expect(code).toContain('api_key=os.environ["OPENAI_API_KEY"]');
    });
  }

  it("writes a custom base URL (trailing slash trimmed) and leaves OpenAI's default out of SDK code", () => {
    const local = "http://127.0.0.1:11434/v1/";
    expect(exportCode(request, { language: "node", baseURL: local })).toContain('baseURL: "http://127.0.0.1:11434/v1",');
    expect(exportCode(request, { language: "python", baseURL: local })).toContain('base_url="http://127.0.0.1:11434/v1",');
    expect(curlArguments(exportCode(request, { language: "curl", baseURL: local }))[0]).toBe("http://127.0.0.1:11434/v1/chat/completions");
    expect(exportCode(request, { language: "node", baseURL: "https://api.openai.com/v1" })).not.toContain("baseURL");
    expect(exportCode(request, { language: "python" })).not.toContain("base_url");
  });

  it("adds a timeout, retries and error handling only in production", () => {
    const plainNode = exportCode(request, { language: "node" });
    const prodNode = exportCode(request, { language: "node", production: true });
    expect(plainNode).not.toMatch(/maxRetries|timeout/);
    expect(prodNode).toMatch(/timeout: 60000,/);
    expect(prodNode).toMatch(/maxRetries: 3,/);
    expect(prodNode).toContain("err instanceof OpenAI.APIError");
    const prodPython = exportCode(request, { language: "python", production: true });
    expect(prodPython).toMatch(/timeout=60\.0,/);
    expect(prodPython).toMatch(/max_retries=3,/);
    expect(prodPython).toContain("except openai.APIStatusError as err:");
    const prodCurl = curlArguments(exportCode(request, { language: "curl", production: true }));
    expect(prodCurl).toEqual(expect.arrayContaining(["--retry", "3", "--max-time", "60", "--fail-with-body"]));
    expect(curlArguments(exportCode(request, { language: "curl" }))).not.toContain("--retry");
  });

  it("validates structured answers in production only when a json_schema format is set", () => {
    expect(exportCode(structured, { language: "node", production: true })).toContain("ajv.compile(request.response_format.json_schema.schema)");
    expect(exportCode(request, { language: "node", production: true })).not.toContain("ajv");
    expect(exportCode(structured, { language: "node" })).not.toContain("ajv");
    expect(exportCode(structured, { language: "python", production: true })).toContain("Draft202012Validator(schema");
    expect(exportCode(request, { language: "python", production: true })).not.toContain("jsonschema");
    expect(exportCode(structured, { language: "curl", production: true })).toMatch(/curl cannot check the answer/);
  });

  it("streams with include_usage and a handler that accumulates choices in production", () => {
    const node = exportCode(request, { language: "node", production: true, stream: true });
    expect(node).toContain("stream_options: { include_usage: true }");
    expect(node).toContain("for await (const chunk of stream)");
    expect(node).toContain("answer.toolCalls");
    const python = exportCode(request, { language: "python", production: true, stream: true });
    expect(python).toContain('"stream": True');
    expect(python).toContain("for chunk in stream:");
    expect(curlArguments(exportCode(request, { language: "curl", stream: true }))).toContain("--no-buffer");
  });

  it("never contains anything shaped like a key", () => {
    for (const language of ["curl", "node", "python"] as const) {
      for (const variant of variants) {
        const code = exportCode(structured, { language, ...variant });
        expect(code).not.toMatch(/sk-[A-Za-z0-9]/);
        expect(code).toMatch(/OPENAI_API_KEY/);
      }
    }
  });
});
