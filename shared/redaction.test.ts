import { describe, expect, it } from "vitest";
import {
  customPatternProblem,
  defaultRedactionOptions,
  redactChatRequest,
  redactText,
  restorePlaceholders,
  type RedactionOptions,
} from "./redaction";
import { ibanValid, luhnValid } from "./redactionPatterns";

const all = defaultRedactionOptions();
const only = (group: keyof RedactionOptions["groups"]): RedactionOptions => ({
  groups: { email: false, phone: false, card: false, iban: false, secrets: false, [group]: true },
  custom: [],
});

describe("checksums", () => {
  it("accepts Luhn-valid card numbers and refuses one digit off", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("378282246310005")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
  });

  it("checks IBANs with mod-97, ignoring spaces and case", () => {
    expect(ibanValid("GB82 WEST 1234 5698 7654 32")).toBe(true);
    expect(ibanValid("de89370400440532013000")).toBe(true);
    expect(ibanValid("GB82 WEST 1234 5698 7654 33")).toBe(false);
  });
});

describe("redactText", () => {
  it("replaces each kind with a numbered placeholder and counts occurrences", () => {
    const out = redactText("Mail ann@example.com or bob@example.org, then ann@example.com again.", all);
    expect(out.text).toBe("Mail [EMAIL_1] or [EMAIL_2], then [EMAIL_1] again.");
    expect(out.counts).toEqual({ EMAIL: 3 });
    expect(out.replacements.map((r) => r.placeholder)).toEqual(["[EMAIL_1]", "[EMAIL_2]"]);
  });

  it("gives the same card the same placeholder however it is spaced", () => {
    const out = redactText("Card 4111 1111 1111 1111, i.e. 4111111111111111.", all);
    expect(out.text).toBe("Card [CARD_1], i.e. [CARD_1].");
  });

  it("leaves a 16-digit number that fails Luhn alone, whole", () => {
    for (const text of ["Order 4111 1111 1111 1112 shipped", "Order 4111111111111112 shipped", "ref 1234-5678-9012-3456"]) {
      expect(redactText(text, all).text).toBe(text);
    }
  });

  it("finds phones in common layouts but not dates, IPs, decimals or small numbers", () => {
    const phones = ["+44 20 7946 0958", "(555) 123-4567", "555-123-4567", "555.123.4567", "+1-202-555-0143", "06 12 34 56 78", "020 7946 0958"];
    for (const p of phones) expect(redactText(`call ${p} now`, only("phone")).text).toBe("call [PHONE_1] now");
    const safe = "On 2024-01-15 at 10.0.0.12 the price was 3.14159 for 12 items, about 1 200 people.";
    expect(redactText(safe, all).text).toBe(safe);
  });

  it("redacts IBANs only when mod-97 passes", () => {
    expect(redactText("Pay GB82 WEST 1234 5698 7654 32 today", all).text).toBe("Pay [IBAN_1] today");
    expect(redactText("Pay GB82 WEST 1234 5698 7654 33 today", only("iban")).text).toBe("Pay GB82 WEST 1234 5698 7654 33 today");
  });

  it("redacts each kind of secret", () => {
    const cases: [string, string][] = [
      ["key sk-proj-abcdefghijklmnopqrstuvwx1234", "key [OPENAI_KEY_1]"],
      ["AWS AKIAIOSFODNN7EXAMPLE here", "AWS [AWS_KEY_1] here"],
      ["aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [AWS_SECRET_1]"],
      ["token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "token [GITHUB_TOKEN_1]"],
      ["Authorization: Bearer abc.def-ghi_jkl", "Authorization: Bearer [BEARER_TOKEN_1]"],
      ["jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl end", "jwt [JWT_1] end"],
      ["password: hunter22!", "password: [SECRET_1]"],
      ["-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\n-----END RSA PRIVATE KEY-----\nafter", "[PRIVATE_KEY_1]\nafter"],
    ];
    for (const [input, expected] of cases) expect(redactText(input, only("secrets")).text).toBe(expected);
  });

  it("redacts a private key block cut off before its END line to the end of the text", () => {
    expect(redactText("here: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq", all).text).toBe("here: [PRIVATE_KEY_1]");
  });

  it("does not redact inside a placeholder it has already written", () => {
    const custom = { name: "DIGITS", pattern: "\\d+", caseInsensitive: false };
    const out = redactText("mail a@b.co and 42", { ...all, custom: [custom] });
    expect(out.text).toBe("mail [EMAIL_1] and [DIGITS_1]");
  });

  it("applies custom patterns first, under their own name", () => {
    const custom = [{ name: "EMPLOYEE_ID", pattern: "E-\\d{6}", caseInsensitive: false }];
    const out = redactText("Employee E-123456 and e-123456", { ...all, custom });
    expect(out.text).toBe("Employee [EMPLOYEE_ID_1] and e-123456");
    const insensitive = redactText("Employee E-123456 and e-123456", { ...all, custom: [{ ...custom[0]!, caseInsensitive: true }] });
    expect(insensitive.text).toBe("Employee [EMPLOYEE_ID_1] and [EMPLOYEE_ID_2]");
  });

  it("respects the groups that are switched off", () => {
    const text = "a@b.co 4111 1111 1111 1111";
    expect(redactText(text, only("email")).text).toBe("[EMAIL_1] 4111 1111 1111 1111");
    expect(redactText(text, only("card")).text).toBe("a@b.co [CARD_1]");
  });
});

describe("customPatternProblem", () => {
  it("refuses bad names, invalid or empty-matching regexes, and what the linear-time engine cannot run", () => {
    const ok = { name: "TICKET", pattern: "T-\\d+", caseInsensitive: false };
    expect(customPatternProblem(ok)).toBeNull();
    expect(customPatternProblem({ ...ok, name: "ticket" })).toMatch(/upper-case/);
    expect(customPatternProblem({ ...ok, name: "EMAIL" })).toMatch(/built-in/);
    expect(customPatternProblem({ ...ok, pattern: "T-(" })).toMatch(/not a valid/);
    expect(customPatternProblem({ ...ok, pattern: "x*" })).toMatch(/empty/);
    expect(customPatternProblem({ ...ok, pattern: "T-(?=\\d)" })).toMatch(/^the pattern uses a lookahead/);
    expect(customPatternProblem({ ...ok, pattern: "(T)-\\1" })).toMatch(/^the pattern uses a backreference \(\\1\)/);
    expect(customPatternProblem({ ...ok, pattern: "[a-z]{1,300}\\d" })).toMatch(/^the pattern is too large/);
  });

  it("accepts nested quantifiers, which cannot backtrack on the linear-time engine, and redacts with them", () => {
    const nested = { name: "XS", pattern: "(x|x)+y", caseInsensitive: false };
    expect(customPatternProblem(nested)).toBeNull();
    expect(customPatternProblem({ ...nested, pattern: "(a+)+b" })).toBeNull();
    const options = { ...defaultRedactionOptions(), custom: [nested] };
    // 2^40 paths for a backtracking engine (V8 took 5.7 s at 25 x's); one pass here.
    const out = redactText(`${"x".repeat(40)} then xxy and ${"x".repeat(5000)}`, options);
    expect(out.text).toBe(`${"x".repeat(40)} then [XS_1] and ${"x".repeat(5000)}`);
  });
});

describe("redactChatRequest", () => {
  it("numbers placeholders across messages and redacts tool-call arguments, keeping them JSON", () => {
    const { request, counts } = redactChatRequest(
      {
        model: "sim-chat-1",
        messages: [
          { role: "system", content: "Support for ann@example.com." },
          { role: "user", content: "I am ann@example.com, card 4111 1111 1111 1111." },
          {
            role: "assistant",
            content: null,
            tool_calls: [{ id: "c1", type: "function", function: { name: "refund", arguments: '{"email":"ann@example.com","to":"bo@x.io"}' } }],
          },
          { role: "tool", tool_call_id: "c1", content: "refunded bo@x.io" },
        ],
      },
      all,
    );
    expect(request.messages[0]?.content).toBe("Support for [EMAIL_1].");
    expect(request.messages[1]?.content).toBe("I am [EMAIL_1], card [CARD_1].");
    const call = request.messages[2];
    expect(call?.role === "assistant" && JSON.parse(call.tool_calls?.[0]?.function.arguments ?? "")).toEqual({ email: "[EMAIL_1]", to: "[EMAIL_2]" });
    expect(request.messages[3]?.content).toBe("refunded [EMAIL_2]");
    expect(counts).toEqual({ EMAIL: 5, CARD: 1 });
    expect(request.model).toBe("sim-chat-1");
  });
});

describe("restorePlaceholders", () => {
  it("puts the values back and leaves unknown placeholders", () => {
    const { replacements } = redactText("ann@example.com and +44 20 7946 0958", all);
    expect(restorePlaceholders("Write to [EMAIL_1] or ring [PHONE_1]; not [EMAIL_9].", replacements)).toBe(
      "Write to ann@example.com or ring +44 20 7946 0958; not [EMAIL_9].",
    );
  });
});
