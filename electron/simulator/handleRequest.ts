// Main process (simulator): one HTTP request from arrival to answer: route, key, simulated
// failure, body, then the endpoint.
import { ApiError, incorrectKey, missingKey } from "./apiError";
import { streamChunks, completionBody } from "./chatBodies";
import { parseChatParams, type ChatParams } from "./chatParams";
import { NOTE_HEADER, planChat, type ChatPlan } from "./chatPlan";
import { deliverJson, deliverStream } from "./deliver";
import { embeddingsResponse } from "./embeddings";
import { failureError, isDeliveryFailure, readFailure, SIMULATE_HEADER, type DeliveryFailure } from "./failures";
import { enforceChatStrictSchemas, enforceModelRules } from "./modelRules";
import { findModel, modelObject, requireModel, SIM_MODELS } from "./models";
import { promptPrefixText, type PromptCache } from "./promptCache";
import { DEFAULT_EFFORT, REASONING_EFFORTS, SIMULATED_REASONING_TOKENS } from "./reasoning";
import { countInputTokens, createResponse, type ResponsesDeps } from "./responses/responsesRoute";
import type { SimResponses } from "./responses/responsesStore";
import { moderationsResponse } from "./moderations";
import { pause, sendError, sendJson, type Exchange } from "./respond";
import type { SimBatches } from "./batches";
import { BEHAVIOUR_PATH, type SimBehaviourControl } from "./behaviour";
import { NORMAL_BEHAVIOUR } from "../../shared/contracts/reliability";
import { describeZodError } from "../../shared/errors";
import { parseJsonWithin } from "../../shared/jsonDepth";
import { foreignRequestReason } from "../requestOrigin";
import type { SeedSource } from "./random";
import { ZodError } from "zod";

/** The settings a request needs from the running simulator. */
export interface HandlerSettings {
  requireKey: string | null;
  tokenDelayMs: number;
  slowFirstByteMs: number;
  /** The Files and Batch APIs' state. */
  batches: SimBatches;
  /** A pause before every answer, for benchmarks (a request's LATENCY_HEADER overrides it). */
  fixedLatencyMs: number;
  /** The behaviour set for the next requests through the control endpoint. */
  behaviour: SimBehaviourControl;
  /** The Responses API's stored responses. */
  responses: SimResponses;
  /** Prompt prefixes seen, for cached_tokens. */
  promptCache: PromptCache;
  /** Fresh randomness for runs without a seed. */
  seeds: SeedSource;
}

/** Routes that answer as a model does: the behaviour's failures and the enforced limits apply to them. */
const MODEL_ROUTES: ReadonlySet<Route> = new Set<Route>(["chat", "responses", "embeddings", "moderations"]);

/** Refuses a request the enforced limits do not admit, with the real service's 429 and headers. */
function admit(ex: Exchange, settings: HandlerSettings, tokens: number, model: string): void {
  const refusal = ex.budget.admit(tokens, model);
  if (!refusal) return;
  settings.behaviour.countLimited();
  const wait: Record<string, string> =
    refusal.retryAfterMs === null ? {} : { "retry-after": String(Math.max(1, Math.ceil(refusal.retryAfterMs / 1000))), "retry-after-ms": String(refusal.retryAfterMs) };
  throw new ApiError(429, refusal.message, {
    type: refusal.limit,
    // The real API says "Request too large ..." with the same code as a busy limit; the message tells them apart.
    code: "rate_limit_exceeded",
    headers: { ...refusal.headers, ...wait },
    counted: false,
  });
}

/** The control endpoint: GET reads the behaviour, POST replaces it, DELETE restores normal. */
async function handleControl(ex: Exchange, settings: HandlerSettings): Promise<void> {
  const reply = (status: number, body: unknown) => {
    const text = JSON.stringify(body);
    ex.res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) });
    ex.res.end(text);
  };
  // Like the web door: a page on another site (or a rebound DNS name) must not switch failures on.
  // The port is the one this connection arrived on, so no setting can disagree with it.
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const refused = foreignRequestReason({ host: first(ex.req.headers.host), origin: first(ex.req.headers.origin) }, ex.req.socket.localPort ?? 0);
  if (refused) return reply(403, { error: { message: refused, type: "invalid_request_error", param: null, code: "forbidden" } });
  try {
    if (ex.req.method === "GET") return reply(200, settings.behaviour.state());
    if (ex.req.method === "DELETE") return reply(200, settings.behaviour.set(NORMAL_BEHAVIOUR));
    if (ex.req.method === "POST") {
      // JSON only: text/plain (or a form) is what a cross-site page can send without a preflight.
      const type = (ex.req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      if (type !== "application/json") {
        return reply(415, { error: { message: `Send the behaviour as application/json (got ${type ? JSON.stringify(type.slice(0, 60)) : "no content type"}).`, type: "invalid_request_error", param: null, code: "unsupported_media_type" } });
      }
      return reply(200, settings.behaviour.set(await readJson(ex)));
    }
    return reply(405, { error: { message: `Use GET, POST or DELETE on ${BEHAVIOUR_PATH}.`, type: "invalid_request_error", param: null, code: "method_not_allowed" } });
  } catch (err) {
    const message = err instanceof ZodError ? `Invalid behaviour: ${describeZodError(err)}` : err instanceof Error ? err.message : String(err);
    return reply(400, { error: { message, type: "invalid_request_error", param: null, code: "invalid_behaviour" } });
  }
}

