// Renderer: ready-made structured-output requests (ticket triage, invoice extraction, lead score):
// messages plus a strict json_schema response format each.
import type { ChatMessage, ChatRequest, FunctionTool, ResponseFormat } from "../../../shared/chatRequest";
import type { ToolSettings } from "../../../shared/toolSettings";

/** What a preset sets; everything else of the request (model, sampling parameters) is kept. */
export interface Preset {
  id: string;
  label: string;
  /** One line on what it shows. */
  description: string;
  messages: ChatMessage[];
  responseFormat?: ResponseFormat;
  tools?: FunctionTool[];
  toolChoice?: ChatRequest["tool_choice"];
  parallelToolCalls?: boolean;
  /** Playground settings of the preset's tools (mocks, sensitivity, limits). */
  toolSettings?: Record<string, ToolSettings>;
}

/** A strict json_schema response format. */
function strictFormat(name: string, description: string, schema: Record<string, unknown>): ResponseFormat {
  return { type: "json_schema", json_schema: { name, description, strict: true, schema } };
}

const nullable = (type: string, description: string, extra: Record<string, unknown> = {}) => ({ type: [type, "null"], description, ...extra });

/** The structured-output presets. */
export const STRUCTURED_PRESETS: readonly Preset[] = [
  {
    id: "ticket-triage",
    label: "Ticket triage",
    description: "Sorts a support ticket: category, priority, a one-line summary, whether to escalate.",
    messages: [
      { role: "system", content: "You triage customer support tickets. Answer with the triage only." },
      {
        role: "user",
        content:
          "Ticket #4411: Since this morning I am charged twice for my billing plan, and the invoice page shows an error. This is urgent, our finance team closes the month today.",
      },
    ],
    responseFormat: strictFormat("ticket_triage", "The triage of one support ticket.", {
      type: "object",
      properties: {
        category: { type: "string", enum: ["billing", "technical", "account", "other"], description: "What the ticket is about." },
        priority: { type: "string", enum: ["low", "medium", "high", "urgent"] },
        summary: { type: "string", description: "The problem in one sentence." },
        escalation_required: { type: "boolean", description: "True when a human lead must look at it today." },
      },
      required: ["category", "priority", "summary", "escalation_required"],
      additionalProperties: false,
    }),
  },
  {
    id: "invoice-extraction",
    label: "Invoice extraction",
    description: "Pulls fields out of invoice text; a field the text does not give is null, never invented.",
    messages: [
      { role: "system", content: "Extract the invoice fields. Use null for any field the text does not state; never guess." },
      {
        role: "user",
        content: "INVOICE INV-2026-0142 from Northwind Traders, dated 2026-01-12. Total amount due: 1,284.50 EUR. Payment within 30 days.",
      },
    ],
    responseFormat: strictFormat("invoice_fields", "Fields of one invoice; null when missing.", {
      type: "object",
      properties: {
        invoice_number: nullable("string", "As printed, e.g. INV-2026-0142."),
        vendor_name: nullable("string", "Who issued the invoice."),
        invoice_date: nullable("string", "ISO 8601 date (YYYY-MM-DD).", { format: "date" }),
        total_amount: nullable("number", "The total due, as a number without currency."),
      },
      required: ["invoice_number", "vendor_name", "invoice_date", "total_amount"],
      additionalProperties: false,
    }),
  },
  {
    id: "lead-score",
    label: "Lead score",
    description: "Scores a sales lead from 0 to 100 with a reason and the next action.",
    messages: [
      { role: "system", content: "You qualify inbound sales leads for a B2B analytics product." },
      {
        role: "user",
        content: "Lead: Head of Data at a 400-person retailer, asked for pricing twice this week and booked a demo for Friday. Budget approved for Q2.",
      },
    ],
    responseFormat: strictFormat("lead_score", "A qualification of one lead.", {
      type: "object",
      properties: {
        score: { type: "integer", minimum: 0, maximum: 100, description: "0 = not a fit, 100 = ready to buy." },
        reason: { type: "string", description: "Why, in one or two sentences." },
        next_action: { type: "string", enum: ["call", "email", "nurture", "disqualify"] },
      },
      required: ["score", "reason", "next_action"],
      additionalProperties: false,
    }),
  },
];

/**
 * The request with a preset applied: its messages, response format and tools replace the
 * current ones (a preset without tools removes them), the model and sampling parameters stay.
 */
export function applyPreset(request: ChatRequest, preset: Preset): ChatRequest {
  const {
    response_format: _format,
    tools: _tools,
    tool_choice: _choice,
    parallel_tool_calls: _parallel,
    ...rest
  } = request;
  return {
    ...rest,
    messages: preset.messages.map((m) => ({ ...m })),
    ...(preset.responseFormat ? { response_format: structuredClone(preset.responseFormat) } : {}),
    ...(preset.tools ? { tools: structuredClone(preset.tools) } : {}),
    ...(preset.toolChoice !== undefined ? { tool_choice: preset.toolChoice } : {}),
    ...(preset.parallelToolCalls !== undefined ? { parallel_tool_calls: preset.parallelToolCalls } : {}),
  };
}
