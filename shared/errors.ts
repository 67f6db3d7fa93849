// Both processes: the typed error that crosses the process boundary instead of a thrown exception.
import { z } from "zod";

/** What went wrong, in the terms a user acts on. */
export const ErrorKind = z.enum([
  "invalid_input", // the call's input failed the contract's schema; the handler never ran
  "invalid_key", // 401: missing, wrong or revoked key
  "permission", // 403: the key may not use this model or endpoint
  "not_found", // 404: unknown model or route
  "bad_request", // 400/422: a parameter the server refused (see `param`)
  "rate_limited", // 429 rate limit (see `retryAfterSeconds`)
  "quota", // 429 insufficient_quota: billing, not retried
  "server", // 5xx
  "timeout", // no answer within the deadline
  "network", // could not connect, connection dropped, malformed stream
  "keychain_unavailable", // no OS keychain answers (e.g. headless Linux without Secret Service)
  "cancelled", // stopped by the user
  "internal", // a bug: the message says what
]);
export type ErrorKind = z.infer<typeof ErrorKind>;

/** An error as the renderer sees it. Messages are redacted of secrets before they cross. */
export const AppError = z.object({
  kind: ErrorKind,
  message: z.string(),
  /** HTTP status from the server, when there was one. */
  status: z.number().int().nullable(),
  /** The request parameter the server blamed, e.g. "temperature". */
  param: z.string().nullable(),
  /** The server's error code, e.g. "insufficient_quota", "model_not_found". */
  code: z.string().nullable(),
  /** From the retry-after header of a 429/503, in seconds. */
  retryAfterSeconds: z.number().nonnegative().nullable(),
  /** The server's x-request-id, to quote to support. */
  requestId: z.string().nullable(),
});
export type AppError = z.infer<typeof AppError>;

/** Builds an AppError with the optional fields empty. */
export function appError(kind: ErrorKind, message: string, extra: Partial<AppError> = {}): AppError {
  return {
    kind,
    message,
    status: null,
    param: null,
    code: null,
    retryAfterSeconds: null,
    requestId: null,
    ...extra,
  };
}

/** Turns a zod failure into one readable sentence naming each bad field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
