// Tests (Node): the Responses door answers with the same planning as Chat Completions (form,
// extraction, JSON mode keys, classification, typed tool arguments) and says how in the same note.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATED_NOTE_HEADER } from "../../../shared/runRecord";
import { startSimulator, type RunningSimulator } from "../server";
import { sentences } from "../words";

let sim: RunningSimulator;
let client: OpenAI;
beforeAll(async () => {
  sim = await startSimulator();
  client = new OpenAI({ baseURL: sim.url, apiKey: "simulator-no-key", maxRetries: 0, logLevel: "off" });
});
afterAll(async () => {
  await sim.close();
});

const NOTES = "Rate limits cap requests per minute. Retries with backoff help. Queues smooth bursts of traffic. Caching avoids repeated calls.";
const INVOICE = "INVOICE INV-2041\nVendor: Acme Supplies Ltd.\nBill to: Jane Doe (jane.doe@example.com)\nInvoice date: March 3, 2026\nTotal due: $1,234.50";
const ROUTER = "Triage the ticket. Labels: billing (charges, invoices, refunds), technical (errors, crashes, bugs), account (login, password, profile).";

/** One request asked of both doors; JSON formats and tools are translated the way each API spells them. */
interface Ask {
  instructions: string;
  input: string;
  format?: { type: "json_object" } | { type: "json_schema"; name: string; schema: Record<string, unknown> };
  tool?: { name: string; description: string; parameters: Record<string, unknown> };
}

async function viaChat(ask: Ask) {
  const { data, response } = await client.chat.completions
    .create({
      model: "gpt-4.1-mini",
      temperature: 0,
      messages: [
        { role: "developer", content: ask.instructions },
        { role: "user", content: ask.input },
      ],
      ...(ask.format?.type === "json_schema" ? { response_format: { type: "json_schema", json_schema: { name: ask.format.name, schema: ask.format.schema } } } : ask.format ? { response_format: ask.format } : {}),
      ...(ask.tool ? { tools: [{ type: "function", function: ask.tool }] } : {}),
    })
    .withResponse();
  const message = data.choices[0]?.message;
  const call = message?.tool_calls?.[0];
  return { text: message?.content ?? null, args: call?.type === "function" ? call.function.arguments : null, note: response.headers.get(SIMULATED_NOTE_HEADER) };
}

async function viaResponses(ask: Ask) {
  const { data, response } = await client.responses
    .create({
      model: "gpt-4.1-mini",
      temperature: 0,
      instructions: ask.instructions,
      input: ask.input,
      ...(ask.format ? { text: { format: ask.format } } : {}),
      ...(ask.tool ? { tools: [{ type: "function", strict: false, ...ask.tool }] } : {}),
    })
    .withResponse();
  const call = data.output.find((o) => o.type === "function_call");
  return { text: data.output.some((o) => o.type === "message") ? data.output_text : null, args: call?.type === "function_call" ? call.arguments : null, note: response.headers.get(SIMULATED_NOTE_HEADER) };
}

/** Asks both doors and checks they agree, text, arguments and note alike; returns the Responses answer. */
async function both(ask: Ask) {
  const [chat, responses] = await Promise.all([viaChat(ask), viaResponses(ask)]);
  expect(responses).toEqual(chat);
  expect(responses.note).toMatch(/^Simulated: /);
  return responses;
}

