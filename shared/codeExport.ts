// Both processes: turns a playground request into code a learner can run outside the app (curl,
// Node with the openai SDK, Python with the openai package). The key is always read from the
// OPENAI_API_KEY environment variable: there is no way to pass a key in.
import { redactSecrets } from "./redact";
import type { ChatRequest } from "./chatRequest";

/** What to export. */
export interface ExportOptions {
  language: "curl" | "node" | "python";
  /** Base URL of an OpenAI-compatible server; omitted or OpenAI's own means the SDK default. */
  baseURL?: string;
  /** Add a timeout, retries with backoff, error handling and checking of structured answers. */
  production?: boolean;
  /** Stream the answer as it is generated. */
  stream?: boolean;
}

/** OpenAI's API base URL, which the SDKs use when none is given. */
export const DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** Seconds one attempt may take in production snippets, and how many retries follow a failure. */
export const PRODUCTION_SETTINGS = Object.freeze({ timeoutSeconds: 60, maxRetries: 3, streamIdleSeconds: 60 });

const KEY_NOTE = "The key is read from the OPENAI_API_KEY environment variable: never paste a key into this file.";

/** Quotes a string for a POSIX shell: inside single quotes nothing is special but the quote itself. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Containers whose one-line form is at most this long stay on one line, like `{ type: "string" }`. */
const INLINE_WIDTH = 60;

/** A JSON value written as a JavaScript or Python literal, indented by `unit` per level. */
function literal(value: unknown, language: "js" | "python", unit: string, level = 0): string {
  if (value === null || value === undefined) return language === "python" ? "None" : "null";
  if (typeof value === "boolean") return language === "python" ? (value ? "True" : "False") : String(value);
  // JSON.stringify's string escapes (\" \\ \n \uXXXX) mean the same in JS (ES2019+) and Python 3;
  // it never emits \/ and leaves `$`, backticks and non-ASCII text as they are.
  if (typeof value === "string" || typeof value === "number") return JSON.stringify(value);
  const key = (k: string) => (language === "js" && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : JSON.stringify(k));
  const isArray = Array.isArray(value);
  const items = isArray
    ? (value as unknown[]).map((v) => (inner: number) => literal(v, language, unit, inner))
    : Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => (inner: number) => `${key(k)}: ${literal(v, language, unit, inner)}`);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  if (items.length === 0) return open + close;
  const space = !isArray && language === "js" ? " " : "";
  // Only small values are tried on one line, so rendering stays linear in the size of the request.
  if (JSON.stringify(value).length <= INLINE_WIDTH) {
    const oneLine = `${open}${space}${items.map((item) => item(0)).join(", ")}${space}${close}`;
    if (oneLine.length <= INLINE_WIDTH) return oneLine;
  }
  const pad = unit.repeat(level + 1);
  return `${open}\n${items.map((item) => pad + item(level + 1)).join(",\n")},\n${unit.repeat(level)}${close}`;
}

/** A JSON value as a JavaScript literal (identifier keys unquoted, two-space indent). */
export function jsLiteral(value: unknown): string {
  return literal(value, "js", "  ");
}

/** A JSON value as a Python literal (True, False, None; four-space indent). */
export function pythonLiteral(value: unknown): string {
  return literal(value, "python", "    ");
}

/** The request body as sent: the playground request plus the streaming fields. */
function wireBody(request: ChatRequest, stream: boolean): Record<string, unknown> {
  return stream ? { ...request, stream: true, stream_options: { include_usage: true } } : { ...request };
}

/** The base URL to write into code, or null when the SDK default (OpenAI) applies. */
function customBaseURL(baseURL: string | undefined): string | null {
  const trimmed = (baseURL ?? "").trim().replace(/\/+$/, "");
  return !trimmed || trimmed === DEFAULT_BASE_URL ? null : trimmed;
}

/** What the answer-handling code must cover for this request. */
interface Features {
  stream: boolean;
  production: boolean;
  /** json_schema response format: parse the answer (and validate it when a schema is given). */
  structured: boolean;
  hasSchema: boolean;
  tools: boolean;
}

function featuresOf(request: ChatRequest, opts: ExportOptions): Features {
  const format = request.response_format;
  const structured = format?.type === "json_schema";
  return {
    stream: opts.stream === true,
    production: opts.production === true,
    structured,
    hasSchema: structured && format.json_schema.schema !== undefined,
    tools: (request.tools?.length ?? 0) > 0,
  };
}

