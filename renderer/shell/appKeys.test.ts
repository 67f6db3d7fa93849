// Tests: the app-wide key actions that Monaco editors hand over.
import { describe, expect, it } from "vitest";
import { emitAppKey, onAppKey } from "./appKeys";

describe("app keys", () => {
  it("calls the registered handlers, and reports when nobody handles the action", () => {
    const calls: string[] = [];
    expect(emitAppKey("run")).toBe(false);
    const off = onAppKey("run", () => calls.push("run"));
    expect(emitAppKey("run")).toBe(true);
    expect(calls).toEqual(["run"]);
    off();
    // Unmounted (the playground left): Monaco falls back to its own Ctrl+Enter.
    expect(emitAppKey("run")).toBe(false);
    expect(calls).toEqual(["run"]);
  });
});
