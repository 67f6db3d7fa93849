// Tests (Node): structured outputs and tool arguments are filled from the values the input states.
import { describe, expect, it } from "vitest";
import type { ChatParams, SimTool } from "./chatParams";
import { planChat } from "./chatPlan";
import { conversationHints } from "./conversationHints";
import { findDates, findNumbers } from "./extractValues";
import { generateInstance } from "./jsonInstance";
import { createRng } from "./random";
import { planToolCalls } from "./toolCalls";

const INVOICE = [
  "Extract the fields of this invoice.",
  "",
  "INVOICE INV-2041",
  "Vendor: Acme Supplies Ltd.",
  "Bill to: Jane Doe (jane.doe@example.com)",
  "Invoice date: March 3, 2026",
  "Subtotal: $1,100.00",
  "Total due: $1,234.50",
].join("\n");

const invoiceSchema = {
  type: "object",
  properties: {
    vendor_name: { type: "string" },
    invoice_number: { type: "string" },
    invoice_date: { type: "string", format: "date" },
    due_date: { type: ["string", "null"], format: "date" },
    total: { type: "number" },
    currency: { type: ["string", "null"] },
    customer_email: { type: "string", format: "email" },
    customer_name: { type: "string" },
    po_number: { anyOf: [{ type: "string" }, { type: "null" }] },
  },
  required: ["vendor_name", "invoice_number", "invoice_date", "due_date", "total", "currency", "customer_email", "customer_name", "po_number"],
  additionalProperties: false,
};

function chat(content: string, extra: Partial<ChatParams> = {}): ChatParams {
  return {
    model: "sim-chat-1",
    messages: [{ role: "user", content }],
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

describe("extraction into a JSON schema", () => {
  it("fills ids, dates, amounts, e-mails and names from the invoice, and null where it states nothing", () => {
    const plan = planChat(chat(INVOICE, { responseFormat: { type: "json_schema", name: "invoice", schema: invoiceSchema } }));
    expect(JSON.parse(plan.choices[0]?.content ?? "")).toEqual({
      vendor_name: "Acme Supplies Ltd",
      invoice_number: "INV-2041",
      invoice_date: "2026-03-03",
      due_date: null,
      total: 1234.5,
      currency: "USD",
      customer_email: "jane.doe@example.com",
      customer_name: "Jane Doe",
      po_number: null,
    });
  });

  it("takes the value written after its label, not the first of its kind", () => {
    const text = "Order ORD-77 placed 2026-01-05, due date 2026-02-01. Shipping: $9.99, total $59.99, 2 items.";
    const value = generateInstance(
      { type: "object", properties: { order_id: { type: "string" }, due_date: { type: "string" }, total: { type: "number" }, shipping: { type: "number" }, items: { type: "integer" } }, required: ["order_id", "due_date", "total", "shipping", "items"] },
      conversationHints(text),
    );
    expect(value).toEqual({ order_id: "ORD-77", due_date: "2026-02-01", total: 59.99, shipping: 9.99, items: 2 });
  });

  it("reads dates in the usual written forms as ISO dates, and never a digit of an id or a date as an amount", () => {
    expect(findDates("on 3 March 2026, March 4th, 2026 and 03/05/2026").map((d) => d.value)).toEqual(["2026-03-03", "2026-03-04", "2026-03-05"]);
    expect(findDates("2026-02-30 is no date")).toEqual([]);
    expect(findNumbers("INV-2041 of 2026-03-03 costs $1,234.50 for 3 seats").map((n) => n.value)).toEqual([1234.5, 3]);
  });

  it("answers with a placeholder only where the schema does not allow null", () => {
    const value = generateInstance({ type: "object", properties: { vendor_name: { type: "string" }, note: { type: ["string", "null"] } }, required: ["vendor_name", "note"] }, conversationHints("Nothing useful here."));
    expect(value).toEqual({ vendor_name: "simulated vendor name", note: null });
  });
});

describe("tool arguments", () => {
  const lookup: SimTool = {
    name: "lookup_quote",
    description: "Look up the latest stock quote",
    parameters: { type: "object", properties: { ticker: { type: "string" }, days: { type: "integer" }, include_history: { type: "boolean" } }, required: ["ticker", "days", "include_history"] },
  };

  it("takes a value written without a connector as one token, case-sensitively (not 'ACME using lookup')", () => {
    expect(conversationHints("Get the quote for ticker ACME using lookup").stringFor?.("ticker")).toBe("ACME");
    expect(conversationHints("subject is Holiday plans and more").stringFor?.("subject")).toBe("Holiday plans");
  });

  it("types each argument as the schema says", () => {
    const [call] = planToolCalls(chat("Look up the stock quote for ticker ACME over 30 days, not include history", { tools: [lookup] }), createRng(1));
    expect(JSON.parse(call?.arguments ?? "")).toEqual({ ticker: "ACME", days: 30, include_history: false });
  });

  it("takes an enum argument from the enum: the value the user named, else a listed one, never free text", () => {
    const convert: SimTool = {
      name: "convert_temperature",
      description: "Convert a temperature",
      parameters: { type: "object", properties: { value: { type: "number" }, to: { type: "string", enum: ["celsius", "fahrenheit", "kelvin"] }, round: { type: "boolean" } }, required: ["value", "to", "round"] },
    };
    const named = JSON.parse(planToolCalls(chat("Convert temperature 21.5 degrees to Kelvin, rounded", { tools: [convert] }), createRng(1))[0]?.arguments ?? "");
    expect(named).toEqual({ value: 21.5, to: "kelvin", round: true });
    const unnamed = JSON.parse(planToolCalls(chat("Convert the temperature 70 please", { tools: [convert] }), createRng(1))[0]?.arguments ?? "");
    expect(typeof unnamed.value).toBe("number");
    expect(["celsius", "fahrenheit", "kelvin"]).toContain(unnamed.to);
    expect(typeof unnamed.round).toBe("boolean");
  });
});
