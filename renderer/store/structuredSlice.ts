// Renderer: the structured-output slice: schema checks as the user types, and every answer of a
// run that asked for JSON parsed and validated against the schema it was sent with.
import type { ResponseFormat } from "../../shared/chatRequest";
import type { ChoiceResult } from "../../shared/contract";
import type { OutputCheckView } from "../../shared/contracts/schema";
import type { SchemaProblem } from "../../shared/strictSchema";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

/** The check of one choice's answer. */
export interface AnswerCheck {
  index: number;
  status: "checking" | "done";
  /** The model's refusal (message.refusal): shown as a refusal, not validated. */
  refusal: string | null;
  check: OutputCheckView | null;
}

/** The checks of the last run that asked for JSON. */
export interface OutputChecks {
  runId: string;
  kind: "json_object" | "json_schema";
  /** The schema's name (json_schema only). */
  schemaName: string | null;
  answers: AnswerCheck[];
}

export interface StructuredSlice {
  /** Null when the last run asked for plain text (or there was none). */
  outputChecks: OutputChecks | null;
  /** Checks a schema text in the main process (ajv cannot run under the renderer's CSP). */
  checkSchemaText(text: string): Promise<SchemaProblem[]>;
}

/** What a json_object answer must be: any JSON object (the API promises valid JSON, not a shape). */
export function checkJsonObject(text: string): OutputCheckView {
  try {
    const value: unknown = JSON.parse(text);
    const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
    return isObject ? { ok: true, parsed: true, value, errors: [] } : { ok: false, parsed: true, value, errors: [{ path: "$", message: "$ should be a JSON object." }] };
  } catch (err) {
    return { ok: false, parsed: false, errors: [{ path: "$", message: `The answer is not valid JSON (${err instanceof Error ? err.message : String(err)}).` }] };
  }
}

/** The choices that carry an answer to check: text or a refusal (a choice that only called tools is not one). */
function answers(choices: readonly ChoiceResult[]): ChoiceResult[] {
  return choices.filter((c) => c.refusal !== null || c.toolCalls.length === 0);
}

/** The structured-output slice. */
export function createStructuredSlice(deps: StoreDeps): SliceCreator<StructuredSlice> {
  return (set, get, store) => {
    // The response format as sent with each run: the answer is checked against what the model was asked.
    let sent: { runId: string; format: ResponseFormat | undefined } | null = null;

    const validate = (runId: string, format: Exclude<ResponseFormat, { type: "text" }>, choices: readonly ChoiceResult[]) => {
      const list = answers(choices);
      const schema = format.type === "json_schema" ? format.json_schema.schema : undefined;
      const initial: AnswerCheck[] = list.map((c) => {
        if (c.refusal !== null) return { index: c.index, status: "done", refusal: c.refusal, check: null };
        if (format.type === "json_object" || !schema) return { index: c.index, status: "done", refusal: null, check: checkJsonObject(c.content) };
        return { index: c.index, status: "checking", refusal: null, check: null };
      });
      set({ outputChecks: { runId, kind: format.type, schemaName: format.type === "json_schema" ? format.json_schema.name : null, answers: initial } });
      if (!schema) return;
      for (const c of list) {
        if (c.refusal !== null) continue;
        const done = (check: OutputCheckView) => {
          const current = get().outputChecks;
          if (current?.runId !== runId) return;
          set({ outputChecks: { ...current, answers: current.answers.map((a) => (a.index === c.index ? { ...a, status: "done", check } : a)) } });
        };
        deps.bridge.call("schema.validate", { text: c.content, schema }).then(done, (err: unknown) =>
          done({ ok: false, parsed: false, errors: [{ path: "$", message: `The answer could not be checked: ${toAppError(err).message}` }] }),
        );
      }
    };

    store.subscribe((state, previous) => {
      const run = state.run;
      const started = run.status === "streaming" && (previous.run.status !== "streaming" || run.runId !== previous.run.runId);
      if (started && run.runId) {
        sent = { runId: run.runId, format: state.request.response_format };
        if (state.outputChecks) set({ outputChecks: null });
        return;
      }
      const ended = (run.status === "done" || run.status === "stopped") && run.status !== previous.run.status;
      if (ended && run.result && sent?.runId === run.runId && sent.format && sent.format.type !== "text") {
        validate(run.runId, sent.format, run.result.choices);
      }
    });

    return {
      outputChecks: null,
      checkSchemaText: async (text) => {
        try {
          return (await deps.bridge.call("schema.check", { text })).problems;
        } catch (err) {
          return [{ message: `The schema could not be checked: ${toAppError(err).message}`, path: "", line: 1, column: 1, severity: "warning" }];
        }
      },
    };
  };
}
