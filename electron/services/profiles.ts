// Main process: connection profiles (stored in settings, without keys), their keys (OS keychain or
// OPENAI_API_KEY), and the one function that hands a key to the main side for a call.
import { Profile, SIMULATOR_PROFILE_ID, type KeyStatus, type ProfileView, type ProviderTag } from "../../shared/contract";
import { describeZodError } from "../../shared/errors";
import { keyHint } from "../../shared/redact";
import { DojoError } from "../errors";
import { keychainUnavailable, type Keychain } from "./keychain";
import type { SettingsStore } from "./settingsStore";

/** Where and how to reach a profile's server. Main side only: it holds the key. */
export interface Connection {
  provider: ProviderTag;
  baseURL: string;
  apiKey: string | null;
}

/** Profiles, their keys and the active profile. */
export interface ProfileService {
  /** Every profile (the simulator first) with key status, and the active profile's id. */
  list(): Promise<{ profiles: ProfileView[]; activeId: string }>;
  /** A profile as stored; DojoError("not_found") when there is none. */
  get(id: string): Profile;
  /** Creates or replaces a profile; the simulator profile cannot be edited. */
  save(profile: Profile): Promise<ProfileView>;
  /** Deletes a profile and its key. */
  remove(id: string): Promise<void>;
  /** Makes a profile the active one. */
  setActive(id: string): void;
  /** Stores a profile's key in the OS keychain; DojoError("keychain_unavailable") says why and what to do. */
  setKey(id: string, key: string): Promise<KeyStatus>;
  /** Removes a profile's key from the keychain; the status may then show OPENAI_API_KEY. */
  clearKey(id: string): Promise<KeyStatus>;
  /** The base URL and key for a call. Main side only: the key never leaves it. */
  resolveConnection(id: string): Promise<Connection>;
  /** Every key read or set so far, plus OPENAI_API_KEY, for redaction. */
  knownSecrets(): readonly string[];
}

/** OpenAI's API, used by OpenAI profiles that leave the base URL empty. */
export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** The simulator accepts any key; this one only keeps the SDK from refusing to start. Not a secret. */
export const SIMULATOR_API_KEY = "simulator-no-key";

/** The built-in profile: works offline with no key, so the app is usable on first launch. */
export const SIMULATOR_PROFILE: Profile = Object.freeze({
  id: SIMULATOR_PROFILE_ID,
  name: "Simulator (offline)",
  kind: "simulator",
  baseURL: "",
  defaultModel: "sim-chat-1",
});

const NO_KEY: KeyStatus = { hasKey: false, hint: "", source: "none" };

