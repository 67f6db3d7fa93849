// Tests (Node): the simulator's HTTP behaviour below the SDK: headers, routing, errors, failures
// on demand, and that close() and client disconnects release everything.
import { Agent, request as httpRequest, type IncomingMessage } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./server";
import { pendingWaits } from "./respond";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ slowFirstByteMs: 60 * 60 * 1000 });
});
afterAll(async () => {
  await sim.close();
});

const chatBody = { model: "sim-chat-1", messages: [{ role: "user", content: "Say something about streams." }] };

interface Raw {
  status: number;
  headers: IncomingMessage["headers"];
  text: string;
}

/** A request with node:http (no keep-alive agent), so tests control and observe the socket. */
function raw(
  target: RunningSimulator,
  path: string,
  options: { method?: string; body?: string; headers?: Record<string, string>; signal?: AbortSignal; agent?: Agent } = {},
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${target.url}${path}`,
      {
        method: options.method ?? (options.body === undefined ? "GET" : "POST"),
        agent: options.agent ?? false,
        headers: { "content-type": "application/json", authorization: "Bearer simulator-no-key", ...options.headers },
        signal: options.signal,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) => raw(sim, path, { body: JSON.stringify(body), headers });

/** Pauses and hangs in progress in the simulator (each holds a timer or a listener). */
function waits(): number {
  return pendingWaits();
}

/**
 * Polls until `check` holds (up to about 5 s). Unlike vi.waitFor it holds no timer while it
 * checks, so it can count the process's timers.
 */
async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await sleep(10);
  }
  expect(check()).toBe(true);
}

describe("headers on every response", () => {
  it.each([
    ["a completion", () => post("/chat/completions", chatBody)],
    ["a stream", () => post("/chat/completions", { ...chatBody, stream: true })],
    ["a 404", () => raw(sim, "/nowhere")],
    ["a 405", () => raw(sim, "/embeddings")],
    ["a 400", () => raw(sim, "/chat/completions", { body: "{" })],
    ["a simulated 429", () => raw(sim, "/models", { headers: { "x-dojo-simulate": "rate_limit" } })],
  ])("%s carries request id, processing time and rate-limit headers", async (_label, send) => {
    const { headers } = await send();
    expect(headers["x-request-id"]).toMatch(/^req_[0-9a-f]{32}$/);
    expect(Number(headers["openai-processing-ms"])).toBeGreaterThanOrEqual(0);
    for (const name of ["limit-requests", "limit-tokens", "remaining-requests", "remaining-tokens"]) {
      expect(headers[`x-ratelimit-${name}`]).toMatch(/^\d+$/);
    }
    expect(headers["x-ratelimit-reset-requests"]).toMatch(/^(\d+ms|[\d.]+s|\d+m[\d.]+s)$/);
    expect(headers["x-ratelimit-reset-tokens"]).toMatch(/^(\d+ms|[\d.]+s|\d+m[\d.]+s)$/);
  });

  it("gives every response its own request id", async () => {
    const ids = await Promise.all([1, 2, 3].map(() => raw(sim, "/models").then((r) => r.headers["x-request-id"])));
    expect(new Set(ids).size).toBe(3);
  });

  it("binds to 127.0.0.1 and reports its base URL", () => {
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}/v1`);
    expect(sim.port).toBeGreaterThan(0);
  });
});