function curlCode(request: ChatRequest, opts: ExportOptions, f: Features): string {
  const url = `${customBaseURL(opts.baseURL) ?? DEFAULT_BASE_URL}/chat/completions`;
  const lines = ["#!/bin/sh", "# Chat completion with curl (exported from Prompt Dojo).", `# ${KEY_NOTE}`];
  const flags: string[] = [];
  if (f.stream) {
    lines.push("# The answer arrives as server-sent events: one `data: {json}` line per chunk, then `data: [DONE]`.");
    flags.push("--no-buffer");
  }
  const buffered = f.production && !f.stream;
  if (f.production) {
    const { timeoutSeconds, maxRetries, streamIdleSeconds } = PRODUCTION_SETTINGS;
    lines.push(
      `# Production settings: --retry ${maxRetries} retries timeouts and HTTP 408, 429, 500, 502, 503, 504, waiting`,
      "# as the Retry-After header says (curl 7.66+) or else 1 s, 2 s, 4 s...; --fail-with-body (curl 7.76+)",
      "# makes curl exit non-zero on an HTTP error while still printing the error body.",
    );
    flags.push("--silent", "--show-error", "--fail-with-body", "--connect-timeout 10");
    if (f.stream) {
      lines.push(
        `# A stream may run long, so instead of a total deadline it is stopped when idle for ${streamIdleSeconds} s.`,
        "# The error body of an attempt that is retried is printed too, before the stream of the next attempt.",
      );
      flags.push(`--speed-limit 1 --speed-time ${streamIdleSeconds}`);
    } else {
      lines.push("# The answer goes to a temporary file first: curl empties it before each retry, so only the last reply is shown.");
      flags.push(`--max-time ${timeoutSeconds}`);
    }
    flags.push(`--retry ${maxRetries}`, `--retry-max-time ${timeoutSeconds * (maxRetries + 1)}`);
    if (buffered) flags.push('--output "$response"');
    if (f.structured) {
      lines.push("# curl cannot check the answer against the JSON schema: export to Node or Python for that.");
    }
  }
  const command = [
    `curl ${shellQuote(url)}`,
    ...flags,
    `-H ${shellQuote("Content-Type: application/json")}`,
    '-H "Authorization: Bearer $OPENAI_API_KEY"',
    `-d ${shellQuote(JSON.stringify(wireBody(request, f.stream), null, 2))}`,
  ].join(" \\\n  ");
  if (!buffered) return `${lines.join("\n")}\n${command}\n`;
  return [
    ...lines,
    'response=$(mktemp) || exit 1',
    "trap 'rm -f \"$response\"' EXIT",
    command,
    "status=$?",
    'cat "$response"',
    "echo",
    'exit "$status"',
    "",
  ].join("\n");
}

/** Node: the client, the request, then the answer handling the features call for. */
function nodeCode(request: ChatRequest, opts: ExportOptions, f: Features): string {
  const base = customBaseURL(opts.baseURL);
  const out = [
    "// Chat completion with the official openai package (exported from Prompt Dojo).",
    `// Run: npm install openai${f.production && f.hasSchema ? " ajv ajv-formats" : ""}, save as chat.mjs, then: node chat.mjs`,
    `// ${KEY_NOTE}`,
    'import OpenAI from "openai";',
  ];
  if (f.production && f.hasSchema) out.push('import Ajv2020 from "ajv/dist/2020.js";', 'import addFormats from "ajv-formats";');
  out.push("", "const client = new OpenAI({", "  apiKey: process.env.OPENAI_API_KEY,");
  if (base) out.push(`  baseURL: ${JSON.stringify(base)},`);
  if (f.production) {
    const { timeoutSeconds, maxRetries } = PRODUCTION_SETTINGS;
    out.push(
      `  // Give up on an attempt after ${timeoutSeconds} s; retry connection errors, 408, 409, 429 and 5xx up to`,
      `  // ${maxRetries} times with exponential backoff, waiting as the retry-after header says when there is one.`,
      `  timeout: ${timeoutSeconds * 1000},`,
      `  maxRetries: ${maxRetries},`,
    );
  }
  out.push("});", "", `const request = ${jsLiteral(wireBody(request, f.stream))};`, "");
  if (!f.production) {
    if (f.stream) {
      out.push(
        "const stream = await client.chat.completions.create(request);",
        "for await (const chunk of stream) {",
        '  process.stdout.write(chunk.choices[0]?.delta?.content ?? "");',
        "}",
        'process.stdout.write("\\n");',
      );
    } else {
      out.push(
        "const completion = await client.chat.completions.create(request);",
        "for (const choice of completion.choices) {",
        "  console.log(choice.message.content ?? JSON.stringify(choice.message.tool_calls, null, 2));",
        "}",
      );
    }
    return `${out.join("\n")}\n`;
  }
  if (f.structured) out.push(...nodeAnswerCheck(f), "");
  out.push("try {", ...(f.stream ? nodeStreamHandler(f) : nodeCompletionHandler(f)).map((l) => `  ${l}`));
  out.push(
    "} catch (err) {",
    "  if (err instanceof OpenAI.APIError) {",
    "    // Reached after the retries: quote the request id to support.",
    '    console.error(`OpenAI API error ${err.status ?? "(no response)"}: ${err.message} (request id: ${err.requestID ?? "none"})`);',
    "  } else {",
    "    console.error(err);",
    "  }",
    "  process.exitCode = 1;",
    "}",
  );
  return `${out.join("\n")}\n`;
}