/** Asks the simulator to wait this many ms before answering one request (benchmarks, lessons). */
export const LATENCY_HEADER = "x-dojo-latency-ms";

/** Largest request body accepted (the real service also refuses very large bodies). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

type Route =
  | "models"
  | "model"
  | "chat"
  | "embeddings"
  | "moderations"
  | "files"
  | "fileList"
  | "file"
  | "fileDelete"
  | "fileContent"
  | "batches"
  | "batchList"
  | "batch"
  | "batchCancel"
  | "responses"
  | "responseInputTokens"
  | "response"
  | "responseDelete"
  | "responseCancel"
  | "responseInputItems";

type Method = "GET" | "POST" | "DELETE";

/** A path that takes several methods, one route each (the list and the create share a path). */
function byMethod(method: string | undefined, routes: Partial<Record<Method, Route>>, id?: string): { route: Route; method: Method; allow: string; id?: string } {
  const allowed = Object.keys(routes) as Method[];
  const chosen = allowed.includes(method as Method) ? (method as Method) : (allowed[0] as Method);
  return { route: routes[chosen] as Route, method: chosen, allow: allowed.join(", "), ...(id === undefined ? {} : { id }) };
}

/** The Responses API's routes (one response takes GET or DELETE). */
function matchResponsesRoute(path: string, method: string | undefined): { route: Route; method: Method; allow?: string; id?: string } | null {
  if (path === "/v1/responses") return { route: "responses", method: "POST" };
  if (path === "/v1/responses/input_tokens") return { route: "responseInputTokens", method: "POST" };
  const one = /^\/v1\/responses\/([^/]+)(\/cancel|\/input_items)?$/.exec(path);
  if (!one?.[1]) return null;
  const id = decodeURIComponent(one[1]);
  if (one[2] === "/cancel") return { route: "responseCancel", method: "POST", id };
  if (one[2] === "/input_items") return { route: "responseInputItems", method: "GET", id };
  return byMethod(method, { GET: "response", DELETE: "responseDelete" }, id);
}

/** The route and the method it takes, or null for an unknown path. */
function matchRoute(path: string, method?: string): { route: Route; method: Method; allow?: string; id?: string } | null {
  if (path.startsWith("/v1/responses")) return matchResponsesRoute(path, method);
  if (path === "/v1/models") return { route: "models", method: "GET" };
  if (path.startsWith("/v1/models/") && path.length > "/v1/models/".length) {
    return { route: "model", method: "GET", id: decodeURIComponent(path.slice("/v1/models/".length)) };
  }
  if (path === "/v1/chat/completions") return { route: "chat", method: "POST" };
  if (path === "/v1/embeddings") return { route: "embeddings", method: "POST" };
  if (path === "/v1/moderations") return { route: "moderations", method: "POST" };
  if (path === "/v1/files") return byMethod(method, { GET: "fileList", POST: "files" });
  if (path === "/v1/batches") return byMethod(method, { GET: "batchList", POST: "batches" });
  const file = /^\/v1\/files\/([^/]+)(\/content)?$/.exec(path);
  if (file?.[1] && file[2]) return { route: "fileContent", method: "GET", id: decodeURIComponent(file[1]) };
  if (file?.[1]) return byMethod(method, { GET: "file", DELETE: "fileDelete" }, decodeURIComponent(file[1]));
  const batch = /^\/v1\/batches\/([^/]+)(\/cancel)?$/.exec(path);
  if (batch?.[1]) return batch[2] ? { route: "batchCancel", method: "POST", id: decodeURIComponent(batch[1]) } : { route: "batch", method: "GET", id: decodeURIComponent(batch[1]) };
  return null;
}

function bearerKey(header: string | undefined): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
  return match?.[1]?.trim() || null;
}

/** Reads and parses the JSON body; 400 in the real service's words when it is not JSON. */
async function readJson(ex: Exchange): Promise<unknown> {
  const raw = await readBody(ex);
  try {
    // Depth-limited: planning an answer walks the body recursively; an over-deep one is refused as unparsable.
    return parseJsonWithin(raw.toString("utf8"));
  } catch {
    throw new ApiError(
      400,
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
    );
  }
}

