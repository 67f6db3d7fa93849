// Tests (Node): loads the OpenAI OpenAPI spec once, normalises it for ajv (see
// openai-openapi/README.md beside this file) and caches the result on disk so suites stay fast.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

/** Where the spec lives: the repository's own copy, or wherever OPENAI_OPENAPI_SPEC points. */
export const SPEC_PATH = process.env.OPENAI_OPENAPI_SPEC ?? fileURLToPath(new URL("./openai-openapi/openapi.yaml", import.meta.url));

/** Bump when normalise() changes, so stale caches are not reused. */
const NORMALISER_VERSION = 1;

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Rewrites OpenAPI 3.0 idioms into JSON Schema 2020-12: `nullable: true` becomes a union with
 * null, `$recursiveRef: "#"` a `$ref` to the enclosing component, and `discriminator`, `example`
 * and `x-*` keys (annotations ajv does not know) are dropped.
 */
export function normalise(value: unknown, component = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v, component));
  if (!isNode(value)) return value;
  const out: Node = {};
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith("x-") || key === "discriminator" || key === "example" || key === "nullable") continue;
    if (key === "$recursiveRef") {
      out.$ref = child === "#" && component ? `#/components/schemas/${component}` : child;
      continue;
    }
    out[key] = normalise(child, component);
  }
  if (value.nullable === true) {
    const { description, ...rest } = out;
    return { ...(description !== undefined ? { description } : {}), anyOf: [rest, { type: "null" }] };
  }
  return out;
}

/** The spec's components.schemas, normalised. Cached in the OS temp folder by the spec's hash. */
export function loadSchemas(): Record<string, unknown> {
  const text = readFileSync(SPEC_PATH, "utf8");
  const hash = createHash("sha256").update(text).update(String(NORMALISER_VERSION)).digest("hex").slice(0, 16);
  const cacheDir = join(tmpdir(), "prompt-dojo-openapi");
  const cacheFile = join(cacheDir, `schemas-${hash}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, unknown>;
  const doc = load(text) as { components: { schemas: Record<string, unknown> } };
  const schemas = Object.fromEntries(Object.entries(doc.components.schemas).map(([name, s]) => [name, normalise(s, name)]));
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a parallel test file never reads half a cache.
  const temp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(schemas));
  renameSync(temp, cacheFile);
  return schemas;
}

let ajv: Ajv2020 | null = null;
const compiled = new Map<string, ValidateFunction>();

/** An ajv (draft 2020-12) holding the normalised spec, with the spec's custom formats registered. */
function specAjv(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ["unixtime", "float", "double", "int64", "int32", "binary", "png"]) ajv.addFormat(format, true);
  ajv.addSchema({ $id: "openapi", components: { schemas: loadSchemas() } });
  return ajv;
}

/** The validator of one component schema, e.g. "CreateChatCompletionResponse". */
export function specValidator(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = specAjv().getSchema(`openapi#/components/schemas/${name}`);
    if (!validate) throw new Error(`the spec has no schema named ${name}`);
    compiled.set(name, validate);
  }
  return validate;
}

/** Problems of `data` against the named schema, as readable lines; empty when valid. */
export function specErrors(name: string, data: unknown): string[] {
  const validate = specValidator(name);
  if (validate(data)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e) => `${name}${e.instancePath} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}
