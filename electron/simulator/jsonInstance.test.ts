// Tests (Node): generated instances are valid against their JSON Schemas (checked with ajv).
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { generateInstance } from "./jsonInstance";

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

function expectValid(schema: Record<string, unknown>, value = generateInstance(schema)): unknown {
  const validate = ajv.compile(schema);
  expect(validate(value), `${JSON.stringify(value)}: ${JSON.stringify(validate.errors)}`).toBe(true);
  return value;
}

describe("generateInstance", () => {
  it.each<[string, Record<string, unknown>]>([
    ["primitive types", { type: "object", properties: { s: { type: "string" }, i: { type: "integer" }, n: { type: "number" }, b: { type: "boolean" }, z: { type: "null" } }, required: ["s", "i", "n", "b", "z"] }],
    ["enum and const", { type: "object", properties: { color: { enum: ["red", "green"] }, kind: { const: "fixed" } }, required: ["color", "kind"] }],
    ["numeric bounds", { type: "object", properties: { a: { type: "integer", minimum: 10, maximum: 12 }, b: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 }, c: { type: "integer", minimum: -5, maximum: -3 }, d: { type: "integer", multipleOf: 7, minimum: 20 }, e: { type: "number", maximum: -100 } }, required: ["a", "b", "c", "d", "e"] }],
    ["string lengths", { type: "object", properties: { short: { type: "string", maxLength: 3 }, long: { type: "string", minLength: 40 } }, required: ["short", "long"] }],
    ["string formats", { type: "object", properties: Object.fromEntries(["date", "date-time", "time", "email", "uri", "uuid", "ipv4", "ipv6", "hostname", "duration"].map((f) => [f, { type: "string", format: f }])), required: ["date", "email", "uuid"] }],
    ["patterns of common shapes", { type: "object", properties: { code: { type: "string", pattern: "^[A-Z]{3}$" }, digits: { type: "string", pattern: "^\\d+$" } }, required: ["code", "digits"] }],
    ["arrays with bounds and unique items", { type: "array", items: { type: "string" }, minItems: 3, maxItems: 5, uniqueItems: true }],
    ["array of enum values, unique", { type: "array", items: { enum: ["a", "b", "c"] }, minItems: 2, uniqueItems: true }],
    ["prefixItems tuples", { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], items: false }],
    ["nullable unions", { type: "object", properties: { maybe: { type: ["string", "null"] }, either: { anyOf: [{ type: "null" }, { type: "integer", minimum: 3 }] } }, required: ["maybe", "either"] }],
    ["oneOf", { oneOf: [{ type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false }, { type: "integer" }] }],
    ["allOf merging", { allOf: [{ type: "object", properties: { a: { type: "string" } }, required: ["a"] }, { properties: { b: { type: "integer" } }, required: ["b"] }] }],
    ["$ref to $defs", { type: "object", properties: { home: { $ref: "#/$defs/address" }, work: { $ref: "#/$defs/address" } }, required: ["home"], $defs: { address: { type: "object", properties: { street: { type: "string" }, zip: { type: "string", pattern: "^\\d+$" } }, required: ["street", "zip"], additionalProperties: false } } }],
    ["recursive $ref ends", { $ref: "#/$defs/node", $defs: { node: { type: "object", properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/$defs/node" } } }, required: ["name", "children"] } } }],
    ["recursive nullable ref ends", { $ref: "#/$defs/list", $defs: { list: { type: "object", properties: { value: { type: "integer" }, next: { anyOf: [{ $ref: "#/$defs/list" }, { type: "null" }] } }, required: ["value", "next"], additionalProperties: false } } }],
    ["min and max properties", { type: "object", minProperties: 3, additionalProperties: { type: "integer" } }],
    ["no type at all", { properties: { x: {} }, required: ["x"] }],
    ["strict structured-output style", { type: "object", properties: { steps: { type: "array", items: { type: "object", properties: { explanation: { type: "string" }, output: { type: "string" } }, required: ["explanation", "output"], additionalProperties: false } }, final_answer: { type: "string" } }, required: ["steps", "final_answer"], additionalProperties: false }],
  ])("%s", (_label, schema) => {
    expectValid(schema);
  });

  it("is deterministic", () => {
    const schema = { type: "object", properties: { a: { type: "array", items: { type: "number" } }, b: { type: "string", format: "uuid" } } };
    expect(generateInstance(schema)).toEqual(generateInstance(schema));
  });

  it("uses hints for names, numbers and enum values, still within the schema", () => {
    const schema = {
      type: "object",
      properties: { city: { type: "string", maxLength: 5 }, days: { type: "integer", maximum: 7 }, units: { enum: ["celsius", "fahrenheit"] } },
      required: ["city", "days", "units"],
    };
    const value = expectValid(schema, generateInstance(schema, { stringFor: () => "Amsterdam", numberFor: () => 3, enumFor: () => "fahrenheit" }));
    expect(value).toEqual({ city: "Amste", days: 3, units: "fahrenheit" });
  });

  it("ignores a hinted number outside the bounds", () => {
    const schema = { type: "integer", minimum: 1, maximum: 7 };
    const value = generateInstance(schema, { numberFor: () => 30 });
    expectValid(schema, value);
  });
});