/** Reads the raw body, refusing one over the size limit. */
async function readBody(ex: Exchange): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of ex.req) {
    size += (part as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, "The request body is too large for the simulator (16 MB at most).");
    parts.push(part as Buffer);
  }
  return Buffer.concat(parts);
}

/** The pause a request asked for (LATENCY_HEADER), else the simulator's fixed latency. */
function latencyFor(ex: Exchange, settings: HandlerSettings): number {
  const asked = Number(ex.req.headers[LATENCY_HEADER]);
  return Number.isFinite(asked) && asked >= 0 ? Math.min(asked, 60_000) : settings.fixedLatencyMs;
}

/** The request's query parameters (list endpoints read after, limit, order, purpose). */
function queryOf(ex: Exchange): URLSearchParams {
  return new URL(ex.req.url ?? "/", "http://127.0.0.1").searchParams;
}

/**
 * A chat request's parameters and its planned answer. The model's catalog rules and strict-mode
 * schema rules are enforced here, the door's part; a repeated prompt prefix is reported as cached.
 */
function planned(body: unknown, cache: PromptCache, seeds: SeedSource): { params: ChatParams; plan: ChatPlan } {
  const parsed = parseChatParams(body);
  const raw = body as Record<string, unknown>;
  const entry = requireModel(parsed.model, "chat", "chat.completions").entry;
  enforceModelRules(entry, "chat.completions", raw);
  enforceChatStrictSchemas(raw);
  // A reasoning model spends simulated reasoning tokens out of max_completion_tokens first, so a
  // small budget can leave an empty answer cut by "length", as on the real service.
  const reasoning = entry.kind === "reasoning" ? (SIMULATED_REASONING_TOKENS[readEffort(raw)] ?? 0) : 0;
  const params = reasoning && parsed.maxTokens !== null ? { ...parsed, maxTokens: Math.max(0, parsed.maxTokens - reasoning) } : parsed;
  const plan = planChat(params, seeds);
  const spent = parsed.maxTokens === null ? reasoning : Math.min(reasoning, parsed.maxTokens);
  plan.usage.completion_tokens += spent;
  plan.usage.total_tokens += spent;
  plan.usage.completion_tokens_details.reasoning_tokens = spent;
  const cached = cache.cachedTokens(params.model, promptPrefixText(raw));
  plan.usage.prompt_tokens_details.cached_tokens = Math.min(cached, plan.usage.prompt_tokens);
  return { params: parsed, plan };
}

/** Chat Completions' reasoning_effort, checked against the spec's values. */
function readEffort(raw: Record<string, unknown>): string {
  const effort = raw.reasoning_effort ?? DEFAULT_EFFORT;
  if (typeof effort !== "string" || !REASONING_EFFORTS.includes(effort)) {
    throw new ApiError(400, `Invalid value: '${String(effort)}'. Supported values are: ${REASONING_EFFORTS.map((e) => `'${e}'`).join(", ")}.`, {
      param: "reasoning_effort",
      code: "invalid_value",
    });
  }
  return effort;
}

/** The Responses door's view of the running simulator. */
function responsesDeps(ex: Exchange, settings: HandlerSettings): ResponsesDeps {
  return {
    responses: settings.responses,
    cache: settings.promptCache,
    seeds: settings.seeds,
    tokenDelayMs: settings.tokenDelayMs,
    admit: (tokens, model) => admit(ex, settings, tokens, model),
  };
}

