// Renderer: the settings beyond sampling: reasoning effort and summary, verbosity, store, the
// response to continue from, service tier, prompt cache key and safety identifier. Each one the
// chosen API or model does not take is disabled, saying why (shared/api/controlRules).
import type { ReactNode } from "react";
import { controlBlock, type ControlId } from "../../../shared/api/controlRules";
import { ReasoningSummary } from "../../../shared/api/requestApi";
import { ReasoningEffort, ServiceTier, Verbosity, type ChatRequest } from "../../../shared/chatRequest";
import { Field } from "../../components/Field";
import { useAppStore } from "../../store/appStore";
import { BlockedReason } from "./BlockedReason";

/** A select of a field's values; "" (the first option) means "not sent". */
function ChoiceField(props: {
  control: ControlId;
  label: string;
  hint: string;
  value: string | undefined;
  options: readonly string[];
  unset: string;
  onChange: (value: string | undefined) => void;
}) {
  const api = useAppStore((s) => s.api);
  const model = useAppStore((s) => s.request.model);
  const block = controlBlock(props.control, api, model);
  return (
    <Field label={props.label} hint={props.hint}>
      {({ id, describedBy }) => (
        <>
          <select id={id} value={props.value ?? ""} aria-describedby={describedBy} data-testid={`param-${props.control}`} disabled={block !== null} onChange={(e) => props.onChange(e.target.value === "" ? undefined : e.target.value)}>
            <option value="">{props.unset}</option>
            {props.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          {block ? <BlockedReason control={props.control} block={block} held={props.value !== undefined} clear={() => props.onChange(undefined)} /> : null}
        </>
      )}
    </Field>
  );
}

/** A text field; empty means "not sent". */
function TextField(props: { control: ControlId; label: string; hint: string; value: string | undefined; placeholder?: string; onChange: (value: string | undefined) => void; extra?: ReactNode }) {
  const api = useAppStore((s) => s.api);
  const model = useAppStore((s) => s.request.model);
  const block = controlBlock(props.control, api, model);
  return (
    <Field label={props.label} hint={props.hint}>
      {({ id, describedBy }) => (
        <>
          <div className="row">
            <input id={id} value={props.value ?? ""} placeholder={props.placeholder} spellCheck={false} aria-describedby={describedBy} data-testid={`param-${props.control}`} disabled={block !== null} onChange={(e) => props.onChange(e.target.value.trim() === "" ? undefined : e.target.value)} />
            {props.extra}
          </div>
          {block ? <BlockedReason control={props.control} block={block} held={props.value !== undefined} clear={() => props.onChange(undefined)} /> : null}
        </>
      )}
    </Field>
  );
}

/** Sets or removes one optional field of the request. */
function setField<K extends keyof ChatRequest>(request: ChatRequest, key: K, value: ChatRequest[K] | undefined): ChatRequest {
  const next = { ...request };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The Responses-era settings. */
export function ResponsesControls() {
  const editRequest = useAppStore((s) => s.editRequest);
  const editExtras = useAppStore((s) => s.editExtras);
  const effort = useAppStore((s) => s.request.reasoning_effort);
  const verbosity = useAppStore((s) => s.request.verbosity);
  const store = useAppStore((s) => s.request.store);
  const tier = useAppStore((s) => s.request.service_tier);
  const cacheKey = useAppStore((s) => s.request.prompt_cache_key);
  const safetyId = useAppStore((s) => s.request.safety_identifier);
  const summary = useAppStore((s) => s.responsesExtras.reasoning_summary);
  const previous = useAppStore((s) => s.responsesExtras.previous_response_id);
  const set = <K extends keyof ChatRequest>(key: K) => (value: string | undefined) => editRequest((r) => setField(r, key, value as ChatRequest[K] | undefined));
  return (
    <fieldset className="params responses-controls" data-testid="responses-controls">
      <legend>Reasoning, storage and routing</legend>
      <div className="params-grid">
        <ChoiceField control="reasoning_effort" label="Reasoning effort" hint="How much a reasoning model thinks before answering; more costs more (reasoning tokens are output tokens)." value={effort} options={ReasoningEffort.options} unset="model default" onChange={set("reasoning_effort")} />
        <ChoiceField
          control="reasoning_summary"
          label="Reasoning summary"
          hint="Ask a reasoning model for a summary of its reasoning, shown beside the answer."
          value={summary}
          options={ReasoningSummary.options}
          unset="none"
          onChange={(value) => editExtras((x) => { const next = { ...x }; if (value === undefined) delete next.reasoning_summary; else next.reasoning_summary = ReasoningSummary.parse(value); return next; })}
        />
        <ChoiceField control="verbosity" label="Verbosity" hint="How long the answer runs (text.verbosity on Responses)." value={verbosity} options={Verbosity.options} unset="model default" onChange={set("verbosity")} />
        <ChoiceField control="service_tier" label="Service tier" hint="Processing tier: flex is cheaper and slower, priority faster and dearer; auto uses the project's setting." value={tier} options={ServiceTier.options} unset="not sent (auto)" onChange={set("service_tier")} />
        <ChoiceField
          control="store"
          label="Store the response"
          hint="Responses stores by default (so it can be continued and read back later); false keeps nothing on the server."
          value={store === undefined ? undefined : String(store)}
          options={["true", "false"]}
          unset="not sent (API default)"
          onChange={(value) => editRequest((r) => setField(r, "store", value === undefined ? undefined : value === "true"))}
        />
      </div>
      <TextField control="prompt_cache_key" label="Prompt cache key" hint="Groups requests that share a long prefix, so the cache hits more often (cached tokens cost less)." value={cacheKey} onChange={set("prompt_cache_key")} />
      <TextField control="safety_identifier" label="Safety identifier" hint="A stable, hashed id of your end user, so OpenAI can spot misuse per user without knowing who it is." value={safetyId} placeholder="e.g. a hash of the user id" onChange={set("safety_identifier")} />
      <TextField
        control="previous_response_id"
        label="Continue from response (previous_response_id)"
        hint="The server carries that stored response's conversation into this turn: send only the new message. Set by 'Continue from this response' under an answer."
        value={previous}
        placeholder="resp_..."
        onChange={(value) => editExtras((x) => { const next = { ...x }; if (value === undefined) delete next.previous_response_id; else next.previous_response_id = value.trim(); return next; })}
      />
    </fieldset>
  );
}
