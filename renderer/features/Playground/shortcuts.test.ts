import { describe, expect, it } from "vitest";
import { isApplePlatform, matchShortcut, runShortcutLabel, type KeyLike } from "./shortcuts";

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe("keyboard shortcuts", () => {
  it("runs on Ctrl+Enter and Cmd+Enter", () => {
    expect(matchShortcut(key("Enter", { ctrlKey: true }))).toBe("run");
    expect(matchShortcut(key("Enter", { metaKey: true }))).toBe("run");
  });

  it("leaves plain, Shift and Alt Enter to the text field", () => {
    expect(matchShortcut(key("Enter"))).toBeNull();
    expect(matchShortcut(key("Enter", { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(matchShortcut(key("Enter", { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it("stops on a plain Escape only", () => {
    expect(matchShortcut(key("Escape"))).toBe("stop");
    expect(matchShortcut(key("Escape", { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(key("a", { ctrlKey: true }))).toBeNull();
  });

  it("labels the shortcut per platform", () => {
    expect(isApplePlatform("MacIntel")).toBe(true);
    expect(isApplePlatform("Linux x86_64")).toBe(false);
    expect(runShortcutLabel(true)).toBe("⌘ Enter");
    expect(runShortcutLabel(false)).toBe("Ctrl+Enter");
  });
});
