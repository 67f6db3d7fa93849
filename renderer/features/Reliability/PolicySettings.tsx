// Renderer: the client policy in Settings: retries, back-off, jitter, retry-after, the per-attempt
// timeout, the stall timeout and the total deadline; saved, and applied to every call from the next on.
import { useEffect, useState } from "react";
import { describeZodError } from "../../../shared/errors";
import { ClientPolicy, describeRetryPolicy } from "../../../shared/retryPolicy";
import { Field } from "../../components/Field";
import { NumberInput } from "../../components/NumberInput";
import { useAppStore } from "../../store/appStore";
import "./reliability.css";

type NumberKey = Exclude<keyof ClientPolicy, "honourRetryAfter" | "jitter">;

/** Numeric fields in ms (or a count), with their labels and hints. */
const FIELDS: { key: NumberKey; label: string; hint: string; step: number }[] = [
  { key: "maxRetries", label: "Retries", hint: "Extra attempts after the first (0: never retry).", step: 1 },
  { key: "baseDelayMs", label: "Base delay (ms)", hint: "The first back-off wait; each later one doubles.", step: 100 },
  { key: "maxDelayMs", label: "Cap (ms)", hint: "The longest back-off wait.", step: 100 },
  { key: "requestTimeoutMs", label: "Attempt timeout (ms)", hint: "How long one attempt waits for the response headers.", step: 1000 },
  { key: "idleTimeoutMs", label: "Stall timeout (ms)", hint: "How long a started stream may send nothing.", step: 1000 },
  { key: "deadlineMs", label: "Deadline (ms)", hint: "The whole request, attempts and waits included.", step: 1000 },
];

/** The editable policy. */
export function PolicySettings() {
  const saved = useAppStore((s) => s.reliability.policy);
  const message = useAppStore((s) => s.reliability.saved);
  const error = useAppStore((s) => s.reliability.error);
  const loadPolicy = useAppStore((s) => s.loadPolicy);
  const savePolicy = useAppStore((s) => s.savePolicy);
  const [draft, setDraft] = useState<Partial<ClientPolicy> | null>(null);
  useEffect(() => {
    void loadPolicy();
  }, [loadPolicy]);
  useEffect(() => {
    if (saved) setDraft(saved);
  }, [saved]);
  if (!draft) return <p className="hint">Reading the retry policy...</p>;
  const parsed = ClientPolicy.safeParse(draft);
  const edit = (change: Partial<ClientPolicy>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <section className="policy-settings" aria-labelledby="policy-title" data-testid="policy-settings">
      <h2 id="policy-title">Retries, timeouts and the deadline</h2>
      <p data-testid="policy-sentence">{parsed.success ? describeRetryPolicy(parsed.data) : `Not valid yet: ${describeZodError(parsed.error)}`}</p>
      <div className="inline-fields">
        {FIELDS.map((f) => (
          <Field key={f.key} label={f.label} hint={f.hint}>
            {({ id, describedBy }) => (
              <NumberInput id={id} describedBy={describedBy} testId={`policy-${f.key}`} value={draft[f.key]} min={0} step={f.step} onChange={(v) => edit({ [f.key]: v === undefined ? undefined : Math.round(v) })} />
            )}
          </Field>
        ))}
        <Field label="Jitter (0 to 1)" hint="How much of each wait is random: 1 is full jitter.">
          {({ id, describedBy }) => <NumberInput id={id} describedBy={describedBy} testId="policy-jitter" value={draft.jitter} min={0} max={1} step={0.1} onChange={(v) => edit({ jitter: v })} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" data-testid="policy-honour-retry-after" checked={draft.honourRetryAfter ?? true} onChange={(e) => edit({ honourRetryAfter: e.target.checked })} /> honour the server's retry-after
        </label>
      </div>
      <div className="button-row">
        <button type="button" data-testid="policy-save" disabled={!parsed.success} onClick={() => parsed.success && void savePolicy(parsed.data)}>
          Save policy
        </button>
        <button type="button" className="button-quiet" onClick={() => saved && setDraft(saved)}>
          Undo changes
        </button>
      </div>
      {message ? <p className="hint" role="status">{message}</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="hint">Out-of-quota errors are never retried. Stop ends a run at once, even during a wait. The policy applies to chat runs and model listing.</p>
    </section>
  );
}
