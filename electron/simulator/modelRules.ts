// Main process (simulator): refuses what the model catalog says a model refuses (reasoning models'
// sampling parameters, max_tokens...) and strict schemas that break Structured Outputs' rules, with
// the real service's 400 bodies.
import { ApiError } from "./apiError";
import { rulesFor, type CatalogApi, type CatalogModel } from "../../shared/models/catalog";
import { checkSchemaText } from "../../shared/strictSchema";

type Body = Record<string, unknown>;

function isObject(value: unknown): value is Body {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at a dotted path ("reasoning.effort"), or undefined. */
function valueAt(body: Body, path: string): unknown {
  let at: unknown = body;
  for (const key of path.split(".")) {
    if (!isObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

/**
 * Throws the real service's 400 for the first parameter the model refuses in this API:
 * "Unsupported value" (code unsupported_value) for a parameter allowed only at its default, else
 * "Unsupported parameter" (code unsupported_parameter), `param` naming it either way.
 */
export function enforceModelRules(model: CatalogModel, api: CatalogApi, body: Body): void {
  for (const rule of rulesFor(model, api)) {
    const value = valueAt(body, rule.param);
    if (value === undefined || value === null) continue;
    if (rule.onlyDefault !== undefined) {
      if (value === rule.onlyDefault) continue;
      throw new ApiError(
        400,
        `Unsupported value: '${rule.param}' does not support ${JSON.stringify(value)} with this model. Only the default (${String(rule.onlyDefault)}) value is supported.`,
        { param: rule.param, code: "unsupported_value" },
      );
    }
    const instead = rule.useInstead ? ` Use '${rule.useInstead}' instead.` : "";
    throw new ApiError(400, `Unsupported parameter: '${rule.param}' is not supported with this model.${instead}`, {
      param: rule.param,
      code: "unsupported_parameter",
    });
  }
}

/**
 * Refuses a strict schema that breaks the Structured Outputs rules (shared/strictSchema.ts), as
 * the real service does: "Invalid schema for response_format 'name': ...", code invalid_json_schema.
 * `what` is how the message names the schema's owner ("response_format 'name'", "function 'f'").
 */
export function enforceStrictSchema(schema: unknown, what: string, param: string): void {
  let text: string;
  try {
    text = JSON.stringify(schema ?? {});
  } catch {
    throw new ApiError(400, `Invalid schema for ${what}: it is not JSON.`, { param, code: "invalid_json_schema" });
  }
  const problem = checkSchemaText(text).find((p) => p.severity === "error");
  if (!problem) return;
  const context = problem.path ? ` In context=(${problem.path.split("/").filter(Boolean).map((s) => `'${s}'`).join(", ")}),` : " In context=(),";
  throw new ApiError(400, `Invalid schema for ${what}:${context} ${problem.message}`, { param, code: "invalid_json_schema" });
}

/** Chat Completions' strict schemas: a strict response_format and strict function tools. */
export function enforceChatStrictSchemas(body: Body): void {
  const format = body.response_format;
  if (isObject(format) && format.type === "json_schema" && isObject(format.json_schema) && format.json_schema.strict === true) {
    enforceStrictSchema(format.json_schema.schema, `response_format '${String(format.json_schema.name)}'`, "response_format");
  }
  if (Array.isArray(body.tools)) {
    body.tools.forEach((tool, i) => {
      const fn = isObject(tool) && isObject(tool.function) ? tool.function : null;
      if (fn?.strict === true) enforceStrictSchema(fn.parameters, `function '${String(fn.name)}'`, `tools[${i}].function.parameters`);
    });
  }
}