function nodeAnswerCheck(f: Features): string[] {
  const lines: string[] = [];
  if (f.hasSchema) {
    lines.push(
      "const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));",
      "const validateAnswer = ajv.compile(request.response_format.json_schema.schema);",
      "",
    );
  }
  lines.push(
    "/** Parses a structured answer and checks it against the schema; throws saying what is wrong. */",
    "function parseAnswer(text, finishReason, refusal) {",
    "  if (refusal) throw new Error(`The model refused: ${refusal}`);",
    '  if (finishReason === "length") throw new Error("The answer was cut off (finish_reason \\"length\\"), so its JSON is incomplete.");',
    "  const data = JSON.parse(text);",
  );
  if (f.hasSchema) {
    lines.push("  if (!validateAnswer(data)) throw new Error(`The answer does not match the schema: ${ajv.errorsText(validateAnswer.errors)}`);");
  }
  lines.push("  return data;", "}");
  return lines;
}

function nodeCompletionHandler(f: Features): string[] {
  const body = f.structured
    ? [
        ...(f.tools ? ["if (choice.message.tool_calls?.length) {", "  console.log(JSON.stringify(choice.message.tool_calls, null, 2));", "  continue;", "}"] : []),
        "const data = parseAnswer(choice.message.content ?? \"\", choice.finish_reason, choice.message.refusal);",
        "console.log(JSON.stringify(data, null, 2));",
      ]
    : ["console.log(choice.message.content ?? JSON.stringify(choice.message.tool_calls, null, 2));"];
  return [
    "const completion = await client.chat.completions.create(request);",
    "for (const choice of completion.choices) {",
    ...body.map((l) => `  ${l}`),
    "}",
    "console.error(`tokens: ${completion.usage?.prompt_tokens} in, ${completion.usage?.completion_tokens} out`);",
  ];
}

function nodeStreamHandler(f: Features): string[] {
  const finish = f.structured
    ? [
        ...(f.tools ? ["  if (answer.toolCalls.length) return;"] : []),
        "  parseAnswer(answer.text, answer.finishReason, answer.refusal);",
        "  console.error(`choice ${index}: the answer matches the schema`);",
      ]
    : [];
  return [
    "const stream = await client.chat.completions.create(request);",
    "const answers = []; // per choice: text, refusal, tool calls and why it finished",
    "let usage = null;",
    "for await (const chunk of stream) {",
    "  if (chunk.usage) usage = chunk.usage;",
    "  for (const choice of chunk.choices) {",
    '    const answer = (answers[choice.index] ??= { text: "", refusal: "", toolCalls: [], finishReason: null });',
    "    const delta = choice.delta ?? {};",
    "    if (delta.content) {",
    "      answer.text += delta.content;",
    "      if (choice.index === 0) process.stdout.write(delta.content); // show the first choice as it arrives",
    "    }",
    "    if (delta.refusal) answer.refusal += delta.refusal;",
    "    for (const part of delta.tool_calls ?? []) {",
    '      const call = (answer.toolCalls[part.index] ??= { id: "", name: "", arguments: "" });',
    "      if (part.id) call.id = part.id;",
    "      if (part.function?.name) call.name += part.function.name;",
    "      if (part.function?.arguments) call.arguments += part.function.arguments;",
    "    }",
    "    if (choice.finish_reason) answer.finishReason = choice.finish_reason;",
    "  }",
    "}",
    'process.stdout.write("\\n");',
    "answers.forEach((answer, index) => {",
    "  if (index > 0) console.log(answer.text);",
    "  if (answer.toolCalls.length) console.log(JSON.stringify(answer.toolCalls, null, 2));",
    '  if (answer.finishReason === null) throw new Error("The stream ended before the answer was finished.");',
    ...finish,
    "});",
    "if (usage) console.error(`tokens: ${usage.prompt_tokens} in, ${usage.completion_tokens} out`);",
  ];
}

