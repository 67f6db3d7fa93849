// Main process: the settings file (profiles without keys, active profile, playground draft) behind a
// versioned zod schema, over an already-opened electron-store (desktop) or conf (web) instance.
import { existsSync, readFileSync, renameSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { PlaygroundDraft, Profile, SIMULATOR_PROFILE_ID } from "../../shared/contract";
import { describeZodError } from "../../shared/errors";
import { JsonTooDeepError, parseJsonWithin } from "../../shared/jsonDepth";
import { PriceOverrides } from "../../shared/pricing";
import { LearningState, emptyLearningState } from "../../shared/lessonProgress";
import { LessonSettingsBackup } from "../../shared/lessonSettingsBackup";
import { ReliabilitySettings, defaultReliabilitySettings } from "../../shared/reliability";
import { SafetySettings, defaultSafetySettings } from "../../shared/safety";
import { UiPrefs, defaultUiPrefs } from "../../shared/contracts/ui";
import { DojoError } from "../errors";
import { fsyncDirectory, removeStaleTempFiles, writeAtomically } from "./atomicFile";
import { scrubValue } from "./knownSecrets";
import { salvageSettings, setAsideNotice, type SetAsideItem } from "./settingsSalvage";

/**
 * What electron-store@11 and conf@15 both are: a JSON file read and written whole. The composition
 * root passes an instance in, so this module never imports electron.
 */
export interface ConfLike {
  get store(): Record<string, unknown>;
  set store(v: Record<string, unknown>);
  readonly path: string;
}

/** The version of the settings shape this build writes. Bump it with a migration below. */
export const SETTINGS_VERSION = 1;

/** The whole settings file. User profiles only: the built-in simulator profile is never stored. */
export const Settings = z
  .object({
    schemaVersion: z.literal(SETTINGS_VERSION),
    profiles: z.array(Profile).default([]),
    activeId: Profile.shape.id.default(SIMULATOR_PROFILE_ID),
    draft: PlaygroundDraft.nullable().default(null),
    /** The user's edits to the price table (shared/pricing.ts); absent in older files, hence the default. */
    pricing: PriceOverrides.default({ models: {} }),
    /** The folder saved experiments live in; "" means the default inside the data folder. */
    workspaceDir: z.string().max(1000).default(""),
    /** Lesson progress, review-card schedules and mock scores; absent in older files, hence the default. */
    learning: LearningState.default(emptyLearningState),
    /** The client policy, fallback chains and budgets; absent in older files, hence the default. */
    reliability: ReliabilitySettings.default(defaultReliabilitySettings),
    /** Moderation and redaction switches; absent in older files, hence the default (all off). */
    safety: SafetySettings.default(defaultSafetySettings),
    /** The learner's own settings from before a lesson replaced them; absent in older files. */
    lessonBackup: LessonSettingsBackup.nullable().default(null),
    /** The shell's preferences (welcome seen, notices dismissed); absent in older files, hence the default. */
    ui: UiPrefs.default(defaultUiPrefs),
    /** The app version that last wrote the file, so a newer file can say which version wrote it. */
    writtenBy: z.string().max(100).optional(),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set<string>();
    settings.profiles.forEach((profile, index) => {
      if (profile.id === SIMULATOR_PROFILE_ID || seen.has(profile.id)) {
        ctx.addIssue({ code: "custom", path: ["profiles", index, "id"], message: `profile id "${profile.id}" is reserved or used twice` });
      }
      seen.add(profile.id);
    });
  });
export type Settings = z.infer<typeof Settings>;

/** A migration turns the raw object of version N into the raw object of version N + 1. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the version they start from. Version 0 is a file with no `schemaVersion`: the empty
 * object conf starts from, or one written before versioning; its known fields are kept as they are.
 */
export const settingsMigrations: Readonly<Record<number, Migration>> = {
  0: (raw) => ({ ...raw, schemaVersion: 1 }),
};

/** Raised when a file's version is newer than this build or no migration leads from it. */
class UnknownVersionError extends Error {}

/** Runs the migrations from the file's version up to `target`. Throws when the path is missing. */
export function migrateSettings(
  raw: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = settingsMigrations,
  target: number = SETTINGS_VERSION,
): Record<string, unknown> {
  let current = raw;
  let version = current.schemaVersion === undefined ? 0 : current.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0 || version > target) {
    throw new UnknownVersionError(`it has settings version ${JSON.stringify(version)}, and this version of the app reads up to ${target}`);
  }
  while (version < target) {
    const step = migrations[version];
    if (!step) throw new UnknownVersionError(`no migration from settings version ${version}`);
    current = step(current);
    version += 1;
    if (current.schemaVersion !== version) throw new Error(`the migration from version ${version - 1} did not produce version ${version}`);
  }
  return current;
}

