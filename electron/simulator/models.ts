// Main process (simulator): the models the simulator lists, all clearly named `sim-*`.
import { modelNotFound } from "./apiError";

/** Who owns every simulated model, so nobody takes one for a real model. */
export const SIMULATOR_OWNER = "prompt-dojo-simulator";

/** What a simulated model can do. */
export type ModelKind = "chat" | "embedding" | "moderation";

/** One simulated model. */
export interface SimModel {
  id: string;
  kind: ModelKind;
  /** Unix seconds; fixed so listings are stable. */
  created: number;
}

/** Default and maximum width of `sim-embedding-1` vectors. */
export const EMBEDDING_DIMENSIONS = 1536;

// 2026-01-01T00:00:00Z: a fixed date keeps every listing byte-identical between runs.
const CREATED = 1767225600;

/** Every model the simulator serves. */
export const SIM_MODELS: readonly SimModel[] = [
  { id: "sim-chat-1", kind: "chat", created: CREATED },
  { id: "sim-chat-mini-1", kind: "chat", created: CREATED },
  { id: "sim-embedding-1", kind: "embedding", created: CREATED },
  { id: "sim-moderation-1", kind: "moderation", created: CREATED },
];

/** A model object as `/v1/models` returns it (Model in the spec). */
export function modelObject(model: SimModel): { id: string; object: "model"; created: number; owned_by: string } {
  return { id: model.id, object: "model", created: model.created, owned_by: SIMULATOR_OWNER };
}

/** Finds a model by id, or null. */
export function findModel(id: string): SimModel | null {
  return SIM_MODELS.find((m) => m.id === id) ?? null;
}

/**
 * The model for an endpoint: 404 model_not_found for an unknown id, and the same for a listed
 * model of the wrong kind (the real service also refuses, e.g., an embedding model for chat).
 */
export function requireModel(id: string, kind: ModelKind): SimModel {
  const model = findModel(id);
  if (!model || model.kind !== kind) throw modelNotFound(id);
  return model;
}
