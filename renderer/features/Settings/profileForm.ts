// Renderer: the profile form's pure logic: presets, ids for new profiles, validation with the contract.
import { Profile, type ProfileView } from "../../../shared/contract";

/** The editable kinds (the simulator is built in). */
export type EditableKind = "openai" | "compatible";

/** The form's values, as typed. */
export interface ProfileFormValues {
  /** Empty for a profile not saved yet. */
  id: string;
  name: string;
  kind: EditableKind;
  baseURL: string;
  defaultModel: string;
}

/** The fields that can carry an error message. */
export type ProfileField = "name" | "kind" | "baseURL" | "defaultModel";

/** Local OpenAI-compatible servers people commonly run, and their default URLs. */
export const BASE_URL_PRESETS: readonly { label: string; url: string }[] = [
  { label: "Ollama", url: "http://localhost:11434/v1" },
  { label: "LM Studio", url: "http://localhost:1234/v1" },
  { label: "vLLM", url: "http://localhost:8000/v1" },
];

/** A blank form for a new profile. */
export function emptyProfileForm(): ProfileFormValues {
  return { id: "", name: "", kind: "openai", baseURL: "", defaultModel: "" };
}

/** The form for editing a saved profile. */
export function profileToForm(profile: ProfileView): ProfileFormValues {
  return {
    id: profile.id,
    name: profile.name,
    kind: profile.kind === "compatible" ? "compatible" : "openai",
    baseURL: profile.baseURL,
    defaultModel: profile.defaultModel,
  };
}

/** An id for a new profile from its name ("My Ollama" -> "my-ollama"), unique among `taken`. */
export function newProfileId(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 48) || "profile";
  let id = base;
  for (let n = 2; taken.includes(id) || id === "simulator"; n++) id = `${base}-${n}`;
  return id;
}

/** The outcome of checking the form. */
export type ProfileFormResult = { ok: true; profile: Profile } | { ok: false; errors: Partial<Record<ProfileField, string>> };

/**
 * Checks the form with the contract's Profile schema (plus: a compatible server needs a base URL)
 * and builds the profile to save, giving a new profile an id derived from its name.
 */
export function formToProfile(values: ProfileFormValues, takenIds: readonly string[]): ProfileFormResult {
  const candidate = {
    id: values.id || newProfileId(values.name, takenIds),
    name: values.name.trim(),
    kind: values.kind,
    baseURL: values.baseURL.trim(),
    defaultModel: values.defaultModel.trim(),
  };
  const errors: Partial<Record<ProfileField, string>> = {};
  const parsed = Profile.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "name" || field === "kind" || field === "baseURL" || field === "defaultModel") errors[field] ??= issue.message;
    }
  }
  if (values.kind === "compatible" && candidate.baseURL === "") {
    errors.baseURL = "an OpenAI-compatible server needs its base URL, e.g. http://localhost:11434/v1";
  }
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, profile: parsed.data };
}
