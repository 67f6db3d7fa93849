// Main process: picks the unusable items out of a settings object (one profile, one price row, the
// draft, a section) so they alone are set aside and everything else still loads.
import type { ZodType } from "zod";
import { Profile, SIMULATOR_PROFILE_ID } from "../../shared/contract";
import { describeZodError } from "../../shared/errors";
import { PriceOverrides } from "../../shared/pricing";

/** One item that could not be read, with where it was, why, and its raw value (kept, never lost). */
export interface SetAsideItem {
  /** What the user knows it as: `profile "Work" (profiles.2)`, `the price row for "gpt-4o"`. */
  what: string;
  /** Why, naming the field: `baseURL: Invalid URL`. */
  reason: string;
  /** The settings path it was at, e.g. "profiles.2" or "draft". */
  path: string;
  value: unknown;
}

/** How the user knows each section of the settings file, in a notice. */
const SECTION_LABELS: Record<string, string> = {
  activeId: "the choice of active profile",
  draft: "the playground draft",
  workspaceDir: "the workspace folder setting",
  learning: "lesson progress and review cards",
  reliability: "the reliability settings (retries, fallbacks, budgets)",
  safety: "the safety settings (moderation, redaction)",
  lessonBackup: "the settings kept from before a lesson",
};

function reasonOf(schema: ZodType, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : describeZodError(parsed.error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The profiles that parse and have a free id, and the ones set aside. */
function salvageProfiles(raw: unknown, out: SetAsideItem[]): unknown[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    out.push({ what: "the profile list", reason: "it is not a list", path: "profiles", value: raw });
    return undefined;
  }
  const kept: unknown[] = [];
  const ids = new Set<string>();
  raw.forEach((item, index) => {
    const name = isRecord(item) && typeof item.name === "string" ? ` "${item.name.slice(0, 60)}"` : "";
    const what = `profile${name} (profiles.${index})`;
    const parsed = Profile.safeParse(item);
    if (!parsed.success) {
      out.push({ what, reason: describeZodError(parsed.error), path: `profiles.${index}`, value: item });
    } else if (parsed.data.id === SIMULATOR_PROFILE_ID || ids.has(parsed.data.id)) {
      out.push({ what, reason: `profile id "${parsed.data.id}" is reserved or used twice`, path: `profiles.${index}`, value: item });
    } else {
      ids.add(parsed.data.id);
      kept.push(item);
    }
  });
  return kept;
}

/** The price rows that parse, and the ones set aside. */
function salvagePricing(raw: unknown, out: SetAsideItem[]): unknown {
  if (raw === undefined || PriceOverrides.safeParse(raw).success) return raw;
  if (!isRecord(raw) || !isRecord(raw.models)) {
    out.push({ what: "the price edits", reason: reasonOf(PriceOverrides, raw) ?? "not an object", path: "pricing", value: raw });
    return undefined;
  }
  const models: Record<string, unknown> = {};
  for (const [model, row] of Object.entries(raw.models)) {
    const reason = reasonOf(PriceOverrides, { models: { [model]: row } });
    if (reason) out.push({ what: `the price row for "${model.slice(0, 60)}"`, reason, path: `pricing.models.${model}`, value: row });
    else models[model] = row;
  }
  const extra = Object.keys(raw).filter((k) => k !== "models");
  if (extra.length) out.push({ what: "unknown price settings", reason: `unrecognized ${extra.join(", ")}`, path: "pricing", value: Object.fromEntries(extra.map((k) => [k, raw[k]])) });
  return { models };
}

/**
 * Splits a migrated settings object into what loads and what is set aside. `shape` is the settings
 * schema's fields: every other section that fails its own schema is set aside whole (it falls back
 * to its default). The caller still validates the result as a whole.
 */
export function salvageSettings(
  migrated: Record<string, unknown>,
  shape: Readonly<Record<string, ZodType>>,
): { cleaned: Record<string, unknown>; setAside: SetAsideItem[] } {
  const setAside: SetAsideItem[] = [];
  const cleaned: Record<string, unknown> = { ...migrated };
  cleaned.profiles = salvageProfiles(migrated.profiles, setAside);
  cleaned.pricing = salvagePricing(migrated.pricing, setAside);
  for (const [key, schema] of Object.entries(shape)) {
    if (key === "schemaVersion" || key === "profiles" || key === "pricing" || migrated[key] === undefined) continue;
    const reason = reasonOf(schema, migrated[key]);
    if (!reason) continue;
    setAside.push({ what: SECTION_LABELS[key] ?? `the "${key}" setting`, reason, path: key, value: migrated[key] });
    cleaned[key] = undefined;
  }
  return { cleaned, setAside };
}

/** The notice for items set aside: each named with its reason, where they went, and that the rest loaded. */
export function setAsideNotice(items: readonly SetAsideItem[], savedTo: string | null): string {
  const clip = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);
  const list = items.slice(0, 5).map((i) => `${i.what}: ${clip(i.reason)}`).join("; ");
  const more = items.length > 5 ? `; and ${items.length - 5} more` : "";
  const count = items.length === 1 ? "One item" : `${items.length} items`;
  const they = items.length === 1 ? "It was" : "They were";
  const where = savedTo ? `${they} set aside in ${savedTo}` : `${they} left in the file as ${items.length === 1 ? "it is" : "they are"}`;
  return `${count} in your settings could not be read (${list}${more}). ${where}; everything else loaded.`;
}
