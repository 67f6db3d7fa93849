// Tests (main process): the price table in use, with the user's edits saved in a real settings file.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_PRICE_TABLE } from "../../shared/pricing";
import { DojoError } from "../errors";
import { createPricingService } from "./pricing";
import { openTestSettingsStore } from "../../test/fixtures/settingsStore";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dojo-pricing-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = () =>
  openTestSettingsStore(dir);

describe("pricing service", () => {
  it("serves the shipped table, with its source and date, before any edit", () => {
    const { table, overrides } = createPricingService(open()).get();
    expect(table.source).toBe(DEFAULT_PRICE_TABLE.source);
    expect(table.asOf).toBe(DEFAULT_PRICE_TABLE.asOf);
    expect(table.models["gpt-4o-mini"]?.origin).toBe("table");
    expect(overrides).toEqual({ models: {} });
  });

  it("saves edits to the settings file, and a fresh start applies them", () => {
    createPricingService(open()).save({ models: { "gpt-4o-mini": { input: 0.2 }, "my-model": { input: 1, output: 2 } } });
    const onDisk = JSON.parse(readFileSync(join(dir, "settings.json"), "utf8")) as { pricing: unknown };
    expect(onDisk.pricing).toEqual({ models: { "gpt-4o-mini": { input: 0.2 }, "my-model": { input: 1, output: 2 } } });
    const { table } = createPricingService(open()).get();
    expect(table.models["gpt-4o-mini"]).toMatchObject({ input: 0.2, output: 0.6, origin: "user" });
    expect(table.models["my-model"]).toMatchObject({ input: 1, output: 2, origin: "user" });
  });

  it("refuses an edit of the simulator's free prices without saving anything", () => {
    const service = createPricingService(open());
    expect(() => service.save({ models: { "sim-chat-1": { input: 5 } } })).toThrow(DojoError);
    expect(service.get().overrides).toEqual({ models: {} });
  });

  it("refuses a new model without an output price", () => {
    expect(() => createPricingService(open()).save({ models: { "my-model": { input: 1 } } })).toThrow(/output price/);
  });
});