describe("the Responses door plans answers like Chat Completions", () => {
  it("gives the N bullets, the one sentence and the N words asked for", async () => {
    const bullets = await both({ instructions: NOTES, input: "List 5 bullets about handling rate limits." });
    expect((bullets.text ?? "").split("\n").filter((l) => l.startsWith("- "))).toHaveLength(5);
    expect(bullets.note).toBe("Simulated: 5 bullets built from the prompt's sentences");
    const one = await both({ instructions: NOTES, input: "Explain rate limits in one sentence." });
    expect(sentences(one.text ?? "")).toHaveLength(1);
    const six = await both({ instructions: NOTES, input: "Describe rate limits in 6 words." });
    expect((six.text ?? "").split(/\s+/)).toHaveLength(6);
  });

  it("writes a long Markdown guide and an extractive summary", async () => {
    const guide = await both({ instructions: "You write documentation.", input: "Write a detailed guide to handling rate limits with Python code." });
    expect(guide.text).toMatch(/^## /m);
    expect(guide.text).toMatch(/^```python$/m);
    expect(guide.note).toMatch(/^Simulated: long Markdown/);
    const text = "Revenue grew 12% to $4.2M. Costs rose slightly because of new hires. The new product line drove most of the revenue growth. Office plants were watered weekly.";
    const summary = await both({ instructions: "You summarise reports.", input: `Summarise this in 2 sentences:\n\n${text}` });
    expect(sentences((summary.text ?? "").replace(/^Simulated summary: /, ""))).toHaveLength(2);
    expect(summary.note).toMatch(/^Simulated: extractive summary, 2 sentences/);
  });

  it("extracts schema fields from the input", async () => {
    const schema = {
      type: "object",
      properties: { vendor_name: { type: "string" }, invoice_number: { type: "string" }, total: { type: "number" }, customer_email: { type: "string" }, po_number: { type: ["string", "null"] } },
      required: ["vendor_name", "invoice_number", "total", "customer_email", "po_number"],
      additionalProperties: false,
    };
    const answer = await both({ instructions: "Extract the invoice's fields.", input: INVOICE, format: { type: "json_schema", name: "invoice", schema } });
    expect(JSON.parse(answer.text ?? "")).toEqual({ vendor_name: "Acme Supplies Ltd", invoice_number: "INV-2041", total: 1234.5, customer_email: "jane.doe@example.com", po_number: null });
    expect(answer.note).toMatch(/^Simulated: fields extracted from the input/);
  });

  it("answers JSON mode with the keys the prompt asks for", async () => {
    const answer = await both({ instructions: "Reply in JSON with the keys vendor_name, total and po_number.", input: INVOICE, format: { type: "json_object" } });
    const value = JSON.parse(answer.text ?? "") as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["vendor_name", "total", "po_number"]);
    expect(value).toMatchObject({ total: 1234.5, po_number: null });
  });

  it("classifies two tickets by concept match, in text and in a schema's enum", async () => {
    const billing = await both({ instructions: ROUTER, input: "I was charged twice on my card this month and want my money back." });
    const technical = await both({ instructions: ROUTER, input: "The app crashes with an error every time I open the settings page." });
    expect(billing.text).toMatch(/^billing\b/);
    expect(technical.text).toMatch(/^technical\b/);
    expect(billing.note).toMatch(/label chosen by concept match/);
    const schema = { type: "object", properties: { category: { type: "string", enum: ["billing", "technical", "account"] } }, required: ["category"], additionalProperties: false };
    const format = { type: "json_schema" as const, name: "triage", schema };
    const reset = await both({ instructions: ROUTER, input: "I forgot my password and cannot log in to my profile.", format });
    expect(JSON.parse(reset.text ?? "")).toEqual({ category: "account" });
    expect(reset.note).toMatch(/^Simulated: label chosen by concept match \(category\)/);
  });

  it("types tool arguments as the schema says: numbers, enum values and booleans", async () => {
    const tool = {
      name: "get_forecast",
      description: "Get the weather forecast for a city",
      parameters: {
        type: "object",
        properties: { city: { type: "string" }, days: { type: "integer" }, units: { type: "string", enum: ["celsius", "fahrenheit"] }, hourly: { type: "boolean" } },
        required: ["city", "days", "units", "hourly"],
      },
    };
    const answer = await both({ instructions: "You are a weather assistant.", input: "What is the weather forecast in Lisbon for the next 3 days, in fahrenheit, hourly?", tool });
    expect(JSON.parse(answer.args ?? "")).toEqual({ city: "Lisbon", days: 3, units: "fahrenheit", hourly: true });
    expect(answer.note).toMatch(/^Simulated: get_forecast chosen/);
  });
});
