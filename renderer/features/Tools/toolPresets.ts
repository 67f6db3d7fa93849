// Renderer: a ready-made tool-calling request: an order-support agent with a harmless lookup tool
// and a sensitive refund tool limited to 100 per refund.
import type { Preset } from "../StructuredOutput/presets";

/** The refund limit of the preset's create_refund tool, declared in its settings. */
export const REFUND_LIMIT = 100;

/** The tool presets. */
export const TOOL_PRESETS: readonly Preset[] = [
  {
    id: "order-support-tools",
    label: "Order support (tools)",
    description: "get_order_status answers from a mock; create_refund is sensitive (asks for approval), refused above 100, and refunds through the idempotent mock ledger.",
    messages: [
      {
        role: "system",
        content: "You are the support agent of an online shop. Use get_order_status to look up orders and create_refund to refund them; a refund needs the order id and the amount in EUR.",
      },
      { role: "user", content: "Please create a refund for order_id A1234, amount 40, the parcel arrived damaged." },
    ],
    tools: [
      {
        type: "function",
        function: {
          name: "get_order_status",
          description: "Look up the shipping status of an order.",
          strict: true,
          parameters: {
            type: "object",
            properties: { order_id: { type: "string", description: "The order id, e.g. A1234." } },
            required: ["order_id"],
            additionalProperties: false,
          },
        },
      },
      {
        type: "function",
        function: {
          name: "create_refund",
          description: "Refund an order, fully or in part. Moves real money.",
          strict: true,
          parameters: {
            type: "object",
            properties: {
              order_id: { type: "string", description: "The order id, e.g. A1234." },
              amount: { type: "number", description: "The amount to refund, in EUR." },
              reason: { type: "string", description: "Why, in a few words." },
            },
            required: ["order_id", "amount", "reason"],
            additionalProperties: false,
          },
        },
      },
    ],
    toolChoice: "auto",
    parallelToolCalls: false,
    toolSettings: {
      get_order_status: {
        sensitive: false,
        mock: { kind: "template", template: '{"order_id": "{{order_id}}", "status": "shipped", "carrier": "DHL", "eta": "2026-01-18"}' },
        limits: [],
      },
      create_refund: {
        sensitive: true,
        // A real side effect on the app's mock ledger, keyed so a retried call refunds once.
        mock: { kind: "refund" },
        limits: [{ argument: "amount", max: REFUND_LIMIT }],
      },
    },
  },
];
