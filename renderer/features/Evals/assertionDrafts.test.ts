// Tests: the assertion form's model: every type has fields and a default the form can show, fields
// read and write the draft, and the JSON text round-trips, refusing what is not an array of objects.
import { describe, expect, it } from "vitest";
import { Assertion, assertionTypes } from "../../../shared/assertions";
import { ASSERTION_FIELDS, changeType, draftProblem, draftsFromText, draftsText, fieldText, newDraft, withField, type FieldSpec } from "./assertionDrafts";

const field = (type: keyof typeof ASSERTION_FIELDS, key: string): FieldSpec => {
  const found = ASSERTION_FIELDS[type].find((f) => f.key === key);
  if (!found) throw new Error(`${type} has no ${key}`);
  return found;
};

describe("the assertion form's model", () => {
  it("covers every assertion type, each field being one of the type's schema keys", () => {
    for (const type of assertionTypes) {
      const shape = Assertion.options.find((o) => o.shape.type.value === type)?.shape ?? {};
      for (const f of ASSERTION_FIELDS[type]) expect(Object.keys(shape)).toContain(f.key);
      expect(newDraft(type).type).toBe(type);
    }
    // Defaults that need nothing typed are valid at once.
    expect(draftProblem(newDraft("max-latency"))).toBeNull();
    expect(draftProblem(newDraft("is-json"))).toBeNull();
    // Ones that do say which field is missing.
    expect(draftProblem(newDraft("contains"))).toMatch(/^value: say what to look for/);
  });

  it("reads and writes fields as the inputs give them", () => {
    let d = newDraft("contains");
    d = withField(d, field("contains", "value"), "{{expected}}");
    d = withField(d, field("contains", "ignoreCase"), true);
    expect(d).toEqual({ type: "contains", value: "{{expected}}", ignoreCase: true });
    expect(withField(d, field("contains", "ignoreCase"), false)).toEqual({ type: "contains", value: "{{expected}}" });
    const reasons = withField(newDraft("finish-reason"), field("finish-reason", "value"), "stop, length");
    expect(reasons.value).toEqual(["stop", "length"]);
    expect(fieldText(reasons, field("finish-reason", "value"))).toBe("stop, length");
    expect(withField(newDraft("max-latency"), field("max-latency", "ms"), "750")).toEqual({ type: "max-latency", ms: 750 });
    expect(draftProblem(withField(newDraft("max-latency"), field("max-latency", "ms"), ""))).toMatch(/^ms:/);
    const fact = field("fact", "equals");
    expect(withField(newDraft("fact"), fact, "false").equals).toBe(false);
    expect(withField(newDraft("fact"), fact, "12").equals).toBe(12);
    expect(withField(newDraft("fact"), fact, "yes").equals).toBe("yes");
    expect(withField(newDraft("rubric"), field("rubric", "minScore"), "")).toEqual({ type: "rubric", rubric: "" });
  });

  it("keeps the label and shared fields when the type changes", () => {
    expect(changeType({ type: "contains", value: "Paris", label: "names the city" }, "not-contains")).toEqual({ type: "not-contains", value: "Paris", label: "names the city" });
    expect(changeType({ type: "contains", value: "Paris" }, "max-latency")).toEqual({ type: "max-latency", ms: 2000 });
  });

  it("round-trips the JSON text and refuses text that is not an array of typed objects", () => {
    const drafts = [{ type: "contains", value: "{{expected}}" }, { type: "max-latency", ms: 500 }];
    expect(draftsFromText(draftsText(drafts))).toEqual(drafts);
    expect(draftsText([])).toBe("[]");
    expect(draftsFromText("")).toEqual([]);
    expect(draftsFromText("[{")).toMatch(/^Not valid JSON/);
    expect(draftsFromText('{"type":"is-json"}')).toMatch(/must be an array/);
    expect(draftsFromText('[{"type":"is-json"}, 3]')).toBe('Assertion 2 must be an object with a "type".');
    expect(draftProblem({ type: "no-such" })).toMatch(/not an assertion type/);
  });
});
