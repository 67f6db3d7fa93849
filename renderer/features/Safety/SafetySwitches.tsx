// Renderer: the moderation and redaction switches, with the user's custom patterns; shared by the
// playground's safety panel and the Settings view. Every change is saved at once (the main side
// validates custom patterns and says what is wrong).
import { useState } from "react";
import { BUILT_IN_GROUPS, type BuiltInGroup } from "../../../shared/redactionPatterns";
import type { SafetySettings } from "../../../shared/safety";
import { useAppStore } from "../../store/appStore";

const GROUP_LABELS: Record<BuiltInGroup, string> = {
  email: "E-mail addresses",
  phone: "Phone numbers",
  card: "Card numbers (Luhn-checked)",
  iban: "IBANs (mod-97 checked)",
  secrets: "API keys and other secrets",
};

/** The switches; `settings` is the loaded value (the caller shows nothing until it is loaded). */
export function SafetySwitches({ settings }: { settings: SafetySettings }) {
  const save = useAppStore((s) => s.saveSafety);
  const [draft, setDraft] = useState({ name: "", pattern: "", caseInsensitive: false });
  const update = (change: (s: SafetySettings) => SafetySettings) => void save(change(structuredClone(settings)));
  const { moderation, redaction } = settings;
  return (
    <div className="safety-switches">
      <label className="safety-toggle">
        <input type="checkbox" data-testid="moderate-input" checked={moderation.input} onChange={(e) => update((s) => ({ ...s, moderation: { ...s.moderation, input: e.target.checked } }))} />
        Moderate the input before sending (a flagged input is not sent)
      </label>
      <label className="safety-toggle">
        <input type="checkbox" data-testid="moderate-output" checked={moderation.output} onChange={(e) => update((s) => ({ ...s, moderation: { ...s.moderation, output: e.target.checked } }))} />
        Moderate the output before showing (a flagged answer is withheld)
      </label>
      <label className="inline-field">
        <span>Moderation model</span>
        <input
          defaultValue={moderation.model}
          placeholder="profile default"
          data-testid="moderation-model"
          onBlur={(e) => e.target.value !== moderation.model && update((s) => ({ ...s, moderation: { ...s.moderation, model: e.target.value } }))}
        />
      </label>
      <label className="safety-toggle">
        <input type="checkbox" data-testid="redact-enabled" checked={redaction.enabled} onChange={(e) => update((s) => ({ ...s, redaction: { ...s.redaction, enabled: e.target.checked } }))} />
        Redact the request before it leaves the machine
      </label>
      <div className="safety-groups" aria-label="What to redact">
        {BUILT_IN_GROUPS.map((group) => (
          <label key={group} className="safety-toggle">
            <input
              type="checkbox"
              data-testid={`redact-${group}`}
              checked={redaction.groups[group]}
              disabled={!redaction.enabled}
              onChange={(e) => update((s) => ({ ...s, redaction: { ...s.redaction, groups: { ...s.redaction.groups, [group]: e.target.checked } } }))}
            />
            {GROUP_LABELS[group]}
          </label>
        ))}
      </div>
      <div className="safety-custom">
        <span className="hint">Custom patterns (JavaScript regular expressions, run on a linear-time engine: no lookahead or backreferences); placeholders are named after them, e.g. [TICKET_1].</span>
        {redaction.custom.map((c, i) => (
          <div key={c.name} className="row" data-testid="custom-pattern">
            <code>[{c.name}_n]</code> <code className="mono">/{c.pattern}/{c.caseInsensitive ? "i" : ""}</code>
            <button type="button" className="button-quiet" onClick={() => update((s) => ({ ...s, redaction: { ...s.redaction, custom: s.redaction.custom.filter((_, j) => j !== i) } }))}>
              Remove
            </button>
          </div>
        ))}
        <div className="row">
          <input placeholder="NAME" value={draft.name} aria-label="Pattern name" data-testid="custom-name" onChange={(e) => setDraft({ ...draft, name: e.target.value.toUpperCase() })} />
          <input placeholder="regular expression" value={draft.pattern} aria-label="Pattern" className="mono" data-testid="custom-regex" onChange={(e) => setDraft({ ...draft, pattern: e.target.value })} />
          <label className="safety-toggle">
            <input type="checkbox" checked={draft.caseInsensitive} onChange={(e) => setDraft({ ...draft, caseInsensitive: e.target.checked })} />
            ignore case
          </label>
          <button
            type="button"
            data-testid="custom-add"
            disabled={!draft.name || !draft.pattern}
            onClick={() => {
              update((s) => ({ ...s, redaction: { ...s.redaction, custom: [...s.redaction.custom, draft] } }));
              setDraft({ name: "", pattern: "", caseInsensitive: false });
            }}
          >
            Add pattern
          </button>
        </div>
      </div>
    </div>
  );
}