describe("routing and request errors", () => {
  it("answers 405 with an Allow header for a known path with the wrong method", async () => {
    const response = await raw(sim, "/chat/completions", { method: "GET" });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("POST");
  });

  it("answers 404 unknown_url for an unknown path, model_not_found for an unknown model id", async () => {
    expect(JSON.parse((await raw(sim, "/fine_tuning/jobs")).text).error.code).toBe("unknown_url");
    // gpt-4o is in the model catalog now; a made-up id is not.
    const missing = await raw(sim, "/models/gpt-made-up-model");
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text).error.code).toBe("model_not_found");
  });

  it("refuses a body that is not JSON, with param and code null", async () => {
    const response = await raw(sim, "/chat/completions", { body: "{nope" });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error).toMatchObject({ param: null, code: null, type: "invalid_request_error" });
  });

  it.each([
    [{ model: "sim-chat-1" }, "messages"],
    [{ messages: chatBody.messages }, "model"],
    [{ ...chatBody, temperature: -1 }, "temperature"],
    [{ ...chatBody, n: 0 }, "n"],
    [{ ...chatBody, max_completion_tokens: 1.5 }, "max_completion_tokens"],
    [{ ...chatBody, stop: ["a", "b", "c", "d", "e"] }, "stop"],
    [{ ...chatBody, tool_choice: "required" }, "tool_choice"],
    [{ ...chatBody, top_logprobs: 3 }, "top_logprobs"],
    [{ ...chatBody, stream_options: { include_usage: true } }, "stream_options"],
    [{ ...chatBody, messages: [{ role: "robot", content: "hi" }] }, "messages[0].role"],
    [{ ...chatBody, response_format: { type: "json_schema" } }, "response_format.json_schema"],
  ])("names the bad parameter (%#: %s)", async (body, param) => {
    const response = await post("/chat/completions", body);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error.param).toBe(param);
  });

  it("refuses an embedding model for chat and a chat model for embeddings", async () => {
    expect((await post("/chat/completions", { ...chatBody, model: "sim-embedding-1" })).status).toBe(404);
    expect((await post("/embeddings", { model: "sim-chat-1", input: "x" })).status).toBe(404);
  });

  it("refuses an unknown x-dojo-simulate value instead of ignoring a typo", async () => {
    const response = await raw(sim, "/models", { headers: { "x-dojo-simulate": "rate-limit" } });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error.message).toContain("rate_limit");
  });
});

describe("keys", () => {
  it("with requireKey, a missing key and a wrong key get 401; the wrong one is echoed masked", async () => {
    const locked = await startSimulator({ requireKey: "sk-the-right-one-123456" });
    try {
      const missing = await raw(locked, "/models", { headers: { authorization: "" } });
      expect(missing.status).toBe(401);
      const wrong = await raw(locked, "/models", { headers: { authorization: "Bearer sk-a-wrong-key-987654321" } });
      expect(wrong.status).toBe(401);
      const message: string = JSON.parse(wrong.text).error.message;
      expect(message).toMatch(/^Incorrect API key provided: sk-\*+4321\./);
      expect(message).not.toContain("wrong-key");
      expect((await raw(locked, "/models", { headers: { authorization: "Bearer sk-the-right-one-123456" } })).status).toBe(200);
    } finally {
      await locked.close();
    }
  });

  it("without requireKey accepts any key, including none", async () => {
    expect((await raw(sim, "/models", { headers: { authorization: "" } })).status).toBe(200);
  });
});

describe("streams", () => {
  it("sends SSE data frames ending with [DONE]", async () => {
    const response = await post("/chat/completions", { ...chatBody, stream: true });
    expect(response.headers["content-type"]).toContain("text/event-stream");
    const frames = response.text.split("\n\n").filter(Boolean);
    expect(frames.every((f) => f.startsWith("data: "))).toBe(true);
    expect(frames.at(-1)).toBe("data: [DONE]");
  });

  it("paces chunks with tokenDelayMs without changing them", async () => {
    const paced = await startSimulator({ tokenDelayMs: 2 });
    try {
      const body = JSON.stringify({ ...chatBody, stream: true, temperature: 0 });
      const slow = await raw(paced, "/chat/completions", { body });
      const fast = await raw(sim, "/chat/completions", { body });
      const content = (text: string) =>
        text
          .split("\n\n")
          .filter((f) => f.startsWith("data: {"))
          .map((f) => JSON.parse(f.slice(6)).choices[0]?.delta?.content ?? "")
          .join("");
      expect(content(slow.text)).toBe(content(fast.text));
    } finally {
      await paced.close();
    }
  });
});

