// Main process: builds the official openai SDK client for a connection, counting attempts.
import OpenAI from "openai";
import { DEFAULT_RETRY_POLICY } from "../../shared/retryPolicy";
import { DojoError } from "../errors";
import type { Connection } from "./profiles";

export type { Connection } from "./profiles";

/** A client plus how many HTTP attempts it has made (1 + retries). */
export interface CountingClient {
  client: OpenAI;
  attempts(): number;
}

/** Sent to a compatible server with no key set: local servers (Ollama, LM Studio) need none. */
export const NO_KEY_PLACEHOLDER = "no-key-set";

/**
 * The key to send, or a precise error saying how to provide one. (The profile service gives the
 * simulator profile its placeholder key.) A compatible server without a key gets a placeholder,
 * since the SDK needs a value; if that server does want a key, its 401 says so.
 */
export function apiKeyFor(connection: Connection): string {
  if (connection.apiKey) return connection.apiKey;
  if (connection.provider.kind === "compatible") return NO_KEY_PLACEHOLDER;
  throw new DojoError(
    "invalid_key",
    `No API key is set for profile ${connection.provider.profileName}: add one in Settings or set OPENAI_API_KEY.`,
  );
}

/**
 * The connection's key as a secret to redact. The simulator's placeholder is no secret, and
 * scrubbing it would mangle the word "simulator" in its messages.
 */
export function connectionSecrets(connection: Connection): string[] {
  return connection.apiKey && connection.provider.kind !== "simulator" ? [connection.apiKey] : [];
}

/**
 * The SDK retries every 429, but one that says `insufficient_quota` is about billing: waiting
 * cannot fix it, so it is marked with the `x-should-retry: false` header the SDK obeys.
 */
export async function withQuotaNotRetried(response: Response): Promise<Response> {
  if (response.status !== 429 || response.headers.get("x-should-retry")) return response;
  const body = await response.text();
  const headers = new Headers(response.headers);
  if (body.includes('"insufficient_quota"')) headers.set("x-should-retry", "false");
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Creates the SDK client for one run or call. Every HTTP attempt goes through the wrapped
 * `fetch`, so the count includes the SDK's own retries.
 */
export function createCountingClient(
  connection: Connection,
  policy: { requestTimeoutMs?: number; maxRetries?: number } = {},
): CountingClient {
  const apiKey = apiKeyFor(connection);
  let attempts = 0;
  const countingFetch: typeof fetch = async (input, init) => {
    attempts += 1;
    return withQuotaNotRetried(await fetch(input, init));
  };
  const client = new OpenAI({
    apiKey,
    // An empty base URL means OpenAI's own; the SDK would otherwise read OPENAI_BASE_URL.
    baseURL: connection.baseURL || "https://api.openai.com/v1",
    timeout: policy.requestTimeoutMs ?? DEFAULT_RETRY_POLICY.requestTimeoutMs,
    maxRetries: policy.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    fetch: countingFetch,
    // The SDK logs unparsable stream data and retries to the console; errors reach the user
    // through the mapped AppError instead, redacted.
    logLevel: "off",
  });
  return { client, attempts: () => attempts };
}