/** A file whose settings version is newer than this build's: never moved, never written. */
export interface NewerSettings {
  version: number;
  /** The app version that wrote it, when the file says. */
  writtenBy: string | null;
}

/** The newer version a raw settings object declares, or null. */
function newerVersionOf(raw: Record<string, unknown>): NewerSettings | null {
  const version = raw.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version <= SETTINGS_VERSION) return null;
  return { version, writtenBy: typeof raw.writtenBy === "string" ? raw.writtenBy.slice(0, 100) : null };
}

/**
 * Raw file content as settings: the items that do not fit (a profile, a price row, the draft, a
 * section) are taken out into `setAside` and the rest loads. Not ok only when nothing can be read:
 * not an object, a version with no migration, or a newer version (then `newer` says which).
 */
export function parseSettings(
  raw: unknown,
): { ok: true; settings: Settings; setAside: SetAsideItem[] } | { ok: false; reason: string; newer?: NewerSettings } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, reason: "it is not a JSON object" };
  const newer = newerVersionOf(raw as Record<string, unknown>);
  if (newer) return { ok: false, newer, reason: `it has settings version ${newer.version}, and this version of the app reads up to ${SETTINGS_VERSION}` };
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateSettings(raw as Record<string, unknown>);
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  // The common case costs one parse; only a file that fails is taken apart item by item.
  const whole = Settings.safeParse(migrated);
  if (whole.success) return { ok: true, settings: whole.data, setAside: [] };
  const { cleaned, setAside } = salvageSettings(migrated, Settings.shape);
  const parsed = Settings.safeParse(cleaned);
  return parsed.success ? { ok: true, settings: parsed.data, setAside } : { ok: false, reason: describeZodError(parsed.error) };
}

/**
 * What this build can use of a newer file, read as if it were its own version: the fields it knows
 * that still fit, defaults for the rest. Only ever held in memory.
 */
function readNewerAsKnown(raw: Record<string, unknown>): Settings {
  const parsed = parseSettings({ ...raw, schemaVersion: SETTINGS_VERSION });
  return parsed.ok ? parsed.settings : defaultSettings();
}

/** The settings of a first launch. */
export function defaultSettings(): Settings {
  return Settings.parse({ schemaVersion: SETTINGS_VERSION });
}

/** Validated, versioned access to the settings file. */
export interface SettingsStore {
  /** The settings file's path. */
  readonly path: string;
  /**
   * User notices raised so far (a file moved aside at start or while running). A live list: the
   * array `openSettingsStore` returns is this one.
   */
  readonly notices: readonly string[];
  /** The current settings, migrated and validated. */
  read(): Settings;
  /** Validates and writes the whole settings; refuses (DojoError invalid_input) without writing. */
  write(next: Settings): Settings;
  /** Reads, applies `change`, validates and writes; returns what was written. */
  update(change: (current: Settings) => Settings): Settings;
}

/** Windows refuses ":" in file names, so ISO time is made file-safe. */
function fileTimestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, "-");
}

/**
 * Renames a bad settings file to `<name>.corrupt-<timestamp>.json` beside it (never overwrites one:
 * a numeric suffix is added on a clash) and returns the new path.
 */
export function moveAside(filePath: string, now: Date = new Date()): string {
  const name = basename(filePath).replace(/\.json$/i, "");
  const stem = join(dirname(filePath), `${name}.corrupt-${fileTimestamp(now)}`);
  let target = `${stem}.json`;
  for (let n = 2; existsSync(target); n += 1) target = `${stem}-${n}.json`;
  renameSync(filePath, target);
  return target;
}

