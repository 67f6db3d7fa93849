// Renderer: the price table in Settings: each model's prices with their source and date, editable,
// saved through pricing.save (the main side checks the edits before keeping them).
import { useEffect, useState } from "react";
import type { PriceOverrides } from "../../../shared/pricing";
import { NumberInput } from "../../components/NumberInput";
import { useAppStore } from "../../store/appStore";
import { editPrice, addModel, PRICE_FIELDS } from "./priceEdits";
import "./tokens.css";

/** The price editor. */
export function PriceSettings() {
  const { table, overrides, error, saving } = useAppStore((s) => s.pricing);
  const loadPricing = useAppStore((s) => s.loadPricing);
  const savePriceOverrides = useAppStore((s) => s.savePriceOverrides);
  const [draft, setDraft] = useState<PriceOverrides>(overrides);
  const [newModel, setNewModel] = useState("");
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void loadPricing();
  }, [loadPricing]);
  useEffect(() => setDraft(overrides), [overrides]);
  if (!table) return <section className="price-settings">{error ? <p className="field-error">{error}</p> : <p className="hint">Loading prices...</p>}</section>;
  const ids = [...new Set([...Object.keys(table.models), ...Object.keys(draft.models)])].sort();
  const change = (next: PriceOverrides) => {
    setDraft(next);
    setSaved(false);
  };
  return (
    <section className="price-settings" data-testid="price-settings">
      <h2>Prices</h2>
      <p className="hint">
        US dollars per million tokens, from {table.source}, as of {table.asOf}. Prices change: edit a row to use your own. Simulator models are always free.
      </p>
      <table>
        <thead>
          <tr>
            <th>Model</th>
            {PRICE_FIELDS.map((f) => (
              <th key={f.key}>{f.label}</th>
            ))}
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const row = table.models[id];
            const edit = draft.models[id];
            const simulated = row?.origin === "simulated";
            return (
              <tr key={id} data-model={id}>
                <td className="mono">{id}</td>
                {PRICE_FIELDS.map((f) => (
                  <td key={f.key}>
                    {simulated ? (
                      "0"
                    ) : (
                      <NumberInput
                        id={`price-${id}-${f.key}`}
                        value={(edit?.[f.key] ?? row?.[f.key]) ?? undefined}
                        min={0}
                        step="any"
                        testId={`price-${f.key}`}
                        onChange={(value) => change(editPrice(draft, id, f.key, value))}
                      />
                    )}
                  </td>
                ))}
                <td>
                  {simulated ? "simulator" : edit ? "yours" : "table"}
                  {edit ? (
                    <button type="button" className="button-link" onClick={() => change({ models: Object.fromEntries(Object.entries(draft.models).filter(([m]) => m !== id)) })}>
                      reset
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="row">
        <input value={newModel} placeholder="model id, e.g. my-finetune" aria-label="New model id" onChange={(e) => setNewModel(e.target.value)} />
        <button type="button" disabled={!newModel.trim() || ids.includes(newModel.trim())} onClick={() => (change(addModel(draft, newModel.trim())), setNewModel(""))}>
          Add a model
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="button-primary"
          data-testid="price-save"
          disabled={saving}
          onClick={() => void savePriceOverrides(draft).then((ok) => setSaved(ok))}
        >
          {saving ? "Saving..." : "Save prices"}
        </button>
      </div>
      {saved ? <p className="hint">Saved.</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
