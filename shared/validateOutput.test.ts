// Tests: answers are parsed and validated with readable errors at JSONPaths.
import { describe, expect, it, vi } from "vitest";
import { pointerToJsonPath, validateAgainstSchema } from "./validateOutput";

const schema = {
  type: "object",
  properties: {
    title: { type: "string" },
    priority: { type: "string", enum: ["low", "high"] },
    due: { type: ["string", "null"], format: "date" },
    items: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        properties: { sku: { type: "string", pattern: "^[A-Z]{3}-\\d+$" }, price: { type: "number", minimum: 0 } },
        required: ["sku", "price"],
        additionalProperties: false,
      },
    },
  },
  required: ["title", "priority", "due", "items"],
  additionalProperties: false,
};

const good = { title: "Order", priority: "low", due: "2025-03-01", items: [{ sku: "ABC-1", price: 2.5 }] };

describe("validateAgainstSchema", () => {
  it("accepts a conforming answer and returns its value", () => {
    expect(validateAgainstSchema(JSON.stringify(good), schema)).toEqual({ ok: true, value: good, errors: [] });
  });

  it("says where an answer that is not JSON breaks, by line and column", () => {
    const result = validateAgainstSchema('{\n  "title": "x",\n  "priority": }', schema);
    expect(result.ok).toBe(false);
    expect(result.value).toBeUndefined();
    expect(result.errors).toEqual([{ path: "$", message: "The answer is not valid JSON: value expected at line 3, column 15." }]);
    expect(validateAgainstSchema("  ", schema).errors[0]?.message).toMatch(/empty/);
  });

  it("reports every violation with a JSONPath and a readable sentence", () => {
    const bad = { title: 7, priority: "urgent", due: "tomorrow", items: [{ sku: "abc", price: -1, color: "red" }] };
    const result = validateAgainstSchema(JSON.stringify(bad), schema);
    expect(result.ok).toBe(false);
    expect(result.value).toEqual(bad);
    expect(result.errors.map((e) => e.message).sort()).toEqual(
      [
        "$.title should be a string, not an integer.",
        '$.priority should be one of "low", "high".',
        "$.due should be a valid date.",
        '$.items[0] has a property "color" the schema does not allow.',
        "$.items[0].sku should match the pattern ^[A-Z]{3}-\\d+$.",
        "$.items[0].price should be >= 0.",
      ].sort(),
    );
    expect(result.errors.find((e) => e.message.includes("color"))?.path).toBe("$.items[0]");
  });

  it("names a missing property and an empty array", () => {
    const { title: _omit, ...rest } = good;
    const result = validateAgainstSchema(JSON.stringify({ ...rest, items: [] }), schema);
    expect(result.errors.map((e) => e.message).sort()).toEqual(['$ is missing the required property "title".', "$.items should have at least 1 item."]);
  });

  it("describes a union type failure with both types", () => {
    const result = validateAgainstSchema(JSON.stringify({ ...good, due: 5 }), schema);
    expect(result.errors[0]?.message).toBe("$.due should be a string or null, not an integer.");
  });

  it("reports a schema that cannot be compiled instead of throwing", () => {
    const result = validateAgainstSchema("{}", { type: "object", properties: { a: { $ref: "#/$defs/none" } } });
    expect(result.ok).toBe(false);
    expect(result.errors[0]?.message).toMatch(/schema itself cannot be used.*#\/\$defs\/none/);
  });

  it("says so when code generation is blocked (a renderer's content security policy), without caching that", () => {
    const blocked = { type: "object", properties: { blocked: { type: "boolean" } } };
    vi.stubGlobal("Function", function blockedFunction() {
      throw new EvalError("Code generation from strings disallowed for this context");
    });
    try {
      expect(validateAgainstSchema('{"blocked": true}', blocked).errors[0]?.message).toMatch(/cannot run in this process.*main side/);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(validateAgainstSchema('{"blocked": true}', blocked).ok).toBe(true);
  });

  it("caches by schema text: a caller changing its schema object later gets the new rules", () => {
    const mutable: Record<string, unknown> = { type: "object", properties: { n: { type: "integer" } }, required: ["n"] };
    expect(validateAgainstSchema('{"n": 1}', mutable).ok).toBe(true);
    mutable.properties = { n: { type: "string" } };
    expect(validateAgainstSchema('{"n": 1}', mutable).ok).toBe(false);
  });

  it("keeps working past the cache size, and schemas sharing an $id do not collide", () => {
    for (let i = 0; i < 40; i++) {
      const s = { $id: "https://example.com/same", type: "object", properties: { v: { const: i } }, required: ["v"] };
      expect(validateAgainstSchema(JSON.stringify({ v: i }), s).ok).toBe(true);
      expect(validateAgainstSchema(JSON.stringify({ v: i + 1 }), s).ok).toBe(false);
    }
  });
});

describe("pointerToJsonPath", () => {
  it("writes identifiers with dots, indexes and odd keys with brackets", () => {
    expect(pointerToJsonPath("")).toBe("$");
    expect(pointerToJsonPath("/a/0/b_c")).toBe("$.a[0].b_c");
    expect(pointerToJsonPath("/odd key/x~1y/t~0")).toBe('$["odd key"]["x/y"]["t~"]');
  });
});
