// Tests (main side, web mode): the entry's decisions (data folder, port, how to open a browser).
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

// The composition root starts a simulator and opens stores: not wanted when testing the helpers.
const createAppCore = vi.hoisted(() => vi.fn());
vi.mock("./app", () => ({ createAppCore }));

const { browserCommand, resolveDataDir, resolvePort } = await import("./webMain");

describe("the entry module", () => {
  it("does not start the app when imported", () => {
    expect(createAppCore).not.toHaveBeenCalled();
  });
});

describe("resolveDataDir", () => {
  it("uses DOJO_DATA_DIR when set, resolved to an absolute path", () => {
    expect(resolveDataDir({ DOJO_DATA_DIR: "/tmp/dojo-e2e" }, "linux", "/home/ann")).toBe(path.resolve("/tmp/dojo-e2e"));
    expect(path.isAbsolute(resolveDataDir({ DOJO_DATA_DIR: "rel/dir" }, "linux", "/home/ann"))).toBe(true);
  });

  it("uses the folder Electron's userData would be on each platform", () => {
    expect(resolveDataDir({}, "linux", "/home/ann")).toBe(path.join("/home/ann", ".config", "prompt-dojo"));
    expect(resolveDataDir({ XDG_CONFIG_HOME: "/xdg" }, "linux", "/home/ann")).toBe(path.join("/xdg", "prompt-dojo"));
    expect(resolveDataDir({}, "darwin", "/Users/ann")).toBe(path.join("/Users/ann", "Library", "Application Support", "prompt-dojo"));
    expect(resolveDataDir({ APPDATA: "/appdata" }, "win32", "/home/ann")).toBe(path.join("/appdata", "prompt-dojo"));
  });
});

describe("resolvePort", () => {
  it("defaults to 0 (any free port) and reads DOJO_PORT", () => {
    expect(resolvePort({})).toBe(0);
    expect(resolvePort({ DOJO_PORT: "" })).toBe(0);
    expect(resolvePort({ DOJO_PORT: "8765" })).toBe(8765);
  });

  it("refuses a value that is not a port", () => {
    for (const value of ["abc", "-1", "65536", "80.5", "0x50"]) expect(() => resolvePort({ DOJO_PORT: value })).toThrow(/DOJO_PORT/);
  });
});

describe("browserCommand", () => {
  const url = "http://127.0.0.1:4000/#token=abc";
  it("uses the platform's opener", () => {
    expect(browserCommand(url, "darwin", {})).toMatchObject({ command: "open", args: [url] });
    expect(browserCommand(url, "linux", { DISPLAY: ":0" })).toMatchObject({ command: "xdg-open", args: [url] });
    expect(browserCommand(url, "linux", { WAYLAND_DISPLAY: "wayland-0" })).toMatchObject({ command: "xdg-open" });
    expect(browserCommand(url, "win32", {})).toMatchObject({ command: "cmd", args: ["/c", "start", '""', url], verbatim: true });
  });

  it("opens nothing with DOJO_NO_OPEN or on Linux without a display", () => {
    expect(browserCommand(url, "darwin", { DOJO_NO_OPEN: "1" })).toBeNull();
    expect(browserCommand(url, "linux", { DISPLAY: ":0", DOJO_NO_OPEN: "1" })).toBeNull();
    expect(browserCommand(url, "linux", {})).toBeNull();
  });
});
