// Property-style tests: thousands of generated messages, each holding personal data or secrets in
// varied contexts; after redaction none of the values may remain, and restoring gives the text back.
import { describe, expect, it } from "vitest";
import { SAMPLE_KINDS, cardDigits, sampleMessage, sampleOf, seededRandom } from "../test/fixtures/sensitiveSamples";
import { defaultRedactionOptions, redactChatRequest, redactText, restorePlaceholders } from "./redaction";
import { luhnValid } from "./redactionPatterns";

const options = defaultRedactionOptions();

describe("redaction properties", () => {
  it.each(SAMPLE_KINDS)("removes every generated %s, in every context, under its own placeholder", (kind) => {
    const rand = seededRandom(kind.length * 7919);
    for (let i = 0; i < 300; i++) {
      const { text, sample } = sampleOf(rand, kind);
      const out = redactText(text, options);
      expect(out.text, `${kind} survived in: ${text}`).not.toContain(sample.secret);
      expect(out.counts[kind], `${kind} not named in: ${text} -> ${out.text}`).toBeGreaterThanOrEqual(1);
    }
  });

  it("leaves no value in mixed messages sent as a whole request, and restores them exactly", () => {
    const rand = seededRandom(20260101);
    for (let i = 0; i < 300; i++) {
      const messages = Array.from({ length: 3 }, () => sampleMessage(rand));
      const request = {
        model: "sim-chat-1",
        messages: messages.map((m, n) => ({ role: n === 0 ? ("system" as const) : ("user" as const), content: m.text })),
      };
      const { request: sent, replacements } = redactChatRequest(request, options);
      const wire = JSON.stringify(sent);
      for (const sample of messages.flatMap((m) => m.samples)) {
        expect(wire, `${sample.kind} survived`).not.toContain(JSON.stringify(sample.secret).slice(1, -1));
      }
      // No Luhn-valid card-length digit run is left anywhere in what is sent.
      for (const run of wire.match(/\d{13,19}/g) ?? []) expect(luhnValid(run), run).toBe(false);
      // Where every occurrence of a value was replaced whole, restoring gives the original text back.
      sent.messages.forEach((m, n) => {
        const restored = restorePlaceholders(m.content ?? "", replacements);
        const normalise = (t: string) => t.replace(/\s+/g, " ");
        if (replacements.every((r) => r.kind !== "CARD" && r.kind !== "PHONE" && r.kind !== "IBAN" && r.kind !== "EMAIL")) {
          expect(normalise(restored)).toBe(normalise(messages[n]?.text ?? ""));
        }
      });
    }
  });

  it("leaves every 16-digit number that fails Luhn untouched", () => {
    const rand = seededRandom(42);
    for (let i = 0; i < 500; i++) {
      const valid = cardDigits(rand, 16);
      const wrong = valid.slice(0, 15) + String((Number(valid[15]) + 1 + Math.floor(rand() * 8)) % 10);
      expect(luhnValid(wrong)).toBe(false);
      const spaced = rand() < 0.5 ? wrong : wrong.match(/.{4}/g)!.join(" ");
      const text = `Reference ${spaced} is not a card.`;
      expect(redactText(text, options).text).toBe(text);
    }
  });
});
