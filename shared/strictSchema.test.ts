// Tests: the schema checker finds JSON, JSON Schema and strict-mode problems at the right place.
import { describe, expect, it, vi } from "vitest";
import { checkSchemaText, isStrictCompatible, STRICT_LIMITS, type SchemaProblem } from "./strictSchema";

const errors = (problems: SchemaProblem[]) => problems.filter((p) => p.severity === "error");
const warnings = (problems: SchemaProblem[]) => problems.filter((p) => p.severity === "warning");

const valid = {
  type: "object",
  properties: {
    title: { type: "string", description: "One line" },
    priority: { type: "string", enum: ["low", "medium", "high"] },
    due: { type: ["string", "null"], format: "date" },
    tags: { type: "array", items: { type: "string" }, minItems: 1, maxItems: 5 },
    owner: { anyOf: [{ $ref: "#/$defs/person" }, { type: "null" }] },
    score: { type: "number", minimum: 0, exclusiveMaximum: 10, multipleOf: 0.5 },
  },
  required: ["title", "priority", "due", "tags", "owner", "score"],
  additionalProperties: false,
  $defs: {
    person: {
      type: "object",
      properties: { name: { type: "string", pattern: "^[A-Z]" }, email: { type: "string", format: "email" } },
      required: ["name", "email"],
      additionalProperties: false,
    },
  },
};

