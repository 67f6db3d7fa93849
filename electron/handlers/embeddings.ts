// Main process: the embeddings channels over the embeddings service and the profile's connection.
import type { embeddingsChannels } from "../../shared/contracts/embeddings";
import type { Handlers } from "../dispatch";
import type { EmbeddingService } from "../services/embeddings";
import type { ProfileService } from "../services/profiles";

/** Handlers for `embeddings.embed`, `embeddings.cancel` and `embeddings.clearCache`. */
export function createEmbeddingsHandlers(deps: {
  embeddings: EmbeddingService;
  profiles: ProfileService;
}): Pick<Handlers, keyof typeof embeddingsChannels> {
  const { embeddings, profiles } = deps;
  return {
    "embeddings.embed": async ({ profileId, ...job }, ctx) =>
      embeddings.embed({
        ...job,
        connection: await profiles.resolveConnection(profileId),
        emit: ctx.emit,
        secrets: () => profiles.knownSecrets(),
      }),
    "embeddings.cancel": async ({ jobId }) => ({ cancelled: embeddings.cancel(jobId) }),
    "embeddings.clearCache": async () => ({ removed: embeddings.clearCache() }),
  };
}
