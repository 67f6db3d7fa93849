// Tests of the Review view's keyboard.
import { describe, expect, it } from "vitest";
import { reviewKeyAction } from "./reviewKeys";

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe("reviewKeyAction", () => {
  it("reveals with Space before the key points are shown, and grades 1-4 only after", () => {
    expect(reviewKeyAction(press(" "), { revealed: false, inTextField: false })).toEqual({ kind: "reveal" });
    expect(reviewKeyAction(press("3"), { revealed: false, inTextField: false })).toBeNull();
    expect(reviewKeyAction(press("1"), { revealed: true, inTextField: false })).toEqual({ kind: "grade", grade: "again" });
    expect(reviewKeyAction(press("4"), { revealed: true, inTextField: false })).toEqual({ kind: "grade", grade: "easy" });
    expect(reviewKeyAction(press("5"), { revealed: true, inTextField: false })).toBeNull();
    expect(reviewKeyAction(press("u"), { revealed: false, inTextField: false })).toEqual({ kind: "undo" });
  });

  it("leaves keys typed into the answer alone, except Ctrl+Enter, which reveals", () => {
    expect(reviewKeyAction(press(" "), { revealed: false, inTextField: true })).toBeNull();
    expect(reviewKeyAction(press("2"), { revealed: true, inTextField: true })).toBeNull();
    expect(reviewKeyAction(press("Enter", { ctrlKey: true }), { revealed: false, inTextField: true })).toEqual({ kind: "reveal" });
    expect(reviewKeyAction(press("3", { ctrlKey: true }), { revealed: true, inTextField: false })).toBeNull();
  });
});
