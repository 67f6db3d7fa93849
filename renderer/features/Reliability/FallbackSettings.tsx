// Renderer: each profile's fallback chain in Settings: another model, another profile, the last good
// answer, a fixed safe message; tried in order when the primary fails.
import { useEffect, useState } from "react";
import { describeFallbackStep, FallbackChain, type FallbackStep } from "../../../shared/reliability";
import { describeZodError } from "../../../shared/errors";
import { Field } from "../../components/Field";
import { useAppStore } from "../../store/appStore";
import "./reliability.css";

/** A new step of each kind, to add. */
function blankStep(kind: FallbackStep["kind"], otherProfile: string): FallbackStep {
  switch (kind) {
    case "model":
      return { kind, model: "sim-chat-mini-1" };
    case "profile":
      return { kind, profileId: otherProfile, model: "" };
    case "cached":
      return { kind };
    case "message":
      return { kind, text: "Sorry, answers are unavailable right now. Please try again in a few minutes." };
  }
}

/** The chain editor for one profile at a time. */
export function FallbackSettings() {
  const profiles = useAppStore((s) => s.profiles);
  const activeId = useAppStore((s) => s.activeId);
  const chains = useAppStore((s) => s.reliability.fallbacks);
  const loadFallbacks = useAppStore((s) => s.loadFallbacks);
  const saveFallbacks = useAppStore((s) => s.saveFallbacks);
  const [profileId, setProfileId] = useState(activeId);
  const [draft, setDraft] = useState<FallbackStep[] | null>(null);
  const [adding, setAdding] = useState<FallbackStep["kind"]>("model");
  useEffect(() => {
    void loadFallbacks(profileId);
  }, [profileId, loadFallbacks]);
  useEffect(() => setDraft(chains[profileId] ?? null), [chains, profileId]);
  const others = profiles.filter((p) => p.id !== profileId);
  const nameOf = (id: string) => profiles.find((p) => p.id === id)?.name ?? id;
  const steps = draft ?? [];
  const parsed = FallbackChain.safeParse(steps);
  const replace = (i: number, step: FallbackStep) => setDraft(steps.map((s, k) => (k === i ? step : s)));
  const move = (i: number, by: number) => {
    const next = [...steps];
    const [step] = next.splice(i, 1);
    if (step) next.splice(Math.max(0, Math.min(next.length, i + by)), 0, step);
    setDraft(next);
  };
  return (
    <section className="fallback-settings" aria-labelledby="fallback-title" data-testid="fallback-settings">
      <h2 id="fallback-title">Fallbacks</h2>
      <p className="hint">When a profile's request fails (after its retries) before any answer arrived, these steps are tried in order. Each step shows in the run's timeline.</p>
      <Field label="Profile">
        {({ id }) => (
          <select id={id} value={profileId} onChange={(e) => setProfileId(e.target.value)} data-testid="fallback-profile">
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ol className="fallback-steps" data-testid="fallback-steps">
        {steps.map((step, i) => (
          <li key={i}>
            <span>{describeFallbackStep(step, nameOf)}</span>{" "}
            {step.kind === "model" ? <input aria-label="Model" value={step.model} onChange={(e) => replace(i, { ...step, model: e.target.value })} /> : null}
            {step.kind === "profile" ? (
              <select aria-label="Profile to fall back to" value={step.profileId} onChange={(e) => replace(i, { ...step, profileId: e.target.value })}>
                {others.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            ) : null}
            {step.kind === "message" ? <input aria-label="Message" value={step.text} onChange={(e) => replace(i, { ...step, text: e.target.value })} /> : null}{" "}
            <button type="button" className="button-quiet" aria-label="Move up" onClick={() => move(i, -1)}>
              ↑
            </button>
            <button type="button" className="button-quiet" aria-label="Move down" onClick={() => move(i, 1)}>
              ↓
            </button>
            <button type="button" className="button-quiet" onClick={() => setDraft(steps.filter((_, k) => k !== i))}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      {steps.length === 0 ? <p className="hint">No fallbacks: a failure is shown as it is.</p> : null}
      <div className="button-row">
        <select aria-label="Kind of step to add" value={adding} onChange={(e) => setAdding(e.target.value as FallbackStep["kind"])}>
          <option value="model">another model</option>
          <option value="profile" disabled={others.length === 0}>
            another profile
          </option>
          <option value="cached">the last good answer</option>
          <option value="message">a fixed safe message</option>
        </select>
        <button type="button" className="button-quiet" onClick={() => setDraft([...steps, blankStep(adding, others[0]?.id ?? "")])}>
          Add step
        </button>
        <button type="button" data-testid="fallback-save" disabled={!parsed.success} onClick={() => parsed.success && void saveFallbacks(profileId, parsed.data)}>
          Save fallbacks
        </button>
      </div>
      {!parsed.success ? <p className="field-error">{describeZodError(parsed.error)}</p> : null}
    </section>
  );
}
