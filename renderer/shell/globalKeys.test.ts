// Tests: the window-wide shortcuts: palette, `?`, G then a view letter, and nothing while typing.
import { describe, expect, it } from "vitest";
import { isTypingTarget, matchGlobalKey } from "./globalKeys";
import { ROUTES } from "./routes";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("global shortcuts", () => {
  it("toggles the palette with Ctrl+K or Cmd+K, even while typing", () => {
    expect(matchGlobalKey(key("k", { ctrlKey: true }), true, false)).toEqual({ kind: "palette" });
    expect(matchGlobalKey(key("K", { metaKey: true }), false, false)).toEqual({ kind: "palette" });
    expect(matchGlobalKey(key("k", { ctrlKey: true, shiftKey: true }), false, false)).toBeNull();
    expect(matchGlobalKey(key("k", { ctrlKey: true, altKey: true }), false, false)).toBeNull();
  });

  it("leaves Ctrl+K to a code editor (its chords), where Ctrl+Shift+P opens the palette", () => {
    expect(matchGlobalKey(key("k", { ctrlKey: true }), true, false, true)).toBeNull();
    expect(matchGlobalKey(key("P", { ctrlKey: true, shiftKey: true }), true, false, true)).toEqual({ kind: "palette" });
    expect(matchGlobalKey(key("p", { metaKey: true, shiftKey: true }), false, false)).toEqual({ kind: "palette" });
    expect(matchGlobalKey(key("p", { ctrlKey: true }), false, false)).toBeNull();
  });

  it("lists the shortcuts on ? (typed with Shift), but not while typing", () => {
    expect(matchGlobalKey(key("?", { shiftKey: true }), false, false)).toEqual({ kind: "shortcuts" });
    expect(matchGlobalKey(key("?", { shiftKey: true }), true, false)).toBeNull();
  });

  it("shows a view on G then its letter, and only right after G", () => {
    expect(matchGlobalKey(key("g"), false, false)).toEqual({ kind: "prefix" });
    expect(matchGlobalKey(key("e"), false, true)).toEqual({ kind: "view", view: "evals" });
    expect(matchGlobalKey(key("l"), false, true)).toEqual({ kind: "view", view: "lessons" });
    expect(matchGlobalKey(key("e"), false, false)).toBeNull();
    // G G keeps waiting for a letter; an unknown letter is nobody's.
    expect(matchGlobalKey(key("g"), false, true)).toEqual({ kind: "prefix" });
    expect(matchGlobalKey(key("q"), false, true)).toBeNull();
    // Modified letters keep their browser and editor meanings.
    expect(matchGlobalKey(key("e", { ctrlKey: true }), false, true)).toBeNull();
    expect(matchGlobalKey(key("g"), true, false)).toBeNull();
  });

  it("gives every view its own letter, and none is G", () => {
    const keys = ROUTES.map((r) => r.key);
    expect(new Set(keys).size).toBe(ROUTES.length);
    expect(keys.every((k) => /^[a-z]$/.test(k) && k !== "g")).toBe(true);
    for (const route of ROUTES) expect(matchGlobalKey(key(route.key), false, true)).toEqual({ kind: "view", view: route.view });
  });

  it("counts text fields, selects, editable content and Monaco as typing; buttons and checkboxes not", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "text" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT", type: "number" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT" })).toBe(true);
    expect(isTypingTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTypingTarget({ tagName: "SELECT" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", closest: (s: string) => (s === ".monaco-editor" ? {} : null) })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTypingTarget({ tagName: "BUTTON", closest: () => null })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
