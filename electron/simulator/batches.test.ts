// Tests (Node): the simulator's Files and Batch APIs, driven by the openai SDK, answer in the
// OpenAPI spec's shapes: upload, create, poll to completion, read the output; cancel; refusals.
import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specErrors } from "../../test/conformance/openapiSpec";
import { startSimulator, type RunningSimulator } from "./server";

let sim: RunningSimulator;
let client: OpenAI;
beforeAll(async () => {
  sim = await startSimulator({ batchDelayMs: 40 });
  client = new OpenAI({ apiKey: "simulator-no-key", baseURL: sim.url, maxRetries: 0 });
});
afterAll(async () => {
  await sim.close();
});

const line = (id: string, content: string, url = "/v1/chat/completions") =>
  JSON.stringify({ custom_id: id, method: "POST", url, body: { model: "sim-chat-1", messages: [{ role: "user", content }] } });

async function upload(text: string, name = "input.jsonl") {
  return client.files.create({ file: await toFile(Buffer.from(text), name), purpose: "batch" });
}

/** Polls until the batch leaves its working states (the simulator completes it after 40 ms). */
async function settle(id: string) {
  for (;;) {
    const batch = await client.batches.retrieve(id);
    if (!["validating", "in_progress", "finalizing", "cancelling"].includes(batch.status)) return batch;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("simulated Batch API", () => {
  it("uploads a JSON Lines file, runs a batch to completion and serves output and error files", async () => {
    const file = await upload([line("a", "What is a token?"), line("b", "Hi"), line("c", "x", "/v1/embeddings")].join("\n"));
    expect(specErrors("OpenAIFile", file)).toEqual([]);
    expect(file).toMatchObject({ object: "file", purpose: "batch", filename: "input.jsonl" });
    expect(specErrors("OpenAIFile", await client.files.retrieve(file.id))).toEqual([]);

    const created = await client.batches.create({ input_file_id: file.id, endpoint: "/v1/chat/completions", completion_window: "24h" });
    expect(specErrors("Batch", created)).toEqual([]);
    expect(created.status).toBe("validating");

    const done = await settle(created.id);
    expect(specErrors("Batch", done)).toEqual([]);
    expect(done).toMatchObject({ status: "completed", request_counts: { total: 3, completed: 2, failed: 1 } });

    const output = (await (await client.files.content(done.output_file_id ?? "")).text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(output.map((o) => o.custom_id)).toEqual(["a", "b"]);
    // The spec has no schema for an output line; its body is a chat completion, which it does have.
    for (const o of output) {
      expect(o).toMatchObject({ id: expect.any(String), error: null, response: { status_code: 200, request_id: expect.stringMatching(/^req_/) } });
      expect(specErrors("CreateChatCompletionResponse", o.response.body)).toEqual([]);
    }
    const errors = (await (await client.files.content(done.error_file_id ?? "")).text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(errors[0]).toMatchObject({ custom_id: "c", response: { status_code: 400 } });
    expect(errors[0].response.body.error).toMatchObject({ param: "url", type: "invalid_request_error" });
  });

  it("runs a batch over /v1/embeddings: each line answered as the embeddings endpoint would", async () => {
    const embed = (id: string, input: string) => JSON.stringify({ custom_id: id, method: "POST", url: "/v1/embeddings", body: { model: "sim-embedding-1", input, dimensions: 8 } });
    const file = await upload([embed("x", "a cat"), embed("y", "a dog")].join("\n"), "embed.jsonl");
    const created = await client.batches.create({ input_file_id: file.id, endpoint: "/v1/embeddings", completion_window: "24h" });
    const done = await settle(created.id);
    expect(done).toMatchObject({ status: "completed", endpoint: "/v1/embeddings", request_counts: { total: 2, completed: 2, failed: 0 } });
    const output = (await (await client.files.content(done.output_file_id ?? "")).text()).trim().split("\n").map((l) => JSON.parse(l));
    const direct = await client.embeddings.create({ model: "sim-embedding-1", input: "a cat", dimensions: 8 });
    expect(output[0].response.body.data[0].embedding).toEqual(direct.data[0]?.embedding);
    for (const o of output) expect(specErrors("CreateEmbeddingResponse", o.response.body)).toEqual([]);
  });

  it("runs a batch over /v1/responses: each output line is a Response as the spec defines it, stored for a later turn", async () => {
    const respond = (id: string, body: Record<string, unknown>) => JSON.stringify({ custom_id: id, method: "POST", url: "/v1/responses", body: { model: "gpt-4.1-mini", ...body } });
    const triage = {
      instructions: "Classify the support ticket: billing (charges, invoices, refunds), technical (errors, crashes, bugs) or account (login, password, profile).",
      text: { format: { type: "json_schema", name: "triage", strict: true, schema: { type: "object", properties: { category: { type: "string", enum: ["billing", "technical", "account"] } }, required: ["category"], additionalProperties: false } } },
    };
    const file = await upload(
      [
        respond("plain", { input: "What is a token?", temperature: 0 }),
        respond("billing", { ...triage, input: "I was charged twice for my invoice this month and want a refund." }),
        respond("technical", { ...triage, input: "The app crashes with an error every time I open the settings page." }),
        respond("streamed", { input: "Hi", stream: true }),
      ].join("\n"),
      "responses.jsonl",
    );
    const created = await client.batches.create({ input_file_id: file.id, endpoint: "/v1/responses", completion_window: "24h" });
    expect(specErrors("Batch", created)).toEqual([]);
    const done = await settle(created.id);
    expect(done).toMatchObject({ status: "completed", endpoint: "/v1/responses", request_counts: { total: 4, completed: 3, failed: 1 } });
    const output = (await (await client.files.content(done.output_file_id ?? "")).text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(output.map((o) => o.custom_id)).toEqual(["plain", "billing", "technical"]);
    for (const o of output) {
      expect(o).toMatchObject({ error: null, response: { status_code: 200, request_id: expect.stringMatching(/^req_/) } });
      expect(specErrors("Response", o.response.body)).toEqual([]);
      expect(o.response.body).toMatchObject({ object: "response", status: "completed", model: "gpt-4.1-mini" });
    }
    const text = (o: { response: { body: { output: { type: string; content?: { text: string }[] }[] } } }) =>
      o.response.body.output.find((i) => i.type === "message")?.content?.[0]?.text ?? "";
    // At temperature 0 the opener never varies ("Simulator answer" is one of the others).
    expect(text(output[0])).toMatch(/^Simulated answer/);
    // The batch answers with the same planner as the door: the two tickets get their own labels.
    expect(JSON.parse(text(output[1]))).toEqual({ category: "billing" });
    expect(JSON.parse(text(output[2]))).toEqual({ category: "technical" });
    // Stored (store defaults to true), so the next turn can name it or read it back.
    expect((await client.responses.retrieve(output[0].response.body.id)).id).toBe(output[0].response.body.id);
    const errors = (await (await client.files.content(done.error_file_id ?? "")).text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(errors[0]).toMatchObject({ custom_id: "streamed", response: { status_code: 400, body: { error: { param: "stream" } } } });
  });

  it("lists files and batches page by page through the SDK's cursor, and deletes a file", async () => {
    const files = [await upload(line("a", "one"), "p1.jsonl"), await upload(line("a", "two"), "p2.jsonl"), await upload(line("a", "three"), "p3.jsonl")];
    const pages: string[][] = [];
    let page = await client.files.list({ limit: 2, purpose: "batch" });
    for (;;) {
      pages.push(page.data.map((f) => f.id));
      if (!page.hasNextPage()) break;
      page = await page.getNextPage();
    }
    expect(pages[0]).toHaveLength(2);
    expect(pages.flat().slice(0, 3)).toEqual(files.map((f) => f.id).reverse());
    expect(new Set(pages.flat()).size).toBe(pages.flat().length);

    const deleted = await client.files.delete(files[1]!.id);
    expect(deleted).toMatchObject({ id: files[1]!.id, deleted: true });
    const left: string[] = [];
    for await (const f of client.files.list({ purpose: "batch" })) left.push(f.id);
    expect(left).not.toContain(files[1]!.id);
    expect(left).toContain(files[0]!.id);

    const batches = [];
    for (const f of [files[0]!, files[2]!]) batches.push(await client.batches.create({ input_file_id: f.id, endpoint: "/v1/chat/completions", completion_window: "24h" }));
    const listed: string[] = [];
    for await (const b of client.batches.list({ limit: 1 })) listed.push(b.id);
    expect(listed.slice(0, 2)).toEqual(batches.map((b) => b.id).reverse());
  });

  it("cancels a batch", async () => {
    // A simulator whose batches take a minute: with the suite's 40 ms a busy machine could finish
    // the batch before the cancel arrived (seen once under load), and the test would time the machine.
    const slow = await startSimulator({ batchDelayMs: 60_000 });
    try {
      const slowClient = new OpenAI({ apiKey: "simulator-no-key", baseURL: slow.url, maxRetries: 0 });
      const file = await slowClient.files.create({ file: await toFile(Buffer.from(line("a", "Hello")), "input.jsonl"), purpose: "batch" });
      const created = await slowClient.batches.create({ input_file_id: file.id, endpoint: "/v1/chat/completions", completion_window: "24h" });
      const cancelling = await slowClient.batches.cancel(created.id);
      expect(cancelling.status).toBe("cancelling");
      expect(specErrors("Batch", cancelling)).toEqual([]);
      const cancelled = await slowClient.batches.retrieve(created.id);
      expect(cancelled.status).toBe("cancelled");
      expect(specErrors("Batch", cancelled)).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it("refuses what the real service refuses", async () => {
    await expect(upload(line("a", "x"), "input.txt")).rejects.toMatchObject({ status: 400 });
    await expect(client.batches.create({ input_file_id: "file_nope", endpoint: "/v1/chat/completions", completion_window: "24h" })).rejects.toMatchObject({ status: 404 });
    await expect(client.batches.retrieve("batch_nope")).rejects.toMatchObject({ status: 404 });
  });

  it("fails a batch whose file has a line that is not JSON", async () => {
    const file = await upload(`${line("a", "x")}\n{not json`);
    const created = await client.batches.create({ input_file_id: file.id, endpoint: "/v1/chat/completions", completion_window: "24h" });
    const done = await settle(created.id);
    expect(done.status).toBe("failed");
    expect(done.errors?.data?.[0]).toMatchObject({ code: "invalid_json_line", line: 2 });
    expect(specErrors("Batch", done)).toEqual([]);
  });

  it("waits the latency a request asks for before answering", async () => {
    const started = performance.now();
    await client.chat.completions.create({ model: "sim-chat-1", messages: [{ role: "user", content: "x" }] }, { headers: { "x-dojo-latency-ms": "30" } });
    // A lower bound only: the pause must have happened; how much longer it took is not asserted.
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
  });
});