/** Builds the profile service over the settings store, a keychain and the process environment. */
export function createProfileService(deps: {
  store: SettingsStore;
  keychain: Keychain;
  env: Record<string, string | undefined>;
  simulatorURL: () => string;
}): ProfileService {
  const { store, keychain, simulatorURL } = deps;
  // Read once: the variable is the user's choice for this run; it is never written anywhere.
  const envKey = deps.env.OPENAI_API_KEY?.trim() || null;
  const seenSecrets = new Set<string>();

  const remember = (secret: string | null): string | null => {
    if (secret) seenSecrets.add(secret);
    return secret;
  };

  const get = (id: string): Profile => {
    if (id === SIMULATOR_PROFILE_ID) return SIMULATOR_PROFILE;
    const found = store.read().profiles.find((p) => p.id === id);
    if (!found) throw new DojoError("not_found", `There is no profile "${id}".`);
    return found;
  };

  const effectiveBaseURL = (profile: Profile): string => {
    if (profile.kind === "simulator") return simulatorURL();
    if (profile.kind === "openai") return profile.baseURL || OPENAI_DEFAULT_BASE_URL;
    return profile.baseURL;
  };

  // A keychain that does not answer is no reason to fail a listing or an env-key run: it simply
  // holds no key. Saving a key is where its absence is reported (setKey).
  const readKeychain = async (id: string): Promise<string | null> => {
    try {
      return remember(await keychain.get(id));
    } catch {
      return null;
    }
  };

  /** The key a profile uses and where it comes from. OPENAI_API_KEY is only ever sent to OpenAI profiles. */
  const resolveKey = async (profile: Profile): Promise<{ key: string | null; source: KeyStatus["source"] }> => {
    if (profile.kind === "simulator") return { key: null, source: "none" };
    const stored = await readKeychain(profile.id);
    if (stored) return { key: stored, source: "keychain" };
    if (profile.kind === "openai" && envKey) return { key: envKey, source: "env" };
    return { key: null, source: "none" };
  };

  const keyStatus = async (profile: Profile): Promise<KeyStatus> => {
    const { key, source } = await resolveKey(profile);
    return key ? { hasKey: true, hint: keyHint(key), source } : NO_KEY;
  };

  const view = async (profile: Profile): Promise<ProfileView> => ({
    ...profile,
    key: await keyStatus(profile),
    effectiveBaseURL: effectiveBaseURL(profile),
    builtIn: profile.id === SIMULATOR_PROFILE_ID,
  });

  const requireUserProfile = (id: string, action: string): Profile => {
    if (id === SIMULATOR_PROFILE_ID) throw new DojoError("invalid_input", `The built-in simulator profile cannot be ${action}.`);
    return get(id);
  };

  return {
    async list() {
      const settings = store.read();
      const all = [SIMULATOR_PROFILE, ...settings.profiles];
      const profiles = await Promise.all(all.map(view));
      const activeId = all.some((p) => p.id === settings.activeId) ? settings.activeId : SIMULATOR_PROFILE_ID;
      return { profiles, activeId };
    },

    get,

    async save(input) {
      const parsed = Profile.safeParse(input);
      if (!parsed.success) throw new DojoError("invalid_input", `Profile not saved: ${describeZodError(parsed.error)}`);
      const profile = parsed.data;
      if (profile.id === SIMULATOR_PROFILE_ID) {
        throw new DojoError("invalid_input", "The built-in simulator profile cannot be edited.");
      }
      if (profile.kind === "simulator") {
        throw new DojoError("invalid_input", "Only the built-in profile talks to the simulator; choose OpenAI or OpenAI-compatible.");
      }
      if (profile.kind === "compatible" && !profile.baseURL) {
        throw new DojoError("invalid_input", "An OpenAI-compatible profile needs a base URL, for example http://localhost:11434/v1.", {
          param: "baseURL",
        });
      }
      store.update((settings) => {
        const index = settings.profiles.findIndex((p) => p.id === profile.id);
        const profiles = [...settings.profiles];
        if (index >= 0) profiles[index] = profile;
        else profiles.push(profile);
        return { ...settings, profiles };
      });
      return view(profile);
    },

    async remove(id) {
      requireUserProfile(id, "deleted");
      try {
        await keychain.delete(id);
      } catch (err) {
        // With no keychain on this machine there is no key to reach, and keeping the profile would
        // make it undeletable; with a working keychain a failed delete must not orphan the key.
        const state = await keychain.probe();
        if (state.available) throw err instanceof DojoError ? err : keychainUnavailable("remove the profile's key", err);
      }
      store.update((settings) => ({
        ...settings,
        profiles: settings.profiles.filter((p) => p.id !== id),
        activeId: settings.activeId === id ? SIMULATOR_PROFILE_ID : settings.activeId,
      }));
    },

    setActive(id) {
      get(id);
      store.update((settings) => ({ ...settings, activeId: id }));
    },

    async setKey(id, key) {
      requireUserProfile(id, "given a key (it needs none)");
      const trimmed = key.trim();
      if (trimmed.length < 8 || /\s/.test(trimmed)) {
        throw new DojoError("invalid_input", "That does not look like an API key: it is too short or contains spaces.", { param: "key" });
      }
      // Remembered before the attempt, so an error that echoes it is still redacted.
      remember(trimmed);
      try {
        await keychain.set(id, trimmed);
      } catch (err) {
        throw err instanceof DojoError ? err : keychainUnavailable("save the key in the keychain", err, [trimmed]);
      }
      return { hasKey: true, hint: keyHint(trimmed), source: "keychain" };
    },

    async clearKey(id) {
      const profile = requireUserProfile(id, "given a key (it needs none)");
      try {
        await keychain.delete(id);
      } catch (err) {
        throw err instanceof DojoError ? err : keychainUnavailable("remove the key from the keychain", err);
      }
      return keyStatus(profile);
    },

    async resolveConnection(id) {
      const profile = get(id);
      const baseURL = effectiveBaseURL(profile);
      if (!baseURL) {
        throw new DojoError("invalid_input", `The profile "${profile.name}" has no base URL; edit it and add one.`, { param: "baseURL" });
      }
      const provider: ProviderTag = { profileId: profile.id, profileName: profile.name, kind: profile.kind, baseURL };
      if (profile.kind === "simulator") return { provider, baseURL, apiKey: SIMULATOR_API_KEY };
      const { key } = await resolveKey(profile);
      return { provider, baseURL, apiKey: key };
    },

    knownSecrets() {
      return envKey ? [...seenSecrets, envKey] : [...seenSecrets];
    },
  };
}
