// Main process (simulator): POST /v1/moderations, request checks and response body.
import { randomUUID } from "node:crypto";
import { ApiError, invalidParam } from "./apiError";
import { requireModel } from "./models";
import { FLAG_THRESHOLD, IMAGE_CATEGORIES, MODERATION_CATEGORIES, moderationScores } from "./moderationRules";

interface ModerationInput {
  text: string;
  hasImage: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The inputs to classify: one string, several strings, or one multi-modal list of parts. */
function moderationInputs(input: unknown): ModerationInput[] {
  if (typeof input === "string") return [{ text: input, hasImage: false }];
  if (Array.isArray(input) && input.length && input.every((i) => typeof i === "string")) {
    return (input as string[]).map((text) => ({ text, hasImage: false }));
  }
  if (Array.isArray(input) && input.length && input.every((i) => isObject(i) && (i.type === "text" || i.type === "image_url"))) {
    const parts = input as Record<string, unknown>[];
    return [
      {
        text: parts.map((p) => (p.type === "text" && typeof p.text === "string" ? p.text : "")).join("\n"),
        hasImage: parts.some((p) => p.type === "image_url"),
      },
    ];
  }
  if (input === undefined) throw invalidParam("input", "Missing required parameter: 'input'.", "missing_required_parameter");
  throw invalidParam("input", "Invalid 'input': expected a string, an array of strings, or an array of text and image_url parts.");
}

/** Builds the CreateModerationResponse for a parsed request body. Throws ApiError. */
export function moderationsResponse(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw new ApiError(400, "The request body must be a JSON object.");
  const model = requireModel(typeof body.model === "string" ? body.model : "sim-moderation-1", "moderation");
  return {
    id: `modr-${randomUUID().replace(/-/g, "")}`,
    model: model.id,
    results: moderationInputs(body.input).map(({ text, hasImage }) => {
      const scores = moderationScores(text);
      const categories = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, scores[c] >= FLAG_THRESHOLD]));
      return {
        flagged: Object.values(categories).some(Boolean),
        categories,
        category_scores: scores,
        category_applied_input_types: Object.fromEntries(
          MODERATION_CATEGORIES.map((c) => [c, hasImage && IMAGE_CATEGORIES.has(c) ? ["text", "image"] : ["text"]]),
        ),
      };
    }),
  };
}
