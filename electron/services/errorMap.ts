// Main process: turns whatever the openai SDK throws into a precise, redacted AppError.
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "openai";
import { appError, type AppError } from "../../shared/errors";
import { redactSecrets } from "../../shared/redact";
import { requestTooLarge } from "../../shared/retryPlan";
import { DojoError } from "../errors";

/** What the caller knows about the failed call, to make the message precise. */
export interface ErrorContext {
  /** Secrets to scrub from the message (the key in use among them). */
  secrets: readonly string[];
  /** Whether the error came while reading a started stream or while making the request. */
  phase: "request" | "stream";
  /** The profile's name, to say where to fix a key. */
  profileName?: string;
  /** HTTP attempts made (1 = no retry). */
  attempts?: number;
  /** The per-attempt timeout in force, to say how long was waited. */
  requestTimeoutMs?: number;
  /** The x-request-id of the response, when the stream had started. */
  requestId?: string | null;
}

/**
 * Wraps an error thrown while reading the stream, so that it is told apart from an error in the
 * service's own code (which is a bug, not a network problem).
 */
export class StreamReadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "StreamReadError";
  }
}

/** The server's own message as a sentence: the body's `error.message`, without the SDK's "429 " prefix. */
function serverMessage(err: APIError): string {
  const body = err.error as { message?: unknown } | undefined;
  const text = (typeof body?.message === "string" ? body.message : err.message).trim();
  return /[.!?]["')]?$/.test(text) ? text : `${text}.`;
}

/** Seconds to wait from `retry-after-ms` or `retry-after` (seconds or an HTTP date), else null. */
export function retryAfterSeconds(headers: Headers | undefined, now = Date.now()): number | null {
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms) / 1000;
  const raw = headers?.get("retry-after");
  if (!raw) return null;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

function tries(attempts: number | undefined): string {
  return attempts && attempts > 1 ? ` after ${attempts} attempts` : "";
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Maps an SDK error with an HTTP status to the user's terms. */
function fromStatusError(err: APIError, ctx: ErrorContext): AppError {
  const status = err.status ?? null;
  const extra = {
    status,
    code: err.code ?? null,
    param: err.param ?? null,
    requestId: err.requestID ?? ctx.requestId ?? null,
  };
  const said = serverMessage(err);
  const where = ctx.profileName ? ` for profile ${ctx.profileName}` : "";
  if (err instanceof AuthenticationError) {
    return appError("invalid_key", `The server refused the API key (401): ${said} Check the key${where} in Settings.`, extra);
  }
  if (err instanceof PermissionDeniedError) {
    return appError(
      "permission",
      `This key may not do that (403): ${said} Check the project's model access and the key's permissions in your OpenAI dashboard.`,
      extra,
    );
  }
  if (err instanceof NotFoundError) {
    const hint = err.code === "model_not_found" ? "Pick a model the server lists." : "Check the model name and the profile's base URL.";
    return appError("not_found", `Not found (404): ${said} ${hint}`, extra);
  }
  if (err instanceof BadRequestError || err instanceof UnprocessableEntityError) {
    const blamed = err.param ? ` Fix the "${err.param}" parameter and run again.` : " Fix the request and run again.";
    return appError("bad_request", `The server refused the request (${status}): ${said}${blamed}`, extra);
  }
  const wait = retryAfterSeconds(err.headers);
  if (err instanceof RateLimitError) {
    if (err.code === "insufficient_quota") {
      return appError(
        "quota",
        `Out of quota (429): ${said} Check the plan and billing details of your OpenAI account; retrying will not help.`,
        extra,
      );
    }
    if (requestTooLarge({ status: 429, message: said })) {
      return appError(
        "rate_limited",
        `Request too large for the rate limit (429)${tries(ctx.attempts)}: ${said} Retrying cannot help: shorten the input or lower max_completion_tokens, or ask for a higher limit.`,
        { ...extra, retryAfterSeconds: null },
      );
    }
    const advice = wait !== null ? `Wait ${wait} s and try again` : "Wait a little and try again (the server did not say how long)";
    return appError("rate_limited", `Rate limited (429)${tries(ctx.attempts)}: ${said} ${advice}, or send requests less often.`, {
      ...extra,
      retryAfterSeconds: wait,
    });
  }
  if (status === null) {
    // An error object sent inside the stream's data, after a 200: the server failed mid-answer.
    return appError("server", `The server reported an error mid-stream: ${said} Try again.`, extra);
  }
  if (status === 408) {
    return appError("timeout", `The server timed out the request (408)${tries(ctx.attempts)}: ${said} Try again.`, extra);
  }
  if (err instanceof InternalServerError || status >= 500) {
    const advice = wait !== null ? `Wait ${wait} s and try again` : "Try again in a moment";
    return appError("server", `The server failed (${status})${tries(ctx.attempts)}: ${said} ${advice}; if it persists, check the provider's status page.`, {
      ...extra,
      retryAfterSeconds: wait,
    });
  }
  return appError("bad_request", `The server refused the request (${status}): ${said}`, extra);
}

/** Maps a failure while reading a started stream. */
function fromStreamError(cause: unknown, ctx: ErrorContext): AppError {
  if (cause instanceof APIError) return fromStatusError(cause, ctx);
  const requestId = ctx.requestId ?? null;
  if (cause instanceof SyntaxError) {
    return appError("network", `The connection failed: the server sent a malformed stream chunk (${cause.message}). Try again.`, {
      requestId,
    });
  }
  const detail = cause instanceof Error ? describeCause(cause) : String(cause);
  return appError("network", `The connection dropped mid-stream (${detail}). The text so far is kept; try again.`, { requestId });
}

/** "terminated: other side closed": undici hides the useful part in `cause`. */
function describeCause(err: Error): string {
  const inner = err.cause instanceof Error ? err.cause.message : "";
  return inner && inner !== err.message ? `${err.message}: ${inner}` : err.message;
}

/** Turns any error from an API call into an AppError whose message is redacted of `ctx.secrets`. */
export function mapApiError(err: unknown, ctx: ErrorContext): AppError {
  const mapped = mapUnredacted(err, ctx);
  return { ...mapped, message: redactSecrets(mapped.message, ctx.secrets) };
}

function mapUnredacted(err: unknown, ctx: ErrorContext): AppError {
  if (err instanceof DojoError) return err.error;
  if (err instanceof StreamReadError) return fromStreamError(err.cause, ctx);
  if (err instanceof APIUserAbortError) return appError("cancelled", "The request was stopped.");
  if (err instanceof APIConnectionTimeoutError) {
    const waited = ctx.requestTimeoutMs ? ` within ${seconds(ctx.requestTimeoutMs)}` : "";
    return appError(
      "timeout",
      `The server did not answer${waited}${tries(ctx.attempts)}. Check that it is up and not overloaded, then try again.`,
    );
  }
  if (err instanceof APIConnectionError) {
    const detail = err.cause instanceof Error ? describeCause(err.cause) : err.message;
    return appError(
      "network",
      `The connection to the server failed${tries(ctx.attempts)} (${detail}). Check your network and the profile's base URL, then try again.`,
    );
  }
  if (err instanceof APIError) return fromStatusError(err, ctx);
  if (err instanceof SyntaxError && ctx.phase === "request") {
    return appError("network", `The server sent a response that is not valid JSON (${err.message}). Check the profile's base URL.`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return appError("internal", `Unexpected error: ${message}`);
}
