// Main process (simulator): the failures a request can ask for with the `x-dojo-simulate` header.
import { SimulatorFailure } from "../../shared/contract";
import { ApiError, incorrectKey } from "./apiError";

/** The request header that asks for a failure. */
export const SIMULATE_HEADER = "x-dojo-simulate";

/** Failures that change how the answer is delivered rather than replacing it with an error. */
export type DeliveryFailure = "slow_first_byte" | "stall" | "drop" | "malformed_chunk";

/** Reads the header; an unknown value is a 400, so a typo is not mistaken for a healthy run. */
export function readFailure(header: string | string[] | undefined): SimulatorFailure {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return "none";
  const parsed = SimulatorFailure.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ApiError(400, `Unknown ${SIMULATE_HEADER} value '${value.slice(0, 40)}'. Use one of: ${SimulatorFailure.options.join(", ")}.`, {
    code: "invalid_simulation",
  });
}

/** True for failures handled while delivering the answer (see DeliveryFailure). */
export function isDeliveryFailure(failure: SimulatorFailure): failure is DeliveryFailure {
  return failure === "slow_first_byte" || failure === "stall" || failure === "drop" || failure === "malformed_chunk";
}

/**
 * The error response a failure stands for, worded like the real service's, or null for delivery
 * failures and "none". `key` is the bearer key sent (echoed masked by invalid_key, like the real 401).
 */
export function failureError(failure: SimulatorFailure, model: string, key: string): ApiError | null {
  const retry = { "retry-after": "1" };
  switch (failure) {
    case "rate_limit":
    case "rate_limit_no_retry_after":
      return new ApiError(
        429,
        `Rate limit reached for ${model} in organization org-simulator on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 1s. (Simulated by Prompt Dojo.)`,
        { type: "requests", code: "rate_limit_exceeded", headers: failure === "rate_limit" ? retry : {} },
      );
    case "insufficient_quota":
      return new ApiError(
        429,
        "You exceeded your current quota, please check your plan and billing details. (Simulated by Prompt Dojo.)",
        { type: "insufficient_quota", code: "insufficient_quota" },
      );
    case "server_error":
      return new ApiError(500, "The server had an error while processing your request. Sorry about that! (Simulated by Prompt Dojo.)", {
        type: "server_error",
      });
    case "unavailable":
      return new ApiError(503, "The server is overloaded or not ready yet. (Simulated by Prompt Dojo.)", {
        type: "server_error",
        headers: retry,
      });
    case "invalid_key":
      return incorrectKey(key || "missing-key");
    case "bad_request":
      return new ApiError(400, "Invalid 'messages': this is a simulated 400 bad request (x-dojo-simulate: bad_request).", {
        param: "messages",
        code: "invalid_value",
      });
    default:
      return null;
  }
}
