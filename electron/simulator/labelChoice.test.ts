// Tests (Node): classification picks the allowed label whose meaning best matches the input, in
// chooseLabel itself and in a structured-output chat answer with an enum.
import { describe, expect, it } from "vitest";
import { parseChatParams } from "./chatParams";
import { planChat } from "./chatPlan";
import { chooseLabel, labelDescription } from "./labelChoice";

const LABELS = ["billing", "technical", "account", "other"];
const DESCRIBED =
  "You triage support tickets. Give each ticket one category (billing: charges, invoices, refunds; technical: errors, crashes, outages; account: login, email, profile; other: anything else).";

describe("labelDescription", () => {
  it("reads 'label: words;' and 'label (words)' descriptions, and nothing when there is none", () => {
    expect(labelDescription("technical", DESCRIBED)).toBe("errors, crashes, outages");
    expect(labelDescription("other", DESCRIBED)).toBe("anything else");
    expect(labelDescription("billing", "Labels: billing (charges, invoices, refunds), technical (errors)")).toBe("charges, invoices, refunds");
    expect(labelDescription("account", "Sort the ticket.")).toBe("");
  });
});

describe("chooseLabel", () => {
  it("gives different tickets different labels when their words say so, without naming the label", () => {
    expect(chooseLabel("I was charged twice this month, please refund one payment.", LABELS, DESCRIBED)?.label).toBe("billing");
    expect(chooseLabel("The app crashes every time I open the settings page.", LABELS, DESCRIBED)?.label).toBe("technical");
    expect(chooseLabel("I cannot log in since I changed my email address.", LABELS, DESCRIBED)?.label).toBe("account");
    expect(chooseLabel("Why is there an extra fee on my invoice?", LABELS, DESCRIBED)?.label).toBe("billing");
  });

  it("matches meaning, not only the description's exact words", () => {
    // "bill" and "money back" appear in no description; WordNet relates them to invoices and refunds.
    expect(chooseLabel("The bill is wrong and I want my money back.", LABELS, DESCRIBED)?.label).toBe("billing");
  });

  it("falls back to the catch-all when nothing matches, and to null when there is none", () => {
    expect(chooseLabel("Do you sell gift cards in your shops?", LABELS, DESCRIBED)).toEqual({ label: "other", score: null });
    expect(chooseLabel("Do you sell gift cards in your shops?", ["billing", "technical"], DESCRIBED)).toBeNull();
  });

  it("needs the descriptions: with bare label names a crash ticket is not recognised as technical", () => {
    const ticket = "The app crashes every time I open the settings page.";
    expect(chooseLabel(ticket, LABELS, DESCRIBED)?.label).toBe("technical");
    expect(chooseLabel(ticket, LABELS, "Sort the ticket into a category.")?.label).toBe("other");
  });
});

describe("structured output with an enum", () => {
  const request = (ticket: string) =>
    parseChatParams({
      model: "sim-chat-1",
      temperature: 0,
      messages: [
        { role: "system", content: DESCRIBED },
        { role: "user", content: `Ticket: ${ticket}` },
      ],
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "triage",
          strict: true,
          schema: {
            type: "object",
            additionalProperties: false,
            required: ["category"],
            properties: { category: { type: "string", enum: LABELS } },
          },
        },
      },
    });
  const category = (ticket: string) => (JSON.parse(planChat(request(ticket)).choices[0]?.content ?? "{}") as { category?: string }).category;

  it("labels each ticket by what it says instead of always the first enum value", () => {
    expect(category("The website is down and shows an error.")).toBe("technical");
    expect(category("Please refund the duplicate charge.")).toBe("billing");
    expect(category("How do I update my profile picture?")).toBe("account");
  });
});
