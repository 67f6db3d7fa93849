// Tests (Node): labels listed in plain instructions, and the text answer of a classification request.
import { describe, expect, it } from "vitest";
import { parseChatParams } from "./chatParams";
import { planChat } from "./chatPlan";
import { classificationAnswer, instructionLabels } from "./instructionLabels";

const ROUTER =
  "You route customer support tickets. Labels: billing (charges, invoices, refunds), technical (errors, outages, bugs), account (login, profile, access), other (anything else). Answer with the label.";

describe("instructionLabels", () => {
  it("reads 'Labels: a (...), b (...)', '(a: ...; b: ...)' and 'one of a, b or c'", () => {
    expect(instructionLabels(ROUTER)).toEqual(["billing", "technical", "account", "other"]);
    expect(instructionLabels("Give each ticket one category (billing: charges, refunds; technical: errors, crashes; other: anything else).")).toEqual(["billing", "technical", "other"]);
    expect(instructionLabels("Classify the review as one of positive, negative or neutral.")).toEqual(["positive", "negative", "neutral"]);
    expect(instructionLabels("You are a helpful assistant. Explain things clearly.")).toEqual([]);
  });
});

describe("classificationAnswer", () => {
  const ask = (ticket: string) => classificationAnswer([{ role: "system", content: ROUTER }, { role: "user", content: ticket }]);

  it("answers with the label whose meaning matches the ticket, and says how it was chosen", () => {
    expect(ask("I was charged twice, please give me my money back.")).toMatch(/^billing\n\n\(Simulated: label chosen by concept match/);
    expect(ask("The site is down with an error 500.")).toMatch(/^technical\n/);
    expect(ask("I cannot sign in to my profile.")).toMatch(/^account\n/);
    expect(ask("Do you sell gift cards?")).toMatch(/^other\n\n\(Simulated: label chosen by concept match; no other label/);
  });

  it("leaves requests that are not classifications to the usual answer", () => {
    expect(classificationAnswer([{ role: "system", content: "You are a helpful assistant." }, { role: "user", content: "Explain refunds." }])).toBeNull();
  });

  it("is what a plain-text chat answer says", () => {
    const params = parseChatParams({ model: "sim-chat-1", temperature: 0, messages: [{ role: "system", content: ROUTER }, { role: "user", content: "Every upload fails with an error." }] });
    expect(planChat(params).choices[0]?.content).toMatch(/^technical\n/);
  });
});
