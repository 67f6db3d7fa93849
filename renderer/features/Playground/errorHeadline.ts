// Renderer: the headline and advice shown above a run's error, one per kind of AppError.
import type { AppError } from "../../../shared/errors";

/** What the error panel leads with, and where it can send the user. */
export interface ErrorHeadline {
  title: string;
  advice: string;
  /** Offer a link to Settings (key or profile problems). */
  linkToSettings: boolean;
}

/** The headline for an error, precise about the parameter or wait time when the error names one. */
export function errorHeadline(error: AppError): ErrorHeadline {
  switch (error.kind) {
    case "invalid_key":
      return { title: "Invalid or missing API key", advice: "Set or replace the key of this profile in Settings.", linkToSettings: true };
    case "permission":
      return { title: "This key may not do that", advice: "The key lacks access to this model or endpoint; check its project and permissions.", linkToSettings: true };
    case "rate_limited":
      // The real API words a request bigger than the whole tokens-per-minute limit this way; no wait helps.
      if (/Request too large/i.test(error.message)) {
        return {
          title: "Request too large for the rate limit",
          advice: "This one request needs more tokens than the whole per-minute limit, so retrying cannot help: shorten the input or lower max_completion_tokens.",
          linkToSettings: false,
        };
      }
      return {
        title: "Rate limited",
        advice:
          error.retryAfterSeconds !== null
            ? `The server asks to wait ${formatSeconds(error.retryAfterSeconds)} before retrying.`
            : "The server gave no retry-after; wait a little and retry, backing off each time.",
        linkToSettings: false,
      };
    case "quota":
      // A cap set in this app is not the provider's quota: say whose limit it is and where it lives.
      if (error.code === "budget_exceeded") {
        return { title: "Over your budget in Prompt Dojo", advice: "Nothing was sent. Raise or remove the cap under Usage > Budgets, or wait for the day or month to roll over.", linkToSettings: false };
      }
      return { title: "Out of quota", advice: "The account has no credit or hit its spending limit; retrying will not help. Check billing.", linkToSettings: false };
    case "timeout":
      return { title: "Timed out", advice: "No answer arrived in time. The server may be slow or stalled; try again or shorten the request.", linkToSettings: false };
    case "network":
      return { title: "Network problem", advice: "The connection failed or dropped mid-answer. Check that the server is reachable.", linkToSettings: true };
    case "bad_request":
      return {
        title: error.param ? `Bad request: the server refused "${error.param}"` : "Bad request",
        advice: error.param ? `Change the ${error.param} parameter and run again.` : "The server refused a parameter of the request.",
        linkToSettings: false,
      };
    case "server":
      return { title: "Server error", advice: "The provider failed on its side. It is usually temporary: retry later.", linkToSettings: false };
    case "not_found":
      return {
        title: error.code === "model_not_found" || error.param === "model" ? "Model not found" : "Not found",
        advice: "Pick a model this profile's server lists, or check the profile's base URL.",
        linkToSettings: true,
      };
    case "invalid_input":
      return { title: "The request is not valid yet", advice: "Fix the fields named below; nothing was sent.", linkToSettings: false };
    case "keychain_unavailable":
      return { title: "No keychain available", advice: "Set OPENAI_API_KEY in the environment before starting the app.", linkToSettings: true };
    case "cancelled":
      return { title: "Stopped", advice: "The run was stopped.", linkToSettings: false };
    case "internal":
      return { title: "Something went wrong in the app", advice: "This is a bug; the message below says what failed.", linkToSettings: false };
  }
}

/** "1 second", "20 seconds", "1.5 seconds". */
export function formatSeconds(seconds: number): string {
  const value = Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
  return `${value} second${seconds === 1 ? "" : "s"}`;
}