describe("randomSeed", () => {
  // Runs without a seed at temperature 1.5, on both doors: the text of each answer in order.
  async function answers(target: RunningSimulator): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < 6; i++) {
      const chat = JSON.parse((await raw(target, "/chat/completions", { body: JSON.stringify({ ...chatBody, temperature: 1.5 }) })).text);
      out.push(chat.choices[0].message.content);
      const responses = JSON.parse((await raw(target, "/responses", { body: JSON.stringify({ model: "sim-chat-1", input: chatBody.messages[0]?.content, temperature: 1.5 }) })).text);
      out.push(responses.output.find((item: { type: string }) => item.type === "message").content[0].text);
    }
    return out;
  }

  it("gives two simulators started from the same seed the same unseeded answers, which still vary run to run", async () => {
    const [first, second, other] = await Promise.all([startSimulator({ randomSeed: 7 }), startSimulator({ randomSeed: 7 }), startSimulator({ randomSeed: 8 })]);
    try {
      const a = await answers(first);
      expect(await answers(second)).toEqual(a);
      expect(new Set(a).size).toBeGreaterThan(1);
      expect(await answers(other)).not.toEqual(a);
    } finally {
      await Promise.all([first.close(), second.close(), other.close()]);
    }
  });
});

describe("delivery failures without streaming", () => {
  it("drop closes the socket without an answer", async () => {
    await expect(post("/chat/completions", chatBody, { "x-dojo-simulate": "drop" })).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it("malformed_chunk answers 200 with a body that is not JSON", async () => {
    const response = await post("/chat/completions", chatBody, { "x-dojo-simulate": "malformed_chunk" });
    expect(response.status).toBe(200);
    expect(() => JSON.parse(response.text)).toThrow();
  });

  it("stall never answers; the wait ends when the client leaves", async () => {
    const controller = new AbortController();
    const pending = raw(sim, "/chat/completions", { body: JSON.stringify(chatBody), headers: { "x-dojo-simulate": "stall" }, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });
});

describe("releasing resources", () => {
  it("slow_first_byte stops waiting (its timer is cleared) when the client disconnects", async () => {
    const before = waits();
    const controller = new AbortController();
    const pending = raw(sim, "/models", { headers: { "x-dojo-simulate": "slow_first_byte" }, signal: controller.signal }).catch((e: unknown) => e);
    // The one-hour timer exists while the request waits...
    await eventually(() => waits() > before);
    controller.abort();
    await pending;
    // ...and is gone once the client has left, long before the hour is up.
    await eventually(() => waits() <= before);
  });

  it("close() resolves with stalled streams, waiting requests and open keep-alive connections", async () => {
    const doomed = await startSimulator({ slowFirstByteMs: 60 * 60 * 1000 });
    const before = waits();
    const outcomes = [
      raw(doomed, "/chat/completions", { body: JSON.stringify({ ...chatBody, stream: true }), headers: { "x-dojo-simulate": "stall" } }),
      raw(doomed, "/chat/completions", { body: JSON.stringify(chatBody), headers: { "x-dojo-simulate": "stall" } }),
      raw(doomed, "/models", { headers: { "x-dojo-simulate": "slow_first_byte" } }),
    ].map((p) => p.then(() => "answered", () => "cut"));
    // A keep-alive connection that sits idle in the client's pool must not hold close() up either.
    const agent = new Agent({ keepAlive: true });
    expect((await raw(doomed, "/models", { agent })).status).toBe(200);
    await eventually(() => waits() > before);
    await doomed.close();
    const results = await Promise.all(outcomes);
    expect(results.filter((r) => r === "cut").length).toBeGreaterThanOrEqual(2);
    await eventually(() => waits() <= before);
    await expect(raw(doomed, "/models")).rejects.toThrow(/ECONNREFUSED/);
    agent.destroy();
  });
});
