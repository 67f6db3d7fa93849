// Main process (simulator): POST /v1/embeddings, request checks and response body.
import { decode } from "gpt-tokenizer/encoding/o200k_base";
import { ApiError, invalidParam } from "./apiError";
import { embedText, toBase64 } from "./embeddingVector";
import { EMBEDDING_DIMENSIONS, requireModel } from "./models";
import { countTokens } from "./tokens";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isTokenArray = (v: unknown): v is number[] => Array.isArray(v) && v.length > 0 && v.every((t) => Number.isInteger(t) && t >= 0);

/** The texts to embed: a string, an array of strings, or token arrays (decoded with o200k_base). */
function inputTexts(input: unknown): string[] {
  if (input === undefined) throw invalidParam("input", "Missing required parameter: 'input'.", "missing_required_parameter");
  let texts: string[];
  if (typeof input === "string") texts = [input];
  else if (isTokenArray(input)) texts = [decode(input)];
  else if (Array.isArray(input) && input.length > 0 && input.every((i) => typeof i === "string")) texts = input as string[];
  else if (Array.isArray(input) && input.length > 0 && input.every(isTokenArray)) texts = (input as number[][]).map((t) => decode(t));
  else throw invalidParam("input", "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.");
  if (texts.length > 2048) throw invalidParam("input", "'$.input' is invalid: at most 2048 inputs per request.");
  if (texts.some((t) => t.length === 0)) throw invalidParam("input", "'$.input' is invalid: inputs must not be empty strings.");
  return texts;
}

/** Builds the CreateEmbeddingResponse for a parsed request body. Throws ApiError. */
export function embeddingsResponse(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw new ApiError(400, "The request body must be a JSON object.");
  if (typeof body.model !== "string" || !body.model) throw invalidParam("model", "you must provide a model parameter", "missing_required_parameter");
  const model = requireModel(body.model, "embedding");
  const texts = inputTexts(body.input);
  const dimensions = body.dimensions ?? EMBEDDING_DIMENSIONS;
  if (typeof dimensions !== "number" || !Number.isInteger(dimensions) || dimensions < 1 || dimensions > EMBEDDING_DIMENSIONS) {
    throw invalidParam("dimensions", `Invalid 'dimensions': expected an integer from 1 to ${EMBEDDING_DIMENSIONS}.`);
  }
  const format = body.encoding_format ?? "float";
  if (format !== "float" && format !== "base64") {
    throw invalidParam("encoding_format", `Invalid value: '${String(format)}'. Supported values are: 'float' and 'base64'.`);
  }
  const tokens = texts.reduce((sum, t) => sum + countTokens(t), 0);
  return {
    object: "list",
    model: model.id,
    data: texts.map((text, index) => {
      const vector = embedText(text, dimensions);
      return { object: "embedding", index, embedding: format === "base64" ? toBase64(vector) : Array.from(vector) };
    }),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}
