// Renderer: sample data one click away: a triage experiment with two prompt versions and a labelled
// dataset for Evaluations, texts for the Embeddings lab, and a policy document for the RAG lab.
import type { Bridge } from "../../bridge";

/** Texts with pairs that share meaning but few words, and some that share words but not meaning. */
export const SAMPLE_EMBEDDING_TEXTS = [
  "The kitten is asleep on the sofa.",
  "A young cat naps on the couch.",
  "Share prices dropped sharply this morning.",
  "Investors sold stocks as the market fell.",
  "Knead the dough and let it rise for an hour.",
  "Bake the bread in a hot oven.",
  "My flight to Lisbon was cancelled.",
  "The airline called off my trip to Portugal.",
];

/** A short staff handbook for the RAG lab: each paragraph answers a different question. */
export const SAMPLE_RAG_DOCUMENT = {
  name: "Sample: staff handbook",
  text: [
    "Annual leave: full-time staff get 26 days of paid annual leave a year, plus public holidays. Part-time staff get a share in proportion to their hours.",
    "Carrying leave over: up to 5 unused days may be carried into the next year. Carried days must be taken before the end of March or they are lost.",
    "Sick days: tell your team lead before 10 am on the first day. From the fourth day in a row, a doctor's note is needed.",
    "Travel expenses: book trains in standard class and flights in economy. Submit receipts in the finance portal within 30 days of the trip.",
    "Equipment: laptops are replaced every three years. A broken device is reported to the IT desk at it-desk@example.com.",
  ].join("\n\n"),
};

const TRIAGE_SCHEMA = {
  type: "object",
  properties: { category: { type: "string", enum: ["billing", "technical", "account", "other"] } },
  required: ["category"],
  additionalProperties: false,
};

const triageRequest = (system: string) => ({
  model: "sim-chat-1",
  temperature: 0,
  messages: [
    { role: "system" as const, content: system },
    { role: "user" as const, content: "Ticket: {{ticket}}" },
  ],
  response_format: { type: "json_schema" as const, json_schema: { name: "ticket_triage", strict: true, schema: TRIAGE_SCHEMA } },
});

/** Version 1 only names the labels; version 2 says what each covers, so it should score higher. */
const TRIAGE_VERSIONS = [
  { message: "labels named only", system: "Sort the support ticket into a category." },
  {
    message: "labels described",
    system:
      "You sort support tickets for a home-goods shop. Pick one category: billing (charges, payments, invoices, refunds), technical " +
      "(errors, crashes, outages, bugs), account (login, password, email address, profile) or other (anything else).",
  },
];

/** Tickets that never name their label, each with the label a support lead gave it. */
const TICKETS: [string, string, string][] = [
  ["charged-twice", "My card was charged two times for one order, please pay one back.", "billing"],
  ["invoice-fee", "There is a fee on my invoice that I do not understand.", "billing"],
  ["app-freezes", "The app freezes and crashes whenever I open my basket.", "technical"],
  ["checkout-error", "Checkout shows an error and the page will not load.", "technical"],
  ["password-reset", "I forgot my password and the reset link never arrives.", "account"],
  ["change-email", "How do I change the email address on my profile?", "account"],
];

/** What the evaluation sample created, so the view can say so. */
export interface EvalSample {
  experimentId: string;
  datasetId: string;
}

/** Saves the triage experiment (two versions) and its labelled dataset through the ordinary channels. */
export async function createEvalSample(bridge: Bridge, profileId: string): Promise<EvalSample> {
  const [first, second] = TRIAGE_VERSIONS as [(typeof TRIAGE_VERSIONS)[0], (typeof TRIAGE_VERSIONS)[0]];
  const created = await bridge.call("experiments.create", { name: "Sample: ticket triage", state: { profileId, request: triageRequest(first.system), notes: "A sample from the welcome page: run both versions over \"Sample: support tickets\" in Evaluations.", tags: ["sample"] }, message: first.message });
  await bridge.call("experiments.save", { id: created.id, state: { profileId, request: triageRequest(second.system), notes: "A sample from the welcome page.", tags: ["sample"] }, message: second.message });
  const dataset = await bridge.call("evals.datasets.save", {
    name: "Sample: support tickets",
    columns: ["ticket"],
    cases: TICKETS.map(([id, ticket, label]) => ({
      id,
      vars: { ticket },
      assertions: [{ type: "json-schema" as const, schema: { type: "object", properties: { category: { const: label } }, required: ["category"] }, label: `category is ${label}` }],
    })),
    assertions: [{ type: "is-json" as const }],
  });
  return { experimentId: created.id, datasetId: dataset.id };
}
