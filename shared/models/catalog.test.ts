// Tests (Node): the model catalog lists exactly the chat model ids the vendored OpenAPI spec names,
// with the APIs the spec gives them, and holds no fact it cannot source.
import { describe, expect, it } from "vitest";
import { loadSchemas } from "../../test/conformance/openapiSpec";
import { CATALOG_SOURCE, MODEL_CATALOG, catalogModel } from "./catalog";

type Node = { anyOf?: Node[]; enum?: string[]; $ref?: string };

/** The string enums of a spec schema (through its anyOf branches, not following $refs). */
function enumsOf(name: string): string[] {
  const schema = loadSchemas()[name] as Node;
  return (schema.anyOf ?? []).flatMap((branch) => branch.enum ?? []);
}

const real = MODEL_CATALOG.filter((m) => !m.simulated);

describe("the model catalog", () => {
  it("names its source and dates", () => {
    expect(CATALOG_SOURCE.spec).toContain("f85dbe223d40e1a31cba812ab2d755c7e98a92a3");
    expect(CATALOG_SOURCE.specDate).toBe("2026-08-21");
    expect(CATALOG_SOURCE.pricesAsOf).toMatch(/^\d{4}-\d{2}/);
  });

  it("lists every id of the spec's ModelIdsShared for both chat APIs, and ResponsesOnlyModel for Responses only", () => {
    const shared = enumsOf("ModelIdsShared");
    const responsesOnly = enumsOf("ModelIdsResponses");
    expect(shared.length).toBeGreaterThan(50);
    expect(responsesOnly.length).toBeGreaterThan(10);
    for (const id of shared) expect(catalogModel(id)?.apis, id).toEqual(["chat.completions", "responses"]);
    for (const id of responsesOnly) expect(catalogModel(id)?.apis, id).toEqual(["responses"]);
    const chatIds = real.filter((m) => m.kind === "chat" || m.kind === "reasoning").map((m) => m.id);
    expect(chatIds.sort()).toEqual([...shared, ...responsesOnly].sort());
  });

  it("lists the embedding and moderation models the spec names", () => {
    for (const id of ["text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002"]) expect(catalogModel(id)?.kind).toBe("embedding");
    const moderation = (loadSchemas().CreateModerationRequest as { properties: { model: Node } }).properties.model;
    const ids = (moderation.anyOf ?? []).flatMap((b) => b.enum ?? []);
    expect(ids).toContain("omni-moderation-latest");
    for (const id of ids) expect(catalogModel(id)?.kind).toBe("moderation");
  });

  it("has one entry per id, and snapshots that share a price point at a priced model", () => {
    expect(new Set(MODEL_CATALOG.map((m) => m.id)).size).toBe(MODEL_CATALOG.length);
    for (const m of MODEL_CATALOG.filter((e) => e.aliasOf)) {
      expect(m.price, m.id).toBeNull();
      expect(catalogModel(m.aliasOf ?? "")?.price, m.id).not.toBeNull();
    }
  });

  it("leaves unconfirmed limits empty rather than guessing them", () => {
    for (const m of real) {
      expect(m.contextWindow, m.id).toBeNull();
      expect(m.maxOutputTokens, m.id).toBeNull();
    }
  });

  it("gives reasoning models the reasoning rules and other chat models the refusal of reasoning settings", () => {
    const rule = (id: string, param: string) => catalogModel(id)?.rules.find((r) => r.param === param);
    expect(rule("gpt-5-mini", "temperature")?.onlyDefault).toBe(1);
    expect(rule("o3", "max_tokens")?.useInstead).toBe("max_completion_tokens");
    expect(rule("o3", "stop")).toBeDefined();
    expect(rule("gpt-4.1-mini", "temperature")).toBeUndefined();
    expect(rule("gpt-4.1-mini", "reasoning.effort")).toBeDefined();
  });
});