async function answer(
  ex: Exchange,
  route: Route,
  id: string | undefined,
  delivery: DeliveryFailure | null,
  settings: HandlerSettings,
  streamFailure: ApiError | null = null,
): Promise<void> {
  if (route === "files") {
    const file = await settings.batches.upload(String(ex.req.headers["content-type"] ?? ""), await readBody(ex));
    return sendJson(ex, 200, file);
  }
  const body = ex.req.method === "POST" && route !== "batchCancel" && route !== "responseCancel" ? await readJson(ex) : undefined;
  // A chat answer is composed before the wait, so its cost is part of the latency, not added to it.
  const chat = route === "chat" ? planned(body, settings.promptCache, settings.seeds) : null;
  // The latency runs from the request's arrival: the answer leaves `latency` ms after it came in,
  // as from a server with a steady processing time, however long reading and planning took.
  const latency = latencyFor(ex, settings) - (performance.now() - ex.startedAt);
  if (latency > 0 && !(await pause(latency, ex.signal))) return;
  if (delivery === "slow_first_byte" && !(await pause(settings.behaviour.firstByteDelayMs() ?? settings.slowFirstByteMs, ex.signal))) return;
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
      // The catalog's rules (ada-002 takes no `dimensions`) once the body is known to be valid.
      enforceModelRules(requireModel(String((body as { model?: unknown }).model), "embedding").entry, "embeddings", body as Record<string, unknown>);
      admit(ex, settings, (result.usage as { total_tokens: number }).total_tokens, String((body as { model?: unknown }).model ?? "sim-embedding-1"));
      return deliverJson(ex, result, failure, (result.usage as { total_tokens: number }).total_tokens);
    }
    case "moderations":
      admit(ex, settings, 0, "sim-moderation-1");
      return deliverJson(ex, moderationsResponse(body), failure);
    case "file":
      return sendJson(ex, 200, settings.batches.retrieveFile(id ?? ""));
    case "fileList":
      return sendJson(ex, 200, settings.batches.listFiles(queryOf(ex)));
    case "fileDelete":
      return sendJson(ex, 200, settings.batches.deleteFile(id ?? ""));
    case "batchList":
      return sendJson(ex, 200, settings.batches.list(queryOf(ex)));
    case "fileContent": {
      const content = settings.batches.fileContent(id ?? "");
      ex.res.writeHead(200, { "x-request-id": ex.requestId, "content-type": "application/octet-stream", "content-length": String(content.length) });
      ex.res.end(content);
      return;
    }
    case "batches":
      return sendJson(ex, 200, settings.batches.create(body));
    case "batch":
      return sendJson(ex, 200, settings.batches.retrieve(id ?? ""));
    case "batchCancel":
      return sendJson(ex, 200, settings.batches.cancel(id ?? ""));
    case "responses":
      return createResponse(ex, body, responsesDeps(ex, settings), failure, streamFailure);
    case "responseInputTokens":
      return deliverJson(ex, countInputTokens(body, responsesDeps(ex, settings)), failure);
    case "response":
      return deliverJson(ex, settings.responses.retrieve(id ?? ""), failure);
    case "responseDelete":
      return sendJson(ex, 200, settings.responses.delete(id ?? ""));
    case "responseCancel":
      return sendJson(ex, 200, settings.responses.cancel(id ?? ""));
    case "responseInputItems":
      return sendJson(ex, 200, settings.responses.inputItems(id ?? "", queryOf(ex)));
    case "chat": {
      const { params, plan } = chat ?? planned(body, settings.promptCache, settings.seeds);
      // Like the real service, the limit counts the longest answer the request allows, not the one it gets.
      admit(ex, settings, plan.usage.prompt_tokens + Math.max((params.maxTokens ?? 0) * params.n, plan.usage.completion_tokens), params.model);
      // The body's schema is strict, so what the simulator did is said in a header the app shows.
      const note = { [NOTE_HEADER]: plan.note };
      if (params.stream) return deliverStream(ex, streamChunks(plan, params.includeUsage), failure, settings.tokenDelayMs, plan.usage.total_tokens, "chat", note);
      return deliverJson(ex, completionBody(plan), failure, plan.usage.total_tokens, note);
    }
  }
}

/** Handles one request. Never throws: every failure becomes an error response (or a closed socket). */
export async function handleRequest(ex: Exchange, settings: HandlerSettings): Promise<void> {
  try {
    const path = new URL(ex.req.url ?? "/", "http://127.0.0.1").pathname.replace(/\/+$/, "");
    if (path === BEHAVIOUR_PATH) return await handleControl(ex, settings);
    const match = matchRoute(path, ex.req.method);
    if (!match) throw new ApiError(404, `Invalid URL (${ex.req.method} ${path})`, { code: "unknown_url" });
    if (ex.req.method !== match.method) {
      throw new ApiError(405, `Not allowed to ${ex.req.method} on ${path}. (HINT: Perhaps you meant to use a different HTTP method?)`, {
        code: "method_not_allowed",
        headers: { allow: match.allow ?? match.method },
      });
    }
    const key = bearerKey(ex.req.headers.authorization);
    if (settings.requireKey !== null) {
      if (!key) throw missingKey();
      if (key !== settings.requireKey) throw incorrectKey(key);
    }
    // A per-request header wins; otherwise the behaviour set for the next requests applies.
    const asked = readFailure(ex.req.headers[SIMULATE_HEADER]);
    const failure = asked !== "none" || !MODEL_ROUTES.has(match.route) ? asked : settings.behaviour.take();
    const model = match.route === "model" ? (match.id ?? "") : "sim-chat-1";
    const error = failureError(failure, model, key ?? "");
    // A Responses stream reports a server error as response.failed once it has started (see createResponse).
    if (error && match.route === "responses" && failure === "server_error") {
      return await answer(ex, match.route, match.id, null, settings, error);
    }
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
