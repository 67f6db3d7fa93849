// Integration tests: JSON nested 10,000 deep, sent to every contract channel through the dispatcher
// and through the web door over real HTTP, against the real app core: always invalid_input, never
// an internal error or a 5xx. Texts a service parses as JSON (schemas, answers, imports) likewise.
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { channelNames, channels, type CallResult, type ChannelName } from "../../shared/contract";
import { defaultChatRequest } from "../../shared/chatRequest";
import { dispatch } from "../../electron/dispatch";
import { startWebHost, type WebHost } from "../../electron/web";
import type { AppCore } from "../../electron/app";
import { startTestCore } from "../fixtures/testCore";

const DEPTH = 10_000;
const deepArrayText = "[".repeat(DEPTH) + "]".repeat(DEPTH);
const deepObjectText = '{"a":'.repeat(DEPTH) + "1" + "}".repeat(DEPTH);
const deepArray: unknown = JSON.parse(deepArrayText);
const deepObject: unknown = JSON.parse(deepObjectText);

/** The top-level field names of a channel's input schema (an object schema), or none. */
function fieldsOf(channel: ChannelName): string[] {
  const schema = channels[channel].input as ZodType & { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

/** A chat request whose response format carries `schema`: the sink the audit found. */
function requestWithSchema(schema: unknown) {
  return { ...defaultChatRequest(), response_format: { type: "json_schema", json_schema: { name: "deep", strict: false, schema } } };
}

/**
 * Inputs a channel's schema could otherwise accept, each hiding a 10,000-deep value: the whole input,
 * each top-level field in turn, and the JSON-Schema slots of the requests the audit reproduced.
 */
function deepInputsFor(channel: ChannelName): { label: string; input: unknown }[] {
  const inputs: { label: string; input: unknown }[] = [
    { label: "deep array", input: deepArray },
    { label: "deep object", input: deepObject },
    ...fieldsOf(channel).map((field) => ({ label: `deep ${field}`, input: { [field]: deepObject } })),
  ];
  const request = requestWithSchema(deepObject);
  const targeted: Partial<Record<ChannelName, unknown>> = {
    "schema.validate": { text: "1", schema: deepObject },
    "safety.preview": { request },
    "draft.save": { version: 1, profileId: "simulator", request, updatedAt: 1 },
    "experiments.create": { name: "deep", state: { profileId: "simulator", request } },
    "chat.start": { runId: "0b7f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b", profileId: "simulator", request },
  };
  if (channel in targeted) inputs.push({ label: "deep JSON Schema", input: targeted[channel] });
  return inputs;
}

let dataDir: string;
let core: AppCore;
let host: WebHost;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "dojo-deep-"));
  core = await startTestCore(dataDir);
  host = await startWebHost({ handlers: core.handlers, knownSecrets: core.knownSecrets, staticDir: dataDir });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await core?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** One POST to the web door with a raw body text; resolves with the status and the parsed answer. */
function post(channel: string, body: string): Promise<{ status: number; result: CallResult<ChannelName> }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: host.port,
        method: "POST",
        path: `/api/${channel}`,
        headers: { host: `127.0.0.1:${host.port}`, "content-type": "application/json", "x-dojo-token": host.token },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          try {
            resolve({ status: res.statusCode ?? 0, result: JSON.parse(text) as CallResult<ChannelName> });
          } catch (err) {
            reject(new Error(`${channel}: HTTP ${res.statusCode}, not JSON: ${text.slice(0, 200)} (${String(err)})`));
          }
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The input a value is sent as over HTTP: its JSON text, built without JSON.stringify (it would overflow). */
function bodyOf(label: string, input: unknown, channel: ChannelName): string {
  if (input === deepArray) return deepArrayText;
  if (input === deepObject) return deepObjectText;
  // Every other input holds deepObject once: stringify with a placeholder, then splice the text in.
  const marker = "\u0000deep\u0000";
  const text = JSON.stringify(input, (_key, value: unknown) => (value === deepObject ? marker : value));
  if (!text.includes(JSON.stringify(marker))) throw new Error(`${channel} ${label}: no deep value to splice`);
  return text.replace(JSON.stringify(marker), deepObjectText);
}

describe("JSON nested 10,000 deep", () => {
  it("is invalid_input on every contract channel through the dispatcher", async () => {
    const wrong: string[] = [];
    for (const channel of channelNames) {
      for (const { label, input } of deepInputsFor(channel)) {
        const result = await dispatch(core.handlers, channel, input, { emit() {} }, core.knownSecrets);
        if (result.ok || result.error.kind !== "invalid_input") wrong.push(`${channel} (${label}): ${result.ok ? "accepted" : `${result.error.kind}: ${result.error.message.slice(0, 120)}`}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("is invalid_input on every contract channel through the web door, never a 5xx", async () => {
    const wrong: string[] = [];
    for (const channel of channelNames) {
      for (const { label, input } of deepInputsFor(channel)) {
        const { status, result } = await post(channel, bodyOf(label, input, channel));
        if (status >= 500 || result.ok || result.error.kind !== "invalid_input") {
          wrong.push(`${channel} (${label}): HTTP ${status} ${result.ok ? "accepted" : `${result.error.kind}: ${result.error.message.slice(0, 120)}`}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);
});

describe("texts the services parse as JSON, nested 10,000 deep", () => {
  it("schema.check answers with a problem saying so", async () => {
    const result = await dispatch(core.handlers, "schema.check", { text: deepObjectText }, { emit() {} });
    expect(result).toEqual({ ok: true, value: { problems: [expect.objectContaining({ severity: "error", message: expect.stringMatching(/nested more than 100 levels/) })] } });
  });

  it("schema.validate refuses the answer text, and the web door can send that answer", async () => {
    const { status, result } = await post("schema.validate", JSON.stringify({ text: deepArrayText, schema: { type: "array" } }));
    expect(status).toBe(200);
    expect(result).toEqual({ ok: true, value: { ok: false, parsed: false, errors: [{ path: "$", message: expect.stringMatching(/nested more than 100 levels/) }] } });
  });

  it("a dataset import with an over-deep line is refused as invalid_input, naming the line", async () => {
    const text = `{"q":"fine"}\n{"q":${deepObjectText}}\n`;
    const result = await dispatch(core.handlers, "evals.datasets.import", { name: "deep", fileName: "deep.jsonl", text }, { emit() {} });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe("invalid_input");
      expect(result.error.message).toMatch(/line 2/);
    }
  });

  it("an experiment import of an over-deep file is refused as invalid_input", async () => {
    const result = await dispatch(core.handlers, "experiments.import", { text: deepObjectText }, { emit() {} });
    expect(result.ok ? "accepted" : result.error.kind).toBe("invalid_input");
  });
});
