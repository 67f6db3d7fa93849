// Main process: the settings file (profiles without keys, active profile, playground draft) behind a
// versioned zod schema, over an already-opened electron-store (desktop) or conf (web) instance.
import { existsSync, readFileSync, renameSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { PlaygroundDraft, Profile, SIMULATOR_PROFILE_ID } from "../../shared/contract";
import { describeZodError } from "../../shared/errors";
import { PriceOverrides } from "../../shared/pricing";
import { LearningState, emptyLearningState } from "../../shared/lessonProgress";
import { LessonSettingsBackup } from "../../shared/lessonSettingsBackup";
import { ReliabilitySettings, defaultReliabilitySettings } from "../../shared/reliability";
import { SafetySettings, defaultSafetySettings } from "../../shared/safety";
import { DojoError } from "../errors";
import { scrubValue } from "./knownSecrets";

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

/** Why raw file content is not usable settings, or the settings it holds. */
export function parseSettings(raw: unknown): { ok: true; settings: Settings } | { ok: false; reason: string } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, reason: "it is not a JSON object" };
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateSettings(raw as Record<string, unknown>);
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  // A draft saved by an older build may no longer fit the request schema. Losing it is fine;
  // losing the profiles with it is not, so only the draft is dropped.
  if (migrated.draft != null && !PlaygroundDraft.safeParse(migrated.draft).success) migrated = { ...migrated, draft: null };
  // Price edits are likewise not worth the profiles: unusable ones fall back to the shipped prices.
  if (migrated.pricing !== undefined && !PriceOverrides.safeParse(migrated.pricing).success) migrated = { ...migrated, pricing: undefined };
  // Learning progress that no longer fits is reset rather than costing the profiles.
  if (migrated.learning !== undefined && !LearningState.safeParse(migrated.learning).success) migrated = { ...migrated, learning: undefined };
  // Reliability settings that no longer fit fall back to the defaults, never costing the profiles.
  if (migrated.reliability !== undefined && !ReliabilitySettings.safeParse(migrated.reliability).success) migrated = { ...migrated, reliability: undefined };
  // Safety switches that no longer fit go back to the defaults (all off), never costing the profiles.
  if (migrated.safety !== undefined && !SafetySettings.safeParse(migrated.safety).success) migrated = { ...migrated, safety: undefined };
  const parsed = Settings.safeParse(migrated);
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, reason: describeZodError(parsed.error) };
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

/** The notice shown when a settings file was moved aside. */
function movedNotice(movedTo: string, reason: string): string {
  return `Your settings file was unreadable (${reason}); it was moved to ${movedTo} and defaults were restored.`;
}

/**
 * Reads and checks a settings file without opening it through conf. A file that cannot be read at
 * all (permissions...) is not known to be bad, so that is an error, not a reason to move it.
 */
function inspectFile(filePath: string): { ok: true; exists: boolean; version: unknown } | { ok: false; reason: string } {
  let text: string;
  try {
    text = readFileSync(filePath, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { ok: true, exists: false, version: undefined };
    throw new Error(`The settings file ${filePath} could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: "it is not valid JSON" };
  }
  const parsed = parseSettings(raw);
  return parsed.ok ? { ok: true, exists: true, version: (raw as Record<string, unknown>).schemaVersion } : parsed;
}

/** Wraps an opened store. Prefer `openSettingsStore`, which checks the file before conf sees it. */
export function createSettingsStore(conf: ConfLike, options: { notices?: string[]; now?: () => Date } = {}): SettingsStore {
  const notices = options.notices ?? [];
  const now = options.now ?? (() => new Date());

  const write = (next: Settings): Settings => {
    // A key pasted into the draft must not reach settings.json (scrubbed before validating, so what is written is valid).
    const parsed = Settings.safeParse(scrubValue(next));
    if (!parsed.success) {
      throw new DojoError("invalid_input", `Settings not saved: ${describeZodError(parsed.error)}`);
    }
    conf.store = parsed.data as Record<string, unknown>;
    return parsed.data;
  };

  const read = (): Settings => {
    let raw: unknown;
    try {
      raw = conf.store; // conf re-reads the file; it throws on bad JSON
    } catch (err) {
      // Only a file known to be bad is moved; an unreadable one (permissions...) is an error.
      if (err instanceof SyntaxError) return recover("it is not valid JSON");
      throw err;
    }
    const parsed = parseSettings(raw);
    return parsed.ok ? parsed.settings : recover(parsed.reason);
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
 * clearInvalidConfig), moves a bad one aside with a notice, then calls `open` and writes back a
 * migrated file. `open` receives exactly `{ cwd, configName }` and returns an electron-store or conf.
 */
export function openSettingsStore(args: {
  cwd: string;
  configName: string;
  open: (opts: { cwd: string; configName: string }) => ConfLike;
  now?: () => Date;
}): { store: SettingsStore; notices: string[] } {
  const notices: string[] = [];
  const now = args.now ?? (() => new Date());
  const filePath = join(args.cwd, `${args.configName}.json`);
  const inspected = inspectFile(filePath);
  if (!inspected.ok) notices.push(movedNotice(moveAside(filePath, now()), inspected.reason));

  const conf = args.open({ cwd: args.cwd, configName: args.configName });
  const store = createSettingsStore(conf, { notices, now });
  // Persist a migration (or first-launch defaults) once, so the file on disk carries the version.
  if (!inspected.ok || !inspected.exists || inspected.version !== SETTINGS_VERSION) store.write(store.read());
  return { store, notices };
}