/** Python: the client, the request, then the answer handling the features call for. */
function pythonCode(request: ChatRequest, opts: ExportOptions, f: Features): string {
  const base = customBaseURL(opts.baseURL);
  const out = [
    "# Chat completion with the official openai package (exported from Prompt Dojo).",
    `# Run: pip install openai${f.production && f.hasSchema ? " jsonschema" : ""}, save as chat.py, then: python chat.py`,
    `# ${KEY_NOTE}`,
  ];
  const imports = f.production ? ["import json", "import os", "import sys", "", "import openai", "from openai import OpenAI"] : ["import os", "", "from openai import OpenAI"];
  if (f.production && f.hasSchema) imports.push("from jsonschema import Draft202012Validator");
  out.push(...imports, "", "client = OpenAI(", '    api_key=os.environ["OPENAI_API_KEY"],');
  if (base) out.push(`    base_url=${JSON.stringify(base)},`);
  if (f.production) {
    const { timeoutSeconds, maxRetries } = PRODUCTION_SETTINGS;
    out.push(
      `    # Give up on an attempt after ${timeoutSeconds} s; retry connection errors, 408, 409, 429 and 5xx up to`,
      `    # ${maxRetries} times with exponential backoff, waiting as the retry-after header says when there is one.`,
      `    timeout=${timeoutSeconds}.0,`,
      `    max_retries=${maxRetries},`,
    );
  }
  out.push(")", "", `request = ${pythonLiteral(wireBody(request, f.stream))}`, "");
  if (!f.production) {
    if (f.stream) {
      out.push(
        "stream = client.chat.completions.create(**request)",
        "for chunk in stream:",
        "    if chunk.choices and chunk.choices[0].delta.content:",
        '        print(chunk.choices[0].delta.content, end="", flush=True)',
        "print()",
      );
    } else {
      out.push(
        "completion = client.chat.completions.create(**request)",
        "for choice in completion.choices:",
        "    print(choice.message.content if choice.message.content is not None else choice.message.tool_calls)",
      );
    }
    return `${out.join("\n")}\n`;
  }
  if (f.structured) out.push(...pythonAnswerCheck(f), "", "");
  out.push("try:", ...(f.stream ? pythonStreamHandler(f) : pythonCompletionHandler(f)).map((l) => `    ${l}`));
  out.push(
    "except openai.APIStatusError as err:",
    "    # Reached after the retries: quote the request id to support.",
    '    print(f"OpenAI API error {err.status_code}: {err.message} (request id: {err.request_id})", file=sys.stderr)',
    "    sys.exit(1)",
    "except openai.APIConnectionError as err:  # also timeouts",
    '    print(f"Could not reach the API: {err}", file=sys.stderr)',
    "    sys.exit(1)",
  );
  if (f.structured || f.stream) {
    out.push("except (ValueError, RuntimeError) as err:  # an unusable answer", '    print(err, file=sys.stderr)', "    sys.exit(1)");
  }
  return `${out.join("\n")}\n`;
}

function pythonAnswerCheck(f: Features): string[] {
  const lines: string[] = [];
  if (f.hasSchema) {
    lines.push(
      'schema = request["response_format"]["json_schema"]["schema"]',
      "validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)",
      "",
      "",
    );
  }
  lines.push(
    "def parse_answer(text, finish_reason, refusal):",
    '    """Parses a structured answer and checks it against the schema; raises saying what is wrong."""',
    "    if refusal:",
    '        raise ValueError(f"The model refused: {refusal}")',
    '    if finish_reason == "length":',
    "        raise ValueError('The answer was cut off (finish_reason \"length\"), so its JSON is incomplete.')",
    "    data = json.loads(text)",
  );
  if (f.hasSchema) {
    lines.push(
      "    problems = [f\"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}\" for e in validator.iter_errors(data)]",
      "    if problems:",
      '        raise ValueError("The answer does not match the schema: " + "; ".join(problems))',
    );
  }
  lines.push("    return data");
  return lines;
}

