// Tests: schemas drafted from examples are strict-mode valid and accept the example they came from.
import { describe, expect, it } from "vitest";
import { EXAMPLE_NOTES, schemaFromExample } from "./schemaFromExample";
import { checkSchemaText } from "./strictSchema";
import { validateAgainstSchema } from "./validateOutput";

const ticket = {
  title: "Checkout page times out",
  category: "bug",
  priority: 2,
  confidence: 0.87,
  needs_human: true,
  assignee: null,
  labels: ["payments", "latency"],
};

const invoice = {
  invoice_number: "INV-2024-0042",
  issued: "2024-05-01",
  currency: "EUR",
  seller: { name: "Acme GmbH", vat_id: "DE123456789", address: { street: "Hauptstr. 1", city: "Berlin", postcode: "10115" } },
  lines: [
    { description: "Widget", quantity: 3, unit_price: 9.5 },
    { description: "Shipping", quantity: 1, unit_price: 5, discount: 0.1 },
  ],
  total: 33.5,
  paid: false,
};

const nested = {
  teams: [
    { name: "core", members: [{ login: "ada", roles: ["admin"] }, { login: "lin", roles: [] }] },
    { name: "web", members: [] },
  ],
  matrix: [
    [1, 2],
    [3.5, 4],
  ],
};

describe("schemaFromExample", () => {
  // The invoice's first line has no discount: a strict answer always carries every key, so as null.
  const complete = { ticket, invoice: { ...invoice, lines: [{ ...invoice.lines[0], discount: null }, invoice.lines[1]] }, nested };
  for (const [name, example] of Object.entries({ ticket, invoice, nested })) {
    it(`drafts a strict-mode schema with no errors for a ${name} example, which the example satisfies`, () => {
      const schema = schemaFromExample(example);
      const problems = checkSchemaText(JSON.stringify(schema, null, 2));
      expect(problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(problems).toEqual([]); // not even warnings: only documented keywords are produced
      const answer = complete[name as keyof typeof complete];
      expect(validateAgainstSchema(JSON.stringify(answer), schema)).toMatchObject({ ok: true, errors: [] });
    });
  }

  it("requires a key some example objects lacked (strict answers carry every key)", () => {
    const check = validateAgainstSchema(JSON.stringify(invoice), schemaFromExample(invoice));
    expect(check.errors).toEqual([{ path: "$.lines[0]", message: '$.lines[0] is missing the required property "discount".' }]);
  });

  it("tells integers from numbers and makes null a string-or-null guess with a note", () => {
    const schema = schemaFromExample(ticket) as { properties: Record<string, Record<string, unknown>>; required: string[] };
    expect(schema.properties.priority).toEqual({ type: "integer" });
    expect(schema.properties.confidence).toEqual({ type: "number" });
    expect(schema.properties.needs_human).toEqual({ type: "boolean" });
    expect(schema.properties.assignee).toEqual({ type: ["string", "null"], description: EXAMPLE_NOTES.onlyNull });
    expect(schema.properties.labels).toEqual({ type: "array", items: { type: "string" } });
    expect(schema.required).toEqual(Object.keys(ticket));
  });

  it("merges array items: a key missing from some objects becomes nullable, 5 and 9.5 make a number", () => {
    const schema = schemaFromExample(invoice) as { properties: { lines: { items: { properties: Record<string, unknown>; required: string[] } } } };
    const line = schema.properties.lines.items;
    expect(line.required).toEqual(["description", "quantity", "unit_price", "discount"]);
    expect(line.properties.unit_price).toEqual({ type: "number" });
    expect(line.properties.quantity).toEqual({ type: "integer" });
    expect(line.properties.discount).toEqual({ type: ["number", "null"], description: EXAMPLE_NOTES.missingSometimes });
    // The merged schema still accepts a line without a discount only as null, as strict mode needs.
    expect(validateAgainstSchema('{"description":"x","quantity":1,"unit_price":1,"discount":null}', line).ok).toBe(true);
  });

  it("writes mixed kinds as anyOf and a nullable object as anyOf with null", () => {
    const schema = schemaFromExample({ values: [1, "two", { three: 3 }], maybe: [{ a: 1 }, null] }) as {
      properties: Record<string, { items: Record<string, unknown> }>;
    };
    const values = schema.properties.values?.items as { anyOf: Record<string, unknown>[] };
    expect(values.anyOf.map((b) => b.type)).toEqual(["integer", "string", "object"]);
    expect(schema.properties.maybe?.items).toEqual({
      anyOf: [{ type: "object", properties: { a: { type: "integer" } }, required: ["a"], additionalProperties: false }, { type: "null" }],
    });
  });

  it("guesses string items for an empty array, with a note", () => {
    const schema = schemaFromExample({ tags: [] }) as { properties: { tags: Record<string, unknown> } };
    expect(schema.properties.tags).toEqual({ type: "array", items: { type: "string" }, description: EXAMPLE_NOTES.emptyArray });
  });

  it("wraps a root that is not an object, as strict mode needs", () => {
    const fromArray = schemaFromExample([{ id: 1 }, { id: 2 }]) as { type: string; required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(fromArray.type).toBe("object");
    expect(fromArray.required).toEqual(["items"]);
    expect(fromArray.properties.items?.description).toBe(EXAMPLE_NOTES.wrappedRoot);
    const fromString = schemaFromExample("hello");
    expect(fromString).toMatchObject({ properties: { value: { type: "string" } }, required: ["value"] });
    expect(checkSchemaText(JSON.stringify(fromArray))).toEqual([]);
    expect(validateAgainstSchema(JSON.stringify({ items: [{ id: 1 }, { id: 2 }] }), fromArray).ok).toBe(true);
  });

  it("never infers a format from a value that looks like a date or an email", () => {
    const schema = schemaFromExample({ when: "2024-05-01", mail: "a@b.co" }) as { properties: Record<string, unknown> };
    expect(schema.properties).toEqual({ when: { type: "string" }, mail: { type: "string" } });
  });
});