/**
 * Saves set-aside items to `<name>.set-aside-<timestamp>.json` beside the settings file (never over
 * an earlier one), flushed before the settings without them are written. Returns its path.
 */
export function saveSetAside(filePath: string, items: readonly SetAsideItem[], now: Date = new Date()): string {
  const name = basename(filePath).replace(/\.json$/i, "");
  const stem = join(dirname(filePath), `${name}.set-aside-${fileTimestamp(now)}`);
  let target = `${stem}.json`;
  for (let n = 2; existsSync(target); n += 1) target = `${stem}-${n}.json`;
  const record = { from: filePath, setAsideAt: now.toISOString(), items: items.map(({ what, reason, path, value }) => ({ what, reason, path, value })) };
  writeAtomically(target, `${JSON.stringify(record, null, 2)}\n`);
  return target;
}

/** The notice for a file written by a newer version, which is used read-only and never touched. */
function newerNotice(filePath: string, newer: NewerSettings): string {
  const by = newer.writtenBy ? `Prompt Dojo ${newer.writtenBy}` : "a newer version of Prompt Dojo";
  return (
    `Your settings file ${filePath} was written by ${by} (settings format ${newer.version}; this version reads format ${SETTINGS_VERSION} and older). ` +
    "It is left exactly as it is: the app runs on it read-only, and changes you make now are not saved. Update Prompt Dojo to keep working with it."
  );
}

/** The notice shown when a settings file was moved aside. */
function movedNotice(movedTo: string, reason: string): string {
  return `Your settings file was unreadable (${reason}); it was moved to ${movedTo} and defaults were restored.`;
}

/** What a settings file on disk holds, checked without opening it through conf. */
type Inspection =
  | { kind: "missing" }
  | { kind: "ok"; version: unknown; settings: Settings; setAside: SetAsideItem[] }
  | { kind: "newer"; newer: NewerSettings; raw: Record<string, unknown> }
  | { kind: "bad"; reason: string };

/**
 * Reads and checks a settings file without opening it through conf. A file that cannot be read at
 * all (permissions...) is not known to be bad, so that is an error, not a reason to move it.
 */
