// Tests: {{variables}} are found and filled, unknown ones stay visible.
import { describe, expect, it } from "vitest";
import { fillRequest, fillTemplate, missingVariables, variablesIn } from "./template";

describe("templates", () => {
  it("finds variables once each, in order", () => {
    expect(variablesIn("{{city}} and {{ day }} in {{city}}")).toEqual(["city", "day"]);
  });
  it("fills known variables and leaves unknown ones as written", () => {
    expect(fillTemplate("Weather in {{ city }} on {{day}}", { city: "Paris" })).toBe("Weather in Paris on {{day}}");
    expect(fillTemplate("{{a}}", { a: "$1 {{b}}" })).toBe("$1 {{b}}");
  });
  it("fills every message of a request and lists what is missing", () => {
    const request = { model: "m", messages: [{ role: "system" as const, content: "Tone: {{tone}}" }, { role: "user" as const, content: "{{q}}" }] };
    expect(fillRequest(request, { tone: "dry", q: "Why?" }).messages.map((m) => m.content)).toEqual(["Tone: dry", "Why?"]);
    expect(missingVariables(request, { q: "x" })).toEqual(["tone"]);
  });
});
