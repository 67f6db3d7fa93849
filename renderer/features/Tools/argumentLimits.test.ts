// Renderer tests: tool-call arguments checked against declared limits and schema bounds.
import { describe, expect, it } from "vitest";
import { limitViolations } from "./argumentLimits";

const refundSchema = {
  type: "object",
  properties: {
    order_id: { type: "string" },
    amount: { type: "number", minimum: 0, maximum: 500 },
    meta: { type: "object", properties: { items: { type: "integer", exclusiveMaximum: 10 } } },
  },
};

describe("limitViolations", () => {
  it("accepts arguments within every limit", () => {
    expect(limitViolations({ order_id: "A1", amount: 40 }, [{ argument: "amount", max: 100 }], refundSchema)).toEqual([]);
  });

  it("refuses an amount above the tool's declared limit, saying by how much", () => {
    expect(limitViolations({ amount: 250 }, [{ argument: "amount", max: 100 }], refundSchema)).toEqual([
      "amount is 250, above the limit of 100 set for this tool.",
    ]);
  });

  it("refuses values outside the parameters schema's own bounds, nested ones included", () => {
    expect(limitViolations({ amount: 900, meta: { items: 10 } }, [], refundSchema)).toEqual([
      "amount is 900, above the schema's maximum of 500.",
      "meta.items is 10, not below the schema's exclusiveMaximum of 10.",
    ]);
    expect(limitViolations({ amount: -1 }, [], refundSchema)).toEqual(["amount is -1, below the schema's minimum of 0."]);
  });

  it("refuses a limited argument that is not a number instead of letting it through", () => {
    expect(limitViolations({ amount: "250" }, [{ argument: "amount", max: 100 }])).toEqual([
      'amount is "250", not a number, so its limit cannot be checked.',
    ]);
  });

  it("leaves an absent argument to schema validation", () => {
    expect(limitViolations({}, [{ argument: "amount", min: 1 }], refundSchema)).toEqual([]);
  });
});
