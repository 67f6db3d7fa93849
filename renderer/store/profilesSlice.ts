// Renderer: the profiles slice: connection profiles, key status, the active profile, models, tests.
import { defaultApiFor } from "../../shared/api/requestApi";
import type { AppError } from "../../shared/errors";
import type { KeyStatus, ModelInfo, Profile, ProfileView } from "../../shared/contract";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

/** The model list of one profile, as `models.list` returned it. */
export interface ModelsState {
  profileId: string | null;
  status: "idle" | "loading" | "ready" | "failed";
  models: ModelInfo[];
  error: AppError | null;
}

/** The outcome of "Test connection" for one profile. */
export type ConnectionTest =
  | { status: "running" }
  | { status: "ok"; latencyMs: number; modelCount: number }
  | { status: "failed"; error: AppError };

export interface ProfilesSlice {
  profiles: ProfileView[];
  activeId: string;
  profilesStatus: "idle" | "loading" | "ready" | "failed";
  profilesError: AppError | null;
  models: ModelsState;
  connectionTests: Record<string, ConnectionTest>;
  /** Reads every profile and the active id. */
  loadProfiles(): Promise<void>;
  /** Creates or replaces a profile; resolves to the error to show, or null. */
  saveProfile(profile: Profile): Promise<AppError | null>;
  /** Deletes a profile and its key; resolves to the error to show, or null. */
  deleteProfile(profileId: string): Promise<AppError | null>;
  /** Makes a profile active (the playground runs against it) and loads its models. */
  setActiveProfile(profileId: string): Promise<AppError | null>;
  /** Sends a key to the keychain; the renderer keeps only the returned status. */
  setKey(profileId: string, key: string): Promise<AppError | null>;
  /** Removes a profile's key. */
  clearKey(profileId: string): Promise<AppError | null>;
  /** Lists the profile's models and records latency and count, or the precise error. */
  testConnection(profileId: string): Promise<void>;
  /** Fills the model picker from `models.list`. */
  loadModels(profileId: string): Promise<void>;
}

const noModels: ModelsState = { profileId: null, status: "idle", models: [], error: null };

/** The profiles slice. */
export function createProfilesSlice(deps: StoreDeps): SliceCreator<ProfilesSlice> {
  const { bridge } = deps;
  return (set, get) => {
    const replaceKeyStatus = (profileId: string, key: KeyStatus) =>
      set((s) => ({ profiles: s.profiles.map((p) => (p.id === profileId ? { ...p, key } : p)) }));

    return {
      profiles: [],
      activeId: "",
      profilesStatus: "idle",
      profilesError: null,
      models: noModels,
      connectionTests: {},

      loadProfiles: async () => {
        set({ profilesStatus: "loading" });
        try {
          const { profiles, activeId } = await bridge.call("profiles.list", {});
          set({ profiles, activeId, profilesStatus: "ready", profilesError: null });
        } catch (err) {
          set({ profilesStatus: "failed", profilesError: toAppError(err) });
        }
      },

      saveProfile: async (profile) => {
        try {
          const saved = await bridge.call("profiles.save", profile);
          set((s) => {
            const exists = s.profiles.some((p) => p.id === saved.id);
            return { profiles: exists ? s.profiles.map((p) => (p.id === saved.id ? saved : p)) : [...s.profiles, saved] };
          });
          return null;
        } catch (err) {
          return toAppError(err);
        }
      },

      deleteProfile: async (profileId) => {
        try {
          await bridge.call("profiles.delete", { profileId });
          const { [profileId]: _dropped, ...connectionTests } = get().connectionTests;
          set((s) => ({ profiles: s.profiles.filter((p) => p.id !== profileId), connectionTests }));
          // The main side picks a new active profile when the active one goes; learn which.
          if (get().activeId === profileId) await get().loadProfiles();
          return null;
        } catch (err) {
          return toAppError(err);
        }
      },

      setActiveProfile: async (profileId) => {
        try {
          await bridge.call("profiles.setActive", { profileId });
        } catch (err) {
          return toAppError(err);
        }
        const profile = get().profiles.find((p) => p.id === profileId);
        const before = get().profiles.find((p) => p.id === get().activeId);
        set({ activeId: profileId });
        // A draft still on the old profile's default API moves to the new one's (compatible servers
        // mostly lack Responses); an API chosen by hand stays.
        if (profile && get().api === defaultApiFor(before?.kind)) get().setApi(defaultApiFor(profile.kind));
        // Model ids differ between providers (sim-chat-1 means nothing to OpenAI): take the
        // profile's default model when it names one, so the next run does not fail on the model.
        if (profile?.defaultModel) get().setModel(profile.defaultModel);
        void get().loadModels(profileId);
        return null;
      },

      setKey: async (profileId, key) => {
        try {
          replaceKeyStatus(profileId, await bridge.call("secrets.set", { profileId, key }));
          return null;
        } catch (err) {
          return toAppError(err);
        }
      },

      clearKey: async (profileId) => {
        try {
          replaceKeyStatus(profileId, await bridge.call("secrets.clear", { profileId }));
          return null;
        } catch (err) {
          return toAppError(err);
        }
      },

      testConnection: async (profileId) => {
        const record = (test: ConnectionTest) =>
          set((s) => ({ connectionTests: { ...s.connectionTests, [profileId]: test } }));
        record({ status: "running" });
        try {
          const { latencyMs, modelCount } = await bridge.call("profiles.test", { profileId });
          record({ status: "ok", latencyMs, modelCount });
        } catch (err) {
          record({ status: "failed", error: toAppError(err) });
        }
      },

      loadModels: async (profileId) => {
        set({ models: { profileId, status: "loading", models: [], error: null } });
        try {
          const { models } = await bridge.call("models.list", { profileId });
          // A slower answer for a profile the user has since left must not overwrite the newer one.
          if (get().models.profileId !== profileId) return;
          set({ models: { profileId, status: "ready", models, error: null } });
        } catch (err) {
          if (get().models.profileId !== profileId) return;
          set({ models: { profileId, status: "failed", models: [], error: toAppError(err) } });
        }
      },
    };
  };
}
