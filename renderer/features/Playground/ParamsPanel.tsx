// Renderer: the sampling parameters, each with a one-line hint of what it does.
import { Field } from "../../components/Field";
import { NumberInput } from "../../components/NumberInput";
import { useAppStore } from "../../store/appStore";
import { setNumericParam, type NumericParam } from "./requestEdits";
import { StopSequences } from "./StopSequences";
import { LogprobsControl } from "../Inspector/LogprobsControl";
import { controlBlock } from "../../../shared/api/controlRules";
import { BlockedReason } from "./BlockedReason";

/** The spec's minimum for CreateResponse.max_output_tokens. */
const RESPONSES_MIN_OUTPUT_TOKENS = 16;

const PARAMS: { key: NumericParam; label: string; hint: string; min?: number; max?: number; step?: number; testId?: string }[] = [
  { key: "temperature", label: "Temperature", hint: "Randomness: 0 is focused and repeatable, 2 is very varied (0 to 2).", min: 0, max: 2, step: 0.1, testId: "param-temperature" },
  { key: "top_p", label: "Top P", hint: "Samples only from the likeliest tokens totalling this probability (0 to 1); change this or temperature, not both.", min: 0, max: 1, step: 0.05 },
  { key: "max_completion_tokens", label: "Max output tokens", hint: 'The answer stops at this many tokens, with finish_reason "length".', min: 1, step: 1, testId: "param-max-tokens" },
  { key: "seed", label: "Seed", hint: "The same seed and request give the same answer, as far as the provider can.", step: 1, testId: "param-seed" },
  { key: "n", label: "Choices (n)", hint: "How many alternative answers to generate; each one costs output tokens.", min: 1, max: 8, step: 1 },
];

/** The numeric parameters and the stop sequences. Empty means "not sent" (the server's default). */
export function ParamsPanel() {
  const editRequest = useAppStore((s) => s.editRequest);
  return (
    <fieldset className="params">
      <legend>Parameters</legend>
      <p className="hint">Leave a field empty to use the server&apos;s default.</p>
      <div className="params-grid">
        {PARAMS.map((p) => (
          <ParamField key={p.key} param={p} onChange={(value) => editRequest((r) => setNumericParam(r, p.key, value))} />
        ))}
      </div>
      <StopSequences />
      <LogprobsControl />
    </fieldset>
  );
}

function ParamField({ param, onChange }: { param: (typeof PARAMS)[number]; onChange: (value: number | undefined) => void }) {
  const value = useAppStore((s) => s.request[param.key]);
  const api = useAppStore((s) => s.api);
  const model = useAppStore((s) => s.request.model);
  // Recomputed per render from primitives: the catalog lookup is a map read.
  const block = controlBlock(param.key, api, model);
  // A value the model takes (its only default) may stay; any other would be refused or not sent.
  const held = value !== undefined && (block?.onlyDefault === undefined || value !== block.onlyDefault);
  // CreateResponse's max_output_tokens has a minimum of 16 (Chat Completions takes any positive cap).
  const belowMinimum = param.key === "max_completion_tokens" && api === "responses" && value !== undefined && value < RESPONSES_MIN_OUTPUT_TOKENS;
  const error = belowMinimum ? `Responses refuses a max_output_tokens below ${RESPONSES_MIN_OUTPUT_TOKENS} (the API's minimum); Chat Completions takes ${value}.` : null;
  return (
    <Field label={param.label} hint={param.hint} error={error}>
      {({ id, describedBy }) => (
        <>
          <NumberInput id={id} value={value} onChange={onChange} min={param.min} max={param.max} step={param.step} describedBy={describedBy} testId={param.testId} disabled={block !== null} />
          {block ? <BlockedReason control={param.key} block={block} held={held} clear={() => onChange(undefined)} /> : null}
        </>
      )}
    </Field>
  );
}
