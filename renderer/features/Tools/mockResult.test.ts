// Renderer tests: mock results from fixed JSON and from templates over the arguments.
import { describe, expect, it } from "vitest";
import { mockResultFor, renderTemplate, valueAtPath } from "./mockResult";

describe("renderTemplate", () => {
  it("fills placeholders inside strings as text and outside as JSON values", () => {
    const out = renderTemplate('{"status":"shipped","order":"{{order_id}}","amount":{{amount}}}', { order_id: "A1234", amount: 40.5 });
    expect(out).toEqual({ ok: true, text: '{"status":"shipped","order":"A1234","amount":40.5}' });
    if (out.ok) expect(JSON.parse(out.text)).toEqual({ status: "shipped", order: "A1234", amount: 40.5 });
  });

  it("escapes quotes and backslashes of a value placed inside a string", () => {
    const out = renderTemplate('{"note":"said: {{text}}"}', { text: 'a "quoted" \\ word' });
    expect(out.ok && JSON.parse(out.text)).toEqual({ note: 'said: a "quoted" \\ word' });
  });

  it("reaches nested arguments with a dotted path and inserts objects whole", () => {
    const out = renderTemplate('{"id":"{{customer.id}}","address":{{customer.address}}}', { customer: { id: 7, address: { city: "Lyon" } } });
    expect(out.ok && JSON.parse(out.text)).toEqual({ id: "7", address: { city: "Lyon" } });
  });

  it("does not treat an escaped quote as the end of a string", () => {
    const out = renderTemplate('{"a":"x\\"{{v}}"}', { v: 1 });
    expect(out.ok && JSON.parse(out.text)).toEqual({ a: 'x"1' });
  });

  it("names a placeholder the arguments do not have", () => {
    expect(renderTemplate('{"o":"{{order}}"}', { order_id: "A1" })).toEqual({ ok: false, error: expect.stringContaining('no "order"') });
  });

  it("says when the result is not JSON", () => {
    const out = renderTemplate("{status: {{amount}}}", { amount: 3 });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error).toMatch(/not valid JSON/);
  });

  it("reports an unclosed placeholder", () => {
    expect(renderTemplate('{"a": {{amount}', { amount: 1 }).ok).toBe(false);
  });
});

describe("mockResultFor", () => {
  it("returns null for a tool answered by hand", () => {
    expect(mockResultFor({ kind: "manual" }, {})).toBeNull();
  });

  it("returns fixed JSON as it is, and refuses fixed text that is not JSON", () => {
    expect(mockResultFor({ kind: "fixed", json: '{"ok": true}' }, {})).toEqual({ ok: true, text: '{"ok": true}' });
    expect(mockResultFor({ kind: "fixed", json: "ok" }, {})?.ok).toBe(false);
  });
});

describe("valueAtPath", () => {
  it("does not read inherited properties", () => {
    expect(valueAtPath({}, "constructor")).toBeUndefined();
    expect(valueAtPath({ items: [{ sku: "x" }] }, "items.0.sku")).toBe("x");
  });
});
