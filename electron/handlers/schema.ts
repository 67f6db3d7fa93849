// Main process: the JSON Schema channels over the shared checkers (ajv needs code generation,
// which only this side allows).
import type { schemaChannels } from "../../shared/contracts/schema";
import { checkSchemaText } from "../../shared/strictSchema";
import { validateAgainstSchema } from "../../shared/validateOutput";
import type { Handlers } from "../dispatch";

/** Handlers for `schema.check` and `schema.validate`; they need no service. */
export function createSchemaHandlers(): Pick<Handlers, keyof typeof schemaChannels> {
  return {
    "schema.check": async ({ text }) => ({ problems: checkSchemaText(text) }),
    "schema.validate": async ({ text, schema }) => {
      const check = validateAgainstSchema(text, schema);
      // `value` is absent exactly when the text was not JSON (a JSON null is still a value).
      return { ok: check.ok, parsed: "value" in check, value: check.value, errors: check.errors };
    },
  };
}