describe("checkSchemaText", () => {
  it("accepts a schema that follows every strict-mode rule", () => {
    expect(checkSchemaText(JSON.stringify(valid, null, 2))).toEqual([]);
  });

  it("warns at a pattern the app's linear-time engine cannot run, and says why", () => {
    const schema = { ...valid, properties: { ...valid.properties, name: { type: "string", pattern: "^(?!admin)" } } };
    const found = checkSchemaText(JSON.stringify(schema, null, 2)).filter((p) => p.path === "/properties/name/pattern");
    expect(found).toEqual([
      expect.objectContaining({ severity: "warning", message: "This app cannot check answers against this pattern: it uses a lookahead ((?= or (?!), which the app's linear-time regex engine cannot run; rewrite the pattern without it." }),
    ]);
  });

  it("reports a JSON syntax error at its line and column", () => {
    const text = '{\n  "type": "object",\n  "properties": {},\n}';
    const problems = checkSchemaText(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: "error", line: 4, column: 1 });
    expect(problems[0]?.message).toMatch(/property name/i);
  });

  it("refuses comments, an empty text and a root that is not an object", () => {
    expect(checkSchemaText('{ // note\n "type": "object" }')[0]?.message).toMatch(/comments/i);
    expect(checkSchemaText("   ")[0]?.message).toMatch(/empty/);
    expect(checkSchemaText("[1, 2]")[0]).toMatchObject({ message: expect.stringMatching(/JSON object/), line: 1, column: 1 });
  });

  it("counts lines the same with \\r\\n line ends", () => {
    const text = '{\r\n  "type": "object",\r\n  "properties": { "a": { "type": "string" } },\r\n  "required": ["a"]\r\n}';
    const missing = checkSchemaText(text).find((p) => p.message.includes("additionalProperties"));
    expect(missing).toMatchObject({ line: 1, column: 1, path: "" });
  });

  it("reports invalid JSON Schema where the bad keyword value is", () => {
    const text = '{\n  "type": "object",\n  "properties": { "a": { "type": "strin" } },\n  "required": ["a"],\n  "additionalProperties": false\n}';
    const problems = errors(checkSchemaText(text));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "/properties/a/type", line: 3, column: 34 });
    expect(problems[0]?.message).toMatch(/Not valid JSON Schema: "type" must be one of .*string/);
  });

  it("reports a $ref that points nowhere on the $ref itself", () => {
    const text = '{"type":"object","properties":{"r":{"$ref":"#/$defs/missing"}},"required":["r"],"additionalProperties":false}';
    const [problem] = checkSchemaText(text);
    expect(problem).toMatchObject({ path: "/properties/r/$ref", severity: "error", column: text.indexOf('"#/$defs/missing"') + 1 });
  });

  it("accepts recursion through # and $defs, and refuses references that leave the schema", () => {
    const recursive = {
      type: "object",
      properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#" } }, link: { $ref: "#/$defs/link" } },
      required: ["name", "children", "link"],
      additionalProperties: false,
      $defs: { link: { type: "object", properties: { url: { type: "string" } }, required: ["url"], additionalProperties: false } },
    };
    expect(checkSchemaText(JSON.stringify(recursive))).toEqual([]);
    const remote = { ...recursive, properties: { ...recursive.properties, link: { $ref: "https://example.com/link.json" } } };
    expect(errors(checkSchemaText(JSON.stringify(remote)))[0]).toMatchObject({ path: "/properties/link/$ref", message: expect.stringMatching(/outside this schema/) });
  });

  it("requires additionalProperties: false on every object, nested ones included", () => {
    const schema = {
      type: "object",
      properties: { inner: { type: "object", properties: { x: { type: "string" } }, required: ["x"], additionalProperties: true } },
      required: ["inner"],
    };
    const problems = errors(checkSchemaText(JSON.stringify(schema)));
    expect(problems.map((p) => p.path).sort()).toEqual(["", "/properties/inner/additionalProperties"]);
  });

  it("requires every property in required, pointing at the property's key, and refuses unknown required names", () => {
    const text = JSON.stringify(
      { type: "object", properties: { a: { type: "string" }, b: { type: "integer" } }, required: ["a", "ghost", "toString"], additionalProperties: false },
      null,
      2,
    );
    const problems = errors(checkSchemaText(text));
    const optional = problems.find((p) => p.path === "/properties/b");
    expect(optional?.message).toMatch(/"b" must be listed in "required".*null/);
    const keyLine = text.split("\n").findIndex((l) => l.includes('"b":')) + 1;
    expect(optional).toMatchObject({ line: keyLine, column: 5 });
    expect(problems.find((p) => p.path === "/required/1")?.message).toMatch(/"ghost"/);
    expect(problems.find((p) => p.path === "/required/2")?.message).toMatch(/"toString"/);
  });

  it("refuses anyOf at the root and a root that is not an object type", () => {
    const anyOfRoot = checkSchemaText(JSON.stringify({ anyOf: [{ type: "object", properties: {}, additionalProperties: false }] }));
    expect(anyOfRoot.some((p) => p.path === "/anyOf" && /root cannot be an anyOf/.test(p.message))).toBe(true);
    const arrayRoot = checkSchemaText(JSON.stringify({ type: "array", items: { type: "string" } }));
    expect(arrayRoot.find((p) => p.path === "/type")?.message).toMatch(/root must be an object/);
  });

  it("flags the composition keywords the guide documents as unsupported as errors", () => {
    for (const keyword of ["allOf", "not", "if", "dependentRequired", "dependentSchemas"]) {
      const sub = keyword === "dependentRequired" ? { a: ["b"] } : keyword === "dependentSchemas" ? { a: { type: "object" } } : keyword === "allOf" ? [{ type: "string" }] : { type: "string" };
      const schema = { type: "object", properties: { a: { type: "string", [keyword]: sub } }, required: ["a"], additionalProperties: false };
      const problem = checkSchemaText(JSON.stringify(schema)).find((p) => p.path === `/properties/a/${keyword}`);
      expect(problem?.severity, keyword).toBe("error");
    }
  });

  it("warns about keywords strict mode does not document, with a hint", () => {
    const schema = {
      type: "object",
      properties: { name: { type: "string", minLength: 2 }, kind: { oneOf: [{ type: "string" }], type: "string" } },
      required: ["name", "kind"],
      additionalProperties: false,
      patternProperties: { "^x": { type: "string" } },
      minProperties: 1,
    };
    const found = warnings(checkSchemaText(JSON.stringify(schema)));
    expect(found.map((p) => p.path).sort()).toEqual(["/minProperties", "/patternProperties", "/properties/kind/oneOf", "/properties/name/minLength"]);
    expect(found.find((p) => p.path.endsWith("oneOf"))?.message).toMatch(/anyOf instead/);
    expect(errors(checkSchemaText(JSON.stringify(schema)))).toEqual([]);
  });

  it("warns about a string format outside the documented list", () => {
    const schema = { type: "object", properties: { site: { type: "string", format: "uri" } }, required: ["site"], additionalProperties: false };
    const [problem] = checkSchemaText(JSON.stringify(schema));
    expect(problem).toMatchObject({ severity: "warning", path: "/properties/site/format" });
  });

  it("needs every subschema to state a type", () => {
    const schema = { type: "object", properties: { anything: {} }, required: ["anything"], additionalProperties: false };
    expect(errors(checkSchemaText(JSON.stringify(schema)))[0]).toMatchObject({ path: "/properties/anything", message: expect.stringMatching(/"type"/) });
  });

  it("allows 10 levels of nested objects and refuses 11", () => {
    const nest = (levels: number): Record<string, unknown> => {
      const obj: Record<string, unknown> = { type: "object", properties: {}, required: [], additionalProperties: false };
      if (levels > 1) {
        obj.properties = { child: nest(levels - 1) };
        obj.required = ["child"];
      }
      return obj;
    };
    expect(checkSchemaText(JSON.stringify(nest(STRICT_LIMITS.maxObjectDepth)))).toEqual([]);
    const deep = errors(checkSchemaText(JSON.stringify(nest(STRICT_LIMITS.maxObjectDepth + 1))));
    expect(deep).toHaveLength(1);
    expect(deep[0]?.message).toMatch(/11 levels/);
    expect(deep[0]?.path).toBe("/properties/child".repeat(10));
  });

  it("refuses more than 5000 properties in all", () => {
    const make = (count: number) => {
      const properties = Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${i}`, { type: "integer" }]));
      return JSON.stringify({ type: "object", properties, required: Object.keys(properties), additionalProperties: false });
    };
    expect(errors(checkSchemaText(make(STRICT_LIMITS.maxProperties)))).toEqual([]);
    expect(errors(checkSchemaText(make(STRICT_LIMITS.maxProperties + 1)))[0]?.message).toMatch(/5001 object properties/);
  });

  it("refuses more than 1000 enum values in all", () => {
    const values = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const schema = {
      type: "object",
      properties: { a: { type: "string", enum: values(600, "a") }, b: { type: "string", enum: values(401, "b") } },
      required: ["a", "b"],
      additionalProperties: false,
    };
    expect(errors(checkSchemaText(JSON.stringify(schema)))[0]?.message).toMatch(/1001 enum values/);
  });
});

describe("checkSchemaText where generated code is blocked", () => {
  it("still checks JSON and strict-mode rules, and says the JSON Schema check was skipped", async () => {
    vi.resetModules(); // a fresh module, whose validator has not compiled its meta-schema yet
    vi.stubGlobal("Function", function blockedFunction() {
      throw new EvalError("Code generation from strings disallowed for this context");
    });
    try {
      const fresh = await import("./strictSchema");
      const problems = fresh.checkSchemaText(JSON.stringify({ type: "object", properties: { a: { type: "string" } }, required: ["a"] }));
      expect(problems.map((p) => [p.severity, p.path])).toEqual([
        ["warning", ""],
        ["error", ""],
      ]);
      expect(problems[0]?.message).toMatch(/could not run here.*only the strict-mode rules/);
      expect(problems[1]?.message).toMatch(/additionalProperties/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("isStrictCompatible", () => {
  it("is true for a strict schema and false otherwise", () => {
    expect(isStrictCompatible(valid)).toBe(true);
    expect(isStrictCompatible({ ...valid, additionalProperties: true })).toBe(false);
    expect(isStrictCompatible("not a schema")).toBe(false);
    expect(isStrictCompatible([valid])).toBe(false);
  });

  it("accepts warnings (undocumented keywords) but not errors", () => {
    const withTitleAndDefault = { ...valid, properties: { ...valid.properties, title: { type: "string", default: "x" } } };
    expect(isStrictCompatible(withTitleAndDefault)).toBe(true);
  });

  it("does not let a schema's $id collide with an earlier one", () => {
    const a = { ...valid, $id: "https://example.com/ticket" };
    expect(isStrictCompatible(a)).toBe(true);
    expect(isStrictCompatible({ ...a, description: "same id, other schema" })).toBe(true);
  });
});
