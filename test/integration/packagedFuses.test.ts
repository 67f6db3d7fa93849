// Tests (Node): the packaged app's Electron fuses. electron-builder.yml is parsed and checked
// against electron-builder's own schema, mapped with electron-builder's own fuse code, and flipped
// by @electron/fuses into a stand-in fuse wire that @electron/fuses then reads back.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire, type FuseConfig } from "@electron/fuses";
import Ajv from "ajv";
import { PlatformPackager } from "app-builder-lib";
import type { Configuration } from "app-builder-lib";
import { load } from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";

const repoFile = (name: string): string => fileURLToPath(new URL(`../../${name}`, import.meta.url));
const config = load(readFileSync(repoFile("electron-builder.yml"), "utf8")) as Configuration;

/** Electron's security checklist, as electron-builder's option names spell it. */
const EXPECTED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};

/** The fuse wire's marker in an Electron binary (@electron/fuses' SENTINEL). */
const SENTINEL = "dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX";

/**
 * A file shaped like the part of an Electron binary that holds the fuses: bytes, the sentinel,
 * wire version 1, the wire length, one byte per fuse ('1' on, '0' off), more bytes. The states are
 * Electron's defaults, with a ninth fuse this @electron/fuses does not know, which must stay as is.
 */
function standInBinary(dir: string): string {
  const path = join(dir, "electron");
  const defaults = "101100011";
  const wire = Buffer.concat([Buffer.from([1, defaults.length]), Buffer.from(defaults, "latin1")]);
  writeFileSync(path, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL, "latin1"), wire, Buffer.alloc(4096, 7)]));
  return path;
}

/** electron-builder's own mapping from its option names to @electron/fuses' config (a private method). */
function electronBuilderFuseConfig(fuses: NonNullable<Configuration["electronFuses"]>): Promise<FuseConfig> {
  const generate = (PlatformPackager.prototype as unknown as {
    generateFuseConfig(fuses: NonNullable<Configuration["electronFuses"]>): Promise<FuseConfig>;
  }).generateFuseConfig;
  return generate.call(null, fuses);
}

describe("the packaged configuration", () => {
  const dir = mkdtempSync(join(tmpdir(), "dojo-fuses-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is valid against electron-builder's schema, so no fuse option is misspelt or ignored", () => {
    const schema = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve("app-builder-lib/scheme.json")), "utf8")) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } })).toBe(false);
  });

  it("sets the fuses the checklist asks for, and packs the app into app.asar", () => {
    expect(config.electronFuses).toEqual(EXPECTED_FUSES);
    // onlyLoadAppFromAsar and the integrity check need an asar archive (electron-builder's default).
    expect(config.asar ?? true).not.toBe(false);
  });

  it("flips exactly those fuses in an Electron-shaped binary, read back with @electron/fuses", async () => {
    const fuseConfig = await electronBuilderFuseConfig(config.electronFuses!);
    expect(fuseConfig.version).toBe(FuseVersion.V1);
    const binary = standInBinary(dir);
    expect(await flipFuses(binary, fuseConfig)).toBe(1);
    const wire = await getCurrentFuseWire(binary);
    const byIndex = wire as unknown as Record<number, number>;
    const state = (option: FuseV1Options): string => String.fromCharCode(byIndex[option] ?? 0);
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      enableNodeOptionsEnvironmentVariable: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      enableNodeCliInspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
      enableEmbeddedAsarIntegrityValidation: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      enableCookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      grantFileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      runAsNode: "0",
      enableNodeOptionsEnvironmentVariable: "0",
      enableNodeCliInspectArguments: "0",
      enableEmbeddedAsarIntegrityValidation: "1",
      onlyLoadAppFromAsar: "1",
      enableCookieEncryption: "1",
      grantFileProtocolExtraPrivileges: "0",
    });
    // Not configured, so left at Electron's default: the V8 snapshot fuse and the unknown ninth one.
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe("0");
    expect(String.fromCharCode(byIndex[8] ?? 0)).toBe("1");
  });
});

describe("the Electron the app is built with", () => {
  /** The majors Electron supports now (its three latest stable lines). */
  const SUPPORTED_MAJORS = [43, 44, 45];

  it("is a supported major, in the manifest, the lock file and the installed package alike", () => {
    const manifest = JSON.parse(readFileSync(repoFile("package.json"), "utf8")) as { devDependencies: Record<string, string> };
    const lock = JSON.parse(readFileSync(repoFile("package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
    const installed = JSON.parse(readFileSync(repoFile("node_modules/electron/package.json"), "utf8")) as { version: string };
    const majorOf = (version: string) => Number(/(\d+)\./.exec(version)?.[1]);
    for (const [where, version] of [
      ["package.json", manifest.devDependencies.electron ?? ""],
      ["package-lock.json", lock.packages["node_modules/electron"]?.version ?? ""],
      ["node_modules", installed.version],
    ]) {
      expect(SUPPORTED_MAJORS, `${where}: electron ${version}`).toContain(majorOf(version!));
    }
  });
});