function pythonCompletionHandler(f: Features): string[] {
  const body = f.structured
    ? [
        ...(f.tools ? ["if choice.message.tool_calls:", "    print(choice.message.tool_calls)", "    continue"] : []),
        'data = parse_answer(choice.message.content or "", choice.finish_reason, choice.message.refusal)',
        "print(json.dumps(data, indent=2, ensure_ascii=False))",
      ]
    : ["print(choice.message.content if choice.message.content is not None else choice.message.tool_calls)"];
  return [
    "completion = client.chat.completions.create(**request)",
    "for choice in completion.choices:",
    ...body.map((l) => `    ${l}`),
    "if completion.usage:",
    '    print(f"tokens: {completion.usage.prompt_tokens} in, {completion.usage.completion_tokens} out", file=sys.stderr)',
  ];
}

function pythonStreamHandler(f: Features): string[] {
  const finish = f.structured
    ? [
        ...(f.tools ? ["    if answer[\"tool_calls\"]:", "        continue"] : []),
        '    parse_answer(answer["text"], answer["finish_reason"], answer["refusal"])',
        '    print(f"choice {index}: the answer matches the schema", file=sys.stderr)',
      ]
    : [];
  return [
    "stream = client.chat.completions.create(**request)",
    "answers = {}  # per choice: text, refusal, tool calls and why it finished",
    "usage = None",
    "for chunk in stream:",
    "    if chunk.usage:",
    "        usage = chunk.usage",
    "    for choice in chunk.choices:",
    '        answer = answers.setdefault(choice.index, {"text": "", "refusal": "", "tool_calls": {}, "finish_reason": None})',
    "        delta = choice.delta",
    "        if delta.content:",
    '            answer["text"] += delta.content',
    "            if choice.index == 0:  # show the first choice as it arrives",
    '                print(delta.content, end="", flush=True)',
    "        if delta.refusal:",
    '            answer["refusal"] += delta.refusal',
    "        for part in delta.tool_calls or []:",
    '            call = answer["tool_calls"].setdefault(part.index, {"id": "", "name": "", "arguments": ""})',
    "            if part.id:",
    '                call["id"] = part.id',
    "            if part.function and part.function.name:",
    '                call["name"] += part.function.name',
    "            if part.function and part.function.arguments:",
    '                call["arguments"] += part.function.arguments',
    "        if choice.finish_reason:",
    '            answer["finish_reason"] = choice.finish_reason',
    "print()",
    "for index, answer in sorted(answers.items()):",
    "    if index > 0:",
    '        print(answer["text"])',
    '    if answer["tool_calls"]:',
    '        print(json.dumps(list(answer["tool_calls"].values()), indent=2))',
    '    if answer["finish_reason"] is None:',
    '        raise RuntimeError("The stream ended before the answer was finished.")',
    ...finish,
    "if usage:",
    '    print(f"tokens: {usage.prompt_tokens} in, {usage.completion_tokens} out", file=sys.stderr)',
  ];
}

/**
 * Code that sends `request` as a chat completion. curl targets a POSIX shell; Node is an ES module
 * (top-level await) using the `openai` package; Python uses the `openai` package. The key is never
 * a value in the code, always the OPENAI_API_KEY environment variable. `production` adds a timeout,
 * retries with backoff honouring retry-after, error reporting with the request id, a streaming
 * handler that accumulates every choice (text, refusal, tool calls), and, for a json_schema
 * response format, parsing and validating the answer (Node with ajv, Python with jsonschema).
 */
export function exportCode(request: ChatRequest, opts: ExportOptions): string {
  // A key pasted into a message must not end up in a snippet someone shares: the renderer knows no
  // key, so what it scrubs is anything shaped like one (the key itself never reaches it).
  return redactSecrets(codeFor(request, opts));
}

function codeFor(request: ChatRequest, opts: ExportOptions): string {
  const features = featuresOf(request, opts);
  switch (opts.language) {
    case "curl":
      return curlCode(request, opts, features);
    case "node":
      return nodeCode(request, opts, features);
    case "python":
      return pythonCode(request, opts, features);
  }
}
