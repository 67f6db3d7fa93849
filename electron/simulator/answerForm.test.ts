// Tests (Node): simulated answers take the form the prompt asks for (bullets, sentences, words, a
// long guide, an extractive summary), JSON mode has the keys the prompt names, and each says how it was made.
import { describe, expect, it } from "vitest";
import { detectForm } from "./answerForm";
import type { ChatParams, SimMessage } from "./chatParams";
import { planChat } from "./chatPlan";
import { requestedKeys } from "./jsonObjectAnswer";
import { sentences } from "./words";

function chat(messages: SimMessage[], extra: Partial<ChatParams> = {}): ChatParams {
  return {
    model: "sim-chat-1",
    messages,
    stream: false,
    includeUsage: false,
    n: 1,
    temperature: 0,
    seed: null,
    maxTokens: null,
    stop: [],
    responseFormat: { type: "text" },
    tools: [],
    toolChoice: "auto",
    parallelToolCalls: true,
    logprobs: false,
    topLogprobs: 0,
    ...extra,
  };
}

const NOTES: SimMessage = { role: "system", content: "Rate limits cap requests per minute. Retries with backoff help. Queues smooth bursts of traffic. Caching avoids repeated calls." };
const answer = (question: string, extra: Partial<ChatParams> = {}) => {
  const plan = planChat(chat([NOTES, { role: "user", content: question }], extra));
  return { text: plan.choices[0]?.content ?? "", finish: plan.choices[0]?.finishReason, tokens: plan.usage.completion_tokens, note: plan.note };
};

describe("detectForm", () => {
  it.each<[string, string, number | null]>([
    ["List 5 bullets about rate limits.", "bullets", 5],
    ["Give me three tips for caching.", "bullets", 3],
    ["Answer in one sentence.", "sentences", 1],
    ["Explain it in two sentences please", "sentences", 2],
    ["Describe rate limits in 6 words.", "words", 6],
    ["Write a detailed guide to rate limits with code.", "long", null],
    ["Write an essay on queues.", "long", null],
    ["Give a long, detailed answer about retries.", "long", null],
    ["Write 800 words on backoff.", "long", 800],
  ])("%s -> %s", (text, shape, count) => {
    expect(detectForm(text)).toMatchObject({ shape, count });
  });

  it("does not read a form into ordinary words", () => {
    expect(detectForm("How long does standard shipping take? If the policy does not answer the question, say so.").shape).toBe("plain");
    expect(detectForm("I ordered two items and one arrived broken.").shape).toBe("plain");
  });
});

