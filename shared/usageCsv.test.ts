// Tests: the usage CSV export: escaping, formula defusing, and a round trip through the CSV parser.
import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import type { UsageEntry } from "./contracts/usage";
import { csvField, usageToCsv } from "./usageCsv";

const entry: UsageEntry = {
  entryVersion: 1,
  time: Date.UTC(2025, 0, 2, 3, 4, 5),
  runId: null,
  profileId: "work",
  profileName: 'Team "A", prod\nline two',
  providerKind: "openai",
  model: "=HYPERLINK(\"http://x\")",
  feature: "playground",
  promptVersion: null,
  promptTokens: 12,
  completionTokens: 34,
  costUsd: 0.0001,
  latencyMs: 812.5,
  attempts: 2,
  status: "ok",
  errorKind: null,
  httpStatus: 200,
  requestId: "req_1",
  fallbackStep: null,
};

describe("csvField", () => {
  it("quotes commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(3.5)).toBe("3.5");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-2")).toBe("'-2");
  });
});

describe("usageToCsv", () => {
  it("writes a header and one row per entry that parse back to the same values", () => {
    const csv = usageToCsv([entry]);
    const rows = parseCsv(csv).filter((r) => r.some((f) => f !== ""));
    expect(rows[0]).toContain("cost_usd");
    const row = Object.fromEntries((rows[0] ?? []).map((name, i) => [name, rows[1]?.[i]]));
    expect(row).toMatchObject({
      time: "2025-01-02T03:04:05.000Z",
      profile: 'Team "A", prod\nline two',
      model: "'=HYPERLINK(\"http://x\")",
      prompt_tokens: "12",
      cost_usd: "0.0001",
      prompt_version: "",
      request_id: "req_1",
    });
    expect(rows).toHaveLength(2);
  });
});
