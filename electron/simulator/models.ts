// Main process (simulator): the models the simulator answers to: every id in the shared model
// catalog (real names and its own `sim-*` models), always owned by the simulator so nobody takes
// an answer for a real model's.
import { ApiError, modelNotFound } from "./apiError";
import { MODEL_CATALOG, catalogModel, type CatalogApi, type CatalogModel } from "../../shared/models/catalog";

/** Who owns every model the simulator lists, so nobody takes one for a real model. */
export const SIMULATOR_OWNER = "prompt-dojo-simulator";

/** What an endpoint needs a model to be: chat covers the catalog's chat and reasoning kinds. */
export type ModelKind = "chat" | "embedding" | "moderation";

/** One model the simulator serves. */
export interface SimModel {
  id: string;
  kind: ModelKind;
  /** Unix seconds; fixed so listings are stable. */
  created: number;
  /** Its catalog entry: kind, APIs, parameter rules. */
  entry: CatalogModel;
}

/** Default and maximum width of the simulated embedding vectors. */
export const EMBEDDING_DIMENSIONS = 1536;

// 2026-01-01T00:00:00Z: a fixed date keeps every listing byte-identical between runs.
const CREATED = 1767225600;

function simModel(entry: CatalogModel): SimModel {
  const kind: ModelKind = entry.kind === "embedding" || entry.kind === "moderation" ? entry.kind : "chat";
  return { id: entry.id, kind, created: CREATED, entry };
}

/** Every model the simulator serves: the whole catalog. */
export const SIM_MODELS: readonly SimModel[] = MODEL_CATALOG.map(simModel);

/** A model object as `/v1/models` returns it (Model in the spec). */
export function modelObject(model: SimModel): { id: string; object: "model"; created: number; owned_by: string } {
  return { id: model.id, object: "model", created: model.created, owned_by: SIMULATOR_OWNER };
}

/** Finds a model by id, or null. */
export function findModel(id: string): SimModel | null {
  const entry = catalogModel(id);
  return entry ? simModel(entry) : null;
}

const API_PATH: Record<CatalogApi, string> = {
  "chat.completions": "v1/chat/completions",
  responses: "v1/responses",
  embeddings: "v1/embeddings",
  moderations: "v1/moderations",
};

/**
 * The model for an endpoint: 404 model_not_found for an unknown id, and the same for a listed
 * model of the wrong kind (the real service also refuses, e.g., an embedding model for chat). With
 * `api`, a chat model the catalog lists for other APIs only is refused as the real service words it.
 */
export function requireModel(id: string, kind: ModelKind, api?: CatalogApi): SimModel {
  const model = findModel(id);
  if (!model || model.kind !== kind) throw modelNotFound(id);
  if (api && !model.entry.apis.includes(api)) {
    const where = model.entry.apis.map((a) => API_PATH[a]).join(" and ");
    throw new ApiError(404, `This model is only supported in ${where} and not in ${API_PATH[api]}.`, { param: "model", code: null });
  }
  return model;
}
