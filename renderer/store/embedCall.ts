// Renderer: one embed job through the bridge, with its progress events, decoded to a Float32Array.
import type { EmbedOutput } from "../../shared/contracts/embeddings";
import type { ProviderKind } from "../../shared/contract";
import { decodeFloat32Base64 } from "../../shared/vectorCodec";
import type { Bridge } from "../bridge";

/** The embedding model a profile starts with: the simulator's, or OpenAI's small text-embedding-3. */
export function defaultEmbeddingModel(kind: ProviderKind | undefined): string {
  return kind === "simulator" || kind === undefined ? "sim-embedding-1" : "text-embedding-3-small";
}

/** An embed job's answer with the vectors decoded: `count` rows of `dimensions` values. */
export interface EmbeddedTexts extends Omit<EmbedOutput, "vectors"> {
  vectors: Float32Array;
}

/** What one job needs. */
export interface EmbedJob {
  jobId: string;
  profileId: string;
  model: string;
  dimensions?: number;
  texts: string[];
  onProgress?: (progress: { done: number; total: number; cached: number }) => void;
}

/** Runs `embeddings.embed`, relaying its progress events while it runs. Rejects with the BridgeError. */
export async function embedThroughBridge(bridge: Bridge, job: EmbedJob): Promise<EmbeddedTexts> {
  const { onProgress, jobId, ...input } = job;
  const off = bridge.on("embeddings.progress", (payload) => {
    if (payload.jobId === jobId) onProgress?.(payload);
  });
  try {
    const out = await bridge.call("embeddings.embed", { jobId, ...input });
    const vectors = decodeFloat32Base64(out.vectors);
    if (vectors.length !== out.count * out.dimensions) throw new Error("The vectors do not match their declared size.");
    return { ...out, vectors };
  } finally {
    off();
  }
}
