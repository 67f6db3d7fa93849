// Main process (simulator): one HTTP request from arrival to answer: route, key, simulated
// failure, body, then the endpoint.
import { ApiError, incorrectKey, missingKey } from "./apiError";
import { streamChunks, completionBody } from "./chatBodies";
import { parseChatParams } from "./chatParams";
import { planChat } from "./chatPlan";
import { deliverJson, deliverStream } from "./deliver";
import { embeddingsResponse } from "./embeddings";
import { failureError, isDeliveryFailure, readFailure, SIMULATE_HEADER, type DeliveryFailure } from "./failures";
import { findModel, modelObject, SIM_MODELS } from "./models";
import { moderationsResponse } from "./moderations";
import { pause, sendError, type Exchange } from "./respond";

/** The settings a request needs from the running simulator. */
export interface HandlerSettings {
  requireKey: string | null;
  tokenDelayMs: number;
  slowFirstByteMs: number;
}

/** Largest request body accepted (the real service also refuses very large bodies). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

type Route = "models" | "model" | "chat" | "embeddings" | "moderations";

/** The route and the method it takes, or null for an unknown path. */
function matchRoute(path: string): { route: Route; method: "GET" | "POST"; id?: string } | null {
  if (path === "/v1/models") return { route: "models", method: "GET" };
  if (path.startsWith("/v1/models/") && path.length > "/v1/models/".length) {
    return { route: "model", method: "GET", id: decodeURIComponent(path.slice("/v1/models/".length)) };
  }
  if (path === "/v1/chat/completions") return { route: "chat", method: "POST" };
  if (path === "/v1/embeddings") return { route: "embeddings", method: "POST" };
  if (path === "/v1/moderations") return { route: "moderations", method: "POST" };
  return null;
}

function bearerKey(header: string | undefined): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
  return match?.[1]?.trim() || null;
}

/** Reads and parses the JSON body; 400 in the real service's words when it is not JSON. */
async function readJson(ex: Exchange): Promise<unknown> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of ex.req) {
    size += (part as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, "The request body is too large for the simulator (16 MB at most).");
    parts.push(part as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(parts).toString("utf8"));
  } catch {
    throw new ApiError(
      400,
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
    );
  }
}

async function answer(ex: Exchange, route: Route, id: string | undefined, delivery: DeliveryFailure | null, settings: HandlerSettings): Promise<void> {
  const body = ex.req.method === "POST" ? await readJson(ex) : undefined;
  if (delivery === "slow_first_byte" && !(await pause(settings.slowFirstByteMs, ex.signal))) return;
  const failure = delivery === "slow_first_byte" ? null : delivery;
  switch (route) {
    case "models":
      return deliverJson(ex, { object: "list", data: SIM_MODELS.map(modelObject) }, failure);
    case "model": {
      const model = findModel(id ?? "");
      if (!model) throw new ApiError(404, `The model '${id}' does not exist`, { param: "model", code: "model_not_found" });
      return deliverJson(ex, modelObject(model), failure);
    }
    case "embeddings": {
      const result = embeddingsResponse(body);
      return deliverJson(ex, result, failure, (result.usage as { total_tokens: number }).total_tokens);
    }
    case "moderations":
      return deliverJson(ex, moderationsResponse(body), failure);
    case "chat": {
      const params = parseChatParams(body);
      const plan = planChat(params);
      if (params.stream) return deliverStream(ex, streamChunks(plan, params.includeUsage), failure, settings.tokenDelayMs, plan.usage.total_tokens);
      return deliverJson(ex, completionBody(plan), failure, plan.usage.total_tokens);
    }
  }
}

/** Handles one request. Never throws: every failure becomes an error response (or a closed socket). */
export async function handleRequest(ex: Exchange, settings: HandlerSettings): Promise<void> {
  try {
    const path = new URL(ex.req.url ?? "/", "http://127.0.0.1").pathname.replace(/\/+$/, "");
    const match = matchRoute(path);
    if (!match) throw new ApiError(404, `Invalid URL (${ex.req.method} ${path})`, { code: "unknown_url" });
    if (ex.req.method !== match.method) {
      throw new ApiError(405, `Not allowed to ${ex.req.method} on ${path}. (HINT: Perhaps you meant to use a different HTTP method?)`, {
        code: "method_not_allowed",
        headers: { allow: match.method },
      });
    }
    const key = bearerKey(ex.req.headers.authorization);
    if (settings.requireKey !== null) {
      if (!key) throw missingKey();
      if (key !== settings.requireKey) throw incorrectKey(key);
    }
    const failure = readFailure(ex.req.headers[SIMULATE_HEADER]);
    const model = match.route === "model" ? (match.id ?? "") : "sim-chat-1";
    const error = failureError(failure, model, key ?? "");
    if (error) throw error;
    await answer(ex, match.route, match.id, isDeliveryFailure(failure) ? failure : null, settings);
  } catch (err) {
    if (ex.res.headersSent || ex.res.destroyed) {
      ex.res.destroy();
      return;
    }
    if (err instanceof ApiError) return sendError(ex, err);
    const message = err instanceof Error ? err.message : String(err);
    sendError(ex, new ApiError(500, `The simulator failed: ${message}`, { type: "server_error" }));
  }
}
