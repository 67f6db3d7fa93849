// Renderer: the RAG lab's slice: documents, chunking, chunk vectors, and one question answered with
// and without retrieval (both through the ordinary chat path), with the checks of the answer.
import { chunkDocuments, DEFAULT_CHUNK_OPTIONS, type Chunk, type ChunkOptions } from "../../shared/chunking";
import type { ChatRequest, RunResult } from "../../shared/contract";
import { appError, type AppError } from "../../shared/errors";
import { answerLikelyPresent, buildGroundedMessages, buildPlainMessages, checkAnswer, type AnswerReport } from "../../shared/rag";
import { normalizeRows, searchTopK } from "../../shared/vectors";
import { runChatToEnd } from "./chatOnce";
import { embedThroughBridge } from "./embedCall";
import { effectiveEmbeddingModel } from "./embeddingsSlice";
import { selectActiveProfile } from "./selectors";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

/** A loaded or pasted document. */
export interface RagDocument {
  name: string;
  text: string;
}

/** A retrieved chunk and its cosine similarity to the question. */
export interface Retrieved {
  chunk: Chunk;
  score: number;
}

/** One of the two answers: with retrieval (grounded) or without. */
export interface RagAnswer {
  request: ChatRequest;
  result: RunResult | null;
  error: AppError | null;
}

export interface RagState {
  documents: RagDocument[];
  chunkOptions: ChunkOptions;
  /** The chunks embedded last, with their normalised vectors (rows of `dimensions`). */
  index: { chunks: Chunk[]; vectors: Float32Array; dimensions: number; model: string; requestedDimensions: number | undefined } | null;
  indexStatus: "idle" | "embedding" | "ready" | "failed";
  progress: { done: number; total: number } | null;
  question: string;
  topK: number;
  /** The chat model; "" means the active profile's default model. */
  chatModel: string;
  askStatus: "idle" | "retrieving" | "answering" | "done" | "failed";
  /** The question the results below belong to. */
  asked: string;
  retrieved: Retrieved[];
  grounded: RagAnswer | null;
  plain: RagAnswer | null;
  /** The keyword estimate of whether the retrieved chunks hold the answer. */
  expectPresent: boolean | null;
  report: AnswerReport | null;
  error: AppError | null;
}

export interface RagSlice {
  rag: RagState;
  setRagDocuments(documents: RagDocument[]): void;
  setRagInput(patch: Partial<Pick<RagState, "chunkOptions" | "question" | "topK" | "chatModel">>): void;
  /** Chunks the documents and embeds the chunks with the active profile. */
  indexDocuments(): Promise<void>;
  /** Retrieves the top-k chunks, then runs the grounded and the plain question side by side. */
  askQuestion(): Promise<void>;
}

const initial: RagState = {
  documents: [],
  chunkOptions: DEFAULT_CHUNK_OPTIONS,
  index: null,
  indexStatus: "idle",
  progress: null,
  question: "",
  topK: 3,
  chatModel: "",
  askStatus: "idle",
  asked: "",
  retrieved: [],
  grounded: null,
  plain: null,
  expectPresent: null,
  report: null,
  error: null,
};

/** Grounded answers should be reproducible: temperature 0. */
const answerRequest = (model: string, messages: ChatRequest["messages"]): ChatRequest => ({ model, messages, temperature: 0, max_completion_tokens: 512 });

/** The RAG slice. */
export function createRagSlice(deps: StoreDeps): SliceCreator<RagSlice> {
  return (set, get) => {
    const patch = (p: Partial<RagState>) => set((s) => ({ rag: { ...s.rag, ...p } }));

    const runAnswer = async (profileId: string, request: ChatRequest): Promise<RagAnswer> => {
      try {
        return { request, result: await runChatToEnd(deps.bridge, deps.randomUUID(), profileId, request, "rag"), error: null };
      } catch (err) {
        return { request, result: null, error: toAppError(err) };
      }
    };

    return {
      rag: initial,
      setRagDocuments: (documents) => patch({ documents, index: null, indexStatus: "idle" }),
      setRagInput: (p) => patch(p),
      indexDocuments: async () => {
        const state = get();
        let chunks: Chunk[];
        try {
          chunks = chunkDocuments(state.rag.documents, state.rag.chunkOptions);
        } catch (err) {
          return patch({ indexStatus: "failed", error: appError("invalid_input", err instanceof Error ? err.message : String(err)) });
        }
        if (!chunks.length) return patch({ indexStatus: "failed", error: appError("invalid_input", "Paste or load a document first.") });
        const model = effectiveEmbeddingModel("", selectActiveProfile(state)?.kind);
        patch({ indexStatus: "embedding", progress: { done: 0, total: chunks.length }, error: null });
        try {
          const out = await embedThroughBridge(deps.bridge, {
            jobId: deps.randomUUID(),
            profileId: state.activeId,
            model,
            texts: chunks.map((c) => c.text),
            onProgress: ({ done, total }) => patch({ progress: { done, total } }),
          });
          normalizeRows(out.vectors, out.dimensions);
          patch({ indexStatus: "ready", index: { chunks, vectors: out.vectors, dimensions: out.dimensions, model: out.model, requestedDimensions: undefined } });
        } catch (err) {
          patch({ indexStatus: "failed", error: toAppError(err) });
        }
      },
      askQuestion: async () => {
        const state = get();
        const { index, question, topK } = state.rag;
        if (!index) return patch({ askStatus: "failed", error: appError("invalid_input", "Embed the documents first.") });
        if (!question.trim()) return patch({ askStatus: "failed", error: appError("invalid_input", "Ask a question.") });
        const profileId = state.activeId;
        const chatModel = state.rag.chatModel.trim() || selectActiveProfile(state)?.defaultModel || "sim-chat-1";
        patch({ askStatus: "retrieving", asked: question, retrieved: [], grounded: null, plain: null, report: null, expectPresent: null, error: null });
        try {
          const query = await embedThroughBridge(deps.bridge, {
            jobId: deps.randomUUID(),
            profileId,
            model: index.model,
            dimensions: index.requestedDimensions,
            texts: [question],
          });
          normalizeRows(query.vectors, query.dimensions);
          // A few hundred chunks take well under a millisecond: no worker needed here.
          const retrieved = searchTopK(index.vectors, index.dimensions, query.vectors, topK).map(({ index: i, score }) => ({ chunk: index.chunks[i]!, score }));
          const expectPresent = answerLikelyPresent(question, retrieved.map((r) => r.chunk));
          patch({ askStatus: "answering", retrieved, expectPresent });
          const [grounded, plain] = await Promise.all([
            runAnswer(profileId, answerRequest(chatModel, buildGroundedMessages(question, retrieved.map((r) => ({ text: r.chunk.text, source: r.chunk.source }))))),
            runAnswer(profileId, answerRequest(chatModel, buildPlainMessages(question))),
          ]);
          const text = grounded.result?.choices[0]?.content ?? null;
          patch({
            askStatus: grounded.error ? "failed" : "done",
            grounded,
            plain,
            report: text === null ? null : checkAnswer(text, retrieved.length, expectPresent),
            error: grounded.error,
          });
        } catch (err) {
          patch({ askStatus: "failed", error: toAppError(err) });
        }
      },
    };
  };
}
