// Main process: the error a call ends with under the client policy, in the user's terms: the
// last attempt's mapped error plus why the policy stopped (quota, attempts used up, deadline).
import { APIUserAbortError } from "openai";
import type { AppError } from "../../../shared/errors";
import { redactSecrets } from "../../../shared/redact";
import { mapApiError, type ErrorContext } from "../errorMap";
import { connectionSecrets, type Connection } from "../openaiClient";
import { PolicyStopError } from "./withPolicy";

/** Maps any error from `withPolicy` (or an SDK call) to a redacted AppError. */
export function mapPolicyError(err: unknown, ctx: ErrorContext): AppError {
  if (!(err instanceof PolicyStopError)) return mapApiError(err, ctx);
  const last = mapApiError(err.cause, { ...ctx, attempts: err.attempts });
  if (err.stop === "deadline") {
    // An attempt cut short by the deadline has nothing to add but "stopped".
    const tail = err.cause instanceof APIUserAbortError ? "" : ` The last attempt: ${last.message}`;
    return { ...last, kind: "timeout", message: redactSecrets(`${err.why}${tail} Raise the deadline in Settings, or try again later.`, ctx.secrets) };
  }
  return { ...last, message: redactSecrets(`${last.message} ${err.why}`, ctx.secrets) };
}

/**
 * The error of a request to `connection` that failed after `attempts` attempts, with the
 * connection's key (and any other `secrets`) scrubbed from its message.
 */
export function requestError(err: unknown, connection: Connection, attempts: number, requestTimeoutMs: number, secrets: readonly string[] = []): AppError {
  return mapPolicyError(err, { secrets: [...secrets, ...connectionSecrets(connection)], phase: "request", profileName: connection.provider.profileName, attempts, requestTimeoutMs });
}