describe("answers in the form asked for", () => {
  it("gives exactly N bullets", () => {
    const { text, note } = answer("List 5 bullets about handling rate limits.");
    expect(text.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(5);
    expect(text).toMatch(/^Simulated answer/);
    expect(note).toBe("Simulated: 5 bullets built from the prompt's sentences");
  });

  it("gives one sentence when asked for one", () => {
    const { text } = answer("Explain rate limits in one sentence.");
    expect(sentences(text)).toHaveLength(1);
    expect(text).toContain("Rate limits cap requests per minute");
  });

  it("keeps to the words asked for", () => {
    const { text } = answer("Describe rate limits in 6 words.");
    expect(text.split(/\s+/)).toHaveLength(6);
  });

  it("writes a long structured Markdown guide up to the token cap, so finish_reason length is reachable", () => {
    const capped = answer("Write a detailed guide to handling rate limits with Python code.", { maxTokens: 300 });
    expect(capped.finish).toBe("length");
    expect(capped.tokens).toBe(300);
    const full = answer("Write a detailed guide to handling rate limits with Python code.");
    expect(full.finish).toBe("stop");
    expect(full.tokens).toBeGreaterThan(800);
    expect(full.text).toMatch(/^# Simulated guide: Handling rate limits$/m);
    expect(full.text).toMatch(/^## /m);
    expect(full.text).toMatch(/^1\. /m);
    expect(full.text).toMatch(/^\| --- \| --- \|$/m);
    expect(full.text).toMatch(/^```python$/m);
    expect(full.text).toContain("No model wrote it");
    expect(full.note).toMatch(/^Simulated: long Markdown/);
  });

  it("summarises extractively with the count asked for", () => {
    const text = "The quarterly report shows revenue grew 12% to $4.2M. Costs rose slightly because of new hires. The new product line drove most of the revenue growth. Customer churn fell to 3%. The board approved a larger budget for the product line next quarter. Office plants were watered weekly.";
    const plan = planChat(chat([{ role: "user", content: `Summarise this in 2 sentences:\n\n${text}` }]));
    const summary = (plan.choices[0]?.content ?? "").replace(/^Simulated summary: /, "");
    const picked = sentences(summary);
    expect(picked).toHaveLength(2);
    for (const s of picked) expect(sentences(text)).toContain(s);
    expect(summary).not.toContain("Office plants");
    expect(plan.note).toMatch(/^Simulated: extractive summary, 2 sentences/);
  });

  it("says so when asked to summarise a text the prompt does not hold, instead of answering nothing", () => {
    const plan = planChat(chat([{ role: "user", content: "Summarise the handbook." }]));
    expect(plan.choices[0]?.content).toMatch(/^Simulated summary about handbook: the prompt holds no text to summarise/);
    expect(plan.note).toMatch(/no text to summarise/);
  });
});

describe("JSON mode", () => {
  it("reads the keys the prompt asks for, in prose, quotes or an example", () => {
    expect(requestedKeys("Return a JSON object with score, reason and next_action.")).toEqual(["score", "reason", "next_action"]);
    expect(requestedKeys("Reply in JSON with the category, the priority, a summary and an escalation flag.")).toEqual(["category", "priority", "summary", "escalation_flag"]);
    expect(requestedKeys("Respond in JSON with `setup` and `punchline` keys.")).toEqual(["setup", "punchline"]);
    expect(requestedKeys('Answer as JSON like {"city": "...", "population": 0}')).toEqual(["city", "population"]);
    expect(requestedKeys("Tell me about cats.")).toEqual([]);
  });

  it("answers json_object with exactly those keys, values from the input or null", () => {
    const plan = planChat(
      chat(
        [
          { role: "system", content: "Extract the invoice fields as JSON with invoice_number, vendor_name, invoice_date and total_amount. Use null for anything the text does not state." },
          { role: "user", content: "INVOICE INV-2026-0142 from Northwind Traders. Total amount due: 1,284.50 EUR. Payment within 30 days of receipt." },
        ],
        { responseFormat: { type: "json_object" } },
      ),
    );
    expect(JSON.parse(plan.choices[0]?.content ?? "")).toEqual({ invoice_number: "INV-2026-0142", vendor_name: "Northwind Traders", invoice_date: null, total_amount: 1284.5 });
    expect(plan.note).toBe("Simulated: JSON keys taken from the prompt (invoice_number, vendor_name, invoice_date, total_amount), values from the input or null");
  });
});

describe("the note says what the simulator did", () => {
  it("names extraction for a schema, and a tool choice for tool calls", () => {
    const schema = { type: "object", properties: { email: { type: "string" } }, required: ["email"], additionalProperties: false };
    const extracted = planChat(chat([{ role: "user", content: "Contact: ana@example.org" }], { responseFormat: { type: "json_schema", name: "c", schema } }));
    expect(extracted.note).toBe("Simulated: fields extracted from the input (email); the rest null or a placeholder");
    const tool = { name: "get_weather", description: "Current weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } };
    expect(planChat(chat([{ role: "user", content: "Weather in Oslo?" }], { tools: [tool] })).note).toMatch(/^Simulated: get_weather chosen by the words/);
    expect(planChat(chat([{ role: "user", content: "Hi" }], { maxTokens: 2 })).note).toMatch(/; cut at the token cap$/);
  });
});
