// Main process: the contract's channels mapped to services. Knows nothing of IPC or HTTP; both
// doors (ipc.ts, web.ts) call these through dispatch().
import { SIMULATOR_PROFILE_ID, type AppInfo } from "../shared/contract";
import { DojoError } from "./errors";
import type { Handlers } from "./dispatch";
import type { ChatService } from "./services/chat";
import type { createDraftService } from "./services/draft";
import type { ProfileService } from "./services/profiles";

/** The services the handlers need, built by the composition root (app.ts). */
export interface HandlerDeps {
  info: () => AppInfo;
  profiles: ProfileService;
  drafts: ReturnType<typeof createDraftService>;
  chat: ChatService;
  /** Opens an http(s) URL in the user's browser; absent in web mode. */
  openExternal?: (url: string) => Promise<void>;
}

/** Builds one handler per channel. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { profiles, drafts, chat } = deps;
  return {
    "app.info": async () => deps.info(),
    "profiles.list": async () => profiles.list(),
    "profiles.save": async (profile) => profiles.save(profile),
    "profiles.delete": async ({ profileId }) => {
      await profiles.remove(profileId);
      return { ok: true };
    },
    "profiles.setActive": async ({ profileId }) => {
      profiles.setActive(profileId);
      return { ok: true };
    },
    "profiles.test": async ({ profileId }) => chat.testConnection(await profiles.resolveConnection(profileId)),
    "secrets.set": async ({ profileId, key }) => profiles.setKey(profileId, key),
    "secrets.clear": async ({ profileId }) => profiles.clearKey(profileId),
    "models.list": async ({ profileId }) => ({
      models: await chat.listModels(await profiles.resolveConnection(profileId)),
    }),
    "chat.start": async ({ runId, profileId, request, simulatorFailure }, ctx) => {
      const connection = await profiles.resolveConnection(profileId);
      // The failure simulator only ever applies to the simulator: never send its header elsewhere.
      const failure = profileId === SIMULATOR_PROFILE_ID ? simulatorFailure : undefined;
      chat.start({
        runId,
        connection,
        request,
        simulatorFailure: failure,
        emit: ctx.emit,
        secrets: () => profiles.knownSecrets(),
      });
      return { runId };
    },
    "chat.cancel": async ({ runId }) => ({ cancelled: chat.cancel(runId) }),
    "draft.load": async () => drafts.load(),
    "draft.save": async (draft) => {
      drafts.save(draft);
      return { ok: true };
    },
    "shell.openExternal": async ({ url }) => {
      if (!deps.openExternal) {
        throw new DojoError("invalid_input", "Opening links is handled by your browser in web mode.");
      }
      await deps.openExternal(url);
      return { ok: true };
    },
  };
}
