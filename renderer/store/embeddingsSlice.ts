// Renderer: the embeddings lab's slice: the texts, model and width, the embed job with its
// progress, and the decoded vectors (the worker does the maths on them; see features/Embeddings).
import type { AppError } from "../../shared/errors";
import { parseTextLines, textListProblem } from "../features/Embeddings/textInput";
import { defaultEmbeddingModel, embedThroughBridge, type EmbeddedTexts } from "./embedCall";
import { selectActiveProfile } from "./selectors";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";
import { appError } from "../../shared/errors";

/** An embedded set: the texts and their vectors (count x dimensions). */
export interface EmbeddedSet extends EmbeddedTexts {
  texts: string[];
  /** The width asked for (undefined: the model's default); a query must ask for the same. */
  requestedDimensions: number | undefined;
  /** Bumped for every new set, so views reload the worker. */
  version: number;
}

export interface EmbeddingsState {
  /** The texts as typed, one per line. */
  textsInput: string;
  /** The embedding model; "" means the active profile's default. */
  model: string;
  /** Requested width; null means the model's default. */
  dimensions: number | null;
  status: "idle" | "embedding" | "ready" | "failed";
  jobId: string | null;
  progress: { done: number; total: number; cached: number } | null;
  set: EmbeddedSet | null;
  error: AppError | null;
}

export interface EmbeddingsSlice {
  embeddings: EmbeddingsState;
  /** Edits the texts, model or width. */
  setEmbeddingsInput(patch: Partial<Pick<EmbeddingsState, "textsInput" | "model" | "dimensions">>): void;
  /** Adds texts (from loaded files) below the typed ones. */
  appendEmbeddingTexts(texts: readonly string[]): void;
  /** Embeds the texts with the active profile; the vectors land in `embeddings.set`. */
  embedTexts(): Promise<void>;
  /** Stops the running embed job. */
  cancelEmbedding(): Promise<void>;
  /** Embeds one query with the set's model and width (for search); rejects with the BridgeError. */
  embedQuery(query: string): Promise<Float32Array>;
}

const initial: EmbeddingsState = {
  textsInput: "",
  model: "",
  dimensions: null,
  status: "idle",
  jobId: null,
  progress: null,
  set: null,
  error: null,
};

/** The model a job uses: the one typed, else the active profile's default embedding model. */
export function effectiveEmbeddingModel(model: string, kind: Parameters<typeof defaultEmbeddingModel>[0]): string {
  return model.trim() || defaultEmbeddingModel(kind);
}

/** The embeddings slice. */
export function createEmbeddingsSlice(deps: StoreDeps): SliceCreator<EmbeddingsSlice> {
  let version = 0;
  return (set, get) => {
    const patch = (p: Partial<EmbeddingsState>) => set((s) => ({ embeddings: { ...s.embeddings, ...p } }));
    return {
      embeddings: initial,
      setEmbeddingsInput: (p) => patch(p),
      appendEmbeddingTexts: (texts) => {
        const current = get().embeddings.textsInput.trimEnd();
        patch({ textsInput: [current, ...texts].filter(Boolean).join("\n") });
      },
      embedTexts: async () => {
        const state = get();
        const texts = parseTextLines(state.embeddings.textsInput);
        const problem = textListProblem(texts);
        if (problem) return patch({ status: "failed", error: appError("invalid_input", problem) });
        const jobId = deps.randomUUID();
        const model = effectiveEmbeddingModel(state.embeddings.model, selectActiveProfile(state)?.kind);
        patch({ status: "embedding", jobId, progress: { done: 0, total: texts.length, cached: 0 }, error: null });
        try {
          const requestedDimensions = state.embeddings.dimensions ?? undefined;
          const out = await embedThroughBridge(deps.bridge, {
            jobId,
            profileId: state.activeId,
            model,
            dimensions: requestedDimensions,
            texts,
            onProgress: (progress) => {
              if (get().embeddings.jobId === jobId) patch({ progress });
            },
          });
          if (get().embeddings.jobId !== jobId) return;
          patch({ status: "ready", jobId: null, set: { ...out, texts, requestedDimensions, version: ++version } });
        } catch (err) {
          if (get().embeddings.jobId !== jobId) return;
          patch({ status: "failed", jobId: null, error: toAppError(err) });
        }
      },
      cancelEmbedding: async () => {
        const { jobId } = get().embeddings;
        if (!jobId) return;
        await deps.bridge.call("embeddings.cancel", { jobId }).catch(() => ({ cancelled: false }));
      },
      embedQuery: async (query) => {
        const state = get();
        const current = state.embeddings.set;
        if (!current) throw new Error("Embed the texts first.");
        const out = await embedThroughBridge(deps.bridge, {
          jobId: deps.randomUUID(),
          profileId: state.activeId,
          model: current.model,
          dimensions: current.requestedDimensions,
          texts: [query],
        });
        return out.vectors;
      },
    };
  };
}