function inspectFile(filePath: string): Inspection {
  let text: string;
  try {
    text = readFileSync(filePath, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { kind: "missing" };
    throw new Error(`The settings file ${filePath} could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  let raw: unknown;
  try {
    raw = parseJsonWithin(text);
  } catch (err) {
    return { kind: "bad", reason: err instanceof JsonTooDeepError ? "it is nested too deep" : "it is not valid JSON" };
  }
  const parsed = parseSettings(raw);
  if (parsed.ok) return { kind: "ok", version: (raw as Record<string, unknown>).schemaVersion, settings: parsed.settings, setAside: parsed.setAside };
  if (parsed.newer) return { kind: "newer", newer: parsed.newer, raw: raw as Record<string, unknown> };
  return { kind: "bad", reason: parsed.reason };
}

/** Wraps an opened store. Prefer `openSettingsStore`, which checks the file before conf sees it. */
export function createSettingsStore(
  conf: ConfLike,
  options: { notices?: string[]; now?: () => Date; appVersion?: string; readOnly?: { settings: Settings } } = {},
): SettingsStore {
  const notices = options.notices ?? [];
  const now = options.now ?? (() => new Date());
  // Read-only (a file from a newer version): the session runs on this copy; the file is never touched.
  let memory: Settings | null = options.readOnly?.settings ?? null;

  const validate = (next: Settings): Settings => {
    // A key pasted into the draft must not reach settings.json (scrubbed before validating, so what is written is valid).
    const parsed = Settings.safeParse(scrubValue(next));
    if (!parsed.success) {
      throw new DojoError("invalid_input", `Settings not saved: ${describeZodError(parsed.error)}`);
    }
    return options.appVersion ? { ...parsed.data, writtenBy: options.appVersion } : parsed.data;
  };

  const save = (settings: Settings): Settings => {
    conf.store = settings as Record<string, unknown>;
    // conf (atomically) fsyncs the file before its rename; the rename itself lives in the folder.
    fsyncDirectory(dirname(conf.path));
    return settings;
  };

  const write = (next: Settings): Settings => {
    const valid = validate(next);
    if (memory) return (memory = valid);
    return save(valid);
  };

  const read = (): Settings => {
    if (memory) return memory;
    let raw: unknown;
    try {
      raw = conf.store; // conf re-reads the file; it throws on bad JSON
    } catch (err) {
      // Only a file known to be bad is moved; an unreadable one (permissions...) is an error.
      if (err instanceof SyntaxError) return recover("it is not valid JSON");
      throw err;
    }
    const parsed = parseSettings(raw);
    if (parsed.ok) {
      if (!parsed.setAside.length) return parsed.settings;
      // An item went bad while the app ran (edited by hand...): it alone is set aside, like at start.
      notices.push(setAsideNotice(parsed.setAside, saveSetAside(conf.path, parsed.setAside, now())));
      return save(parsed.settings);
    }
    if (parsed.newer) {
      // A newer version wrote the file meanwhile: from now on it is only read, never moved or written.
      notices.push(newerNotice(conf.path, parsed.newer));
      return (memory = readNewerAsKnown(raw as Record<string, unknown>));
    }
    return recover(parsed.reason);
  };

  // The file went bad while the app was running (edited by hand, another process...): same rule.
  const recover = (reason: string): Settings => {
    if (existsSync(conf.path)) notices.push(movedNotice(moveAside(conf.path, now()), reason));
    return defaultSettings();
  };

  return {
    path: conf.path,
    notices,
    read,
    write,
    update: (change) => write(change(read())),
  };
}

/**
 * Opens the settings: checks the file first (conf throws on bad JSON, or wipes it with
 * clearInvalidConfig). Items that do not fit are set aside alone, with a notice; a file that is not
 * settings at all is moved aside; a file from a newer version is used read-only and never opened
 * for writing. Then calls `open` and writes back a migrated or cleaned file. `open` receives exactly
 * `{ cwd, configName }` and returns an electron-store or conf.
 */
export function openSettingsStore(args: {
  cwd: string;
  configName: string;
  open: (opts: { cwd: string; configName: string }) => ConfLike;
  now?: () => Date;
  /** The app's version, recorded in the file so a later, older app can say which version wrote it. */
  appVersion?: string;
}): { store: SettingsStore; notices: string[] } {
  const notices: string[] = [];
  const now = args.now ?? (() => new Date());
  const filePath = join(args.cwd, `${args.configName}.json`);
  // A crash mid-write leaves conf's settings.json.tmp-* beside the file; nothing writes here yet.
  removeStaleTempFiles(args.cwd);
  const inspected = inspectFile(filePath);

  if (inspected.kind === "newer") {
    notices.push(newerNotice(filePath, inspected.newer));
    // conf is never opened on it: nothing can write the file, not even a default or a migration.
    const untouched: ConfLike = {
      path: filePath,
      get store(): Record<string, unknown> {
        throw new Error("read-only settings are held in memory");
      },
      set store(_value: Record<string, unknown>) {
        throw new Error("read-only settings are never written");
      },
    };
    const store = createSettingsStore(untouched, { notices, now, appVersion: args.appVersion, readOnly: { settings: readNewerAsKnown(inspected.raw) } });
    return { store, notices };
  }
  if (inspected.kind === "bad") notices.push(movedNotice(moveAside(filePath, now()), inspected.reason));
  // The bad items are on disk beside the file (flushed) before the file without them is written.
  if (inspected.kind === "ok" && inspected.setAside.length) {
    notices.push(setAsideNotice(inspected.setAside, saveSetAside(filePath, inspected.setAside, now())));
  }

  const conf = args.open({ cwd: args.cwd, configName: args.configName });
  const store = createSettingsStore(conf, { notices, now, appVersion: args.appVersion });
  // Persist a migration, a cleaned file (or first-launch defaults) once, so the file carries the version.
  if (inspected.kind === "ok") {
    if (inspected.setAside.length || inspected.version !== SETTINGS_VERSION) store.write(inspected.settings);
  } else store.write(store.read());
  return { store, notices };
}
