// Renderer: the model field: a free-text input suggesting the models the active profile lists, and
// what the catalog says about the chosen one ("no catalog entry" when it has none).
import { useShallow } from "zustand/react/shallow";
import { Field } from "../../components/Field";
import { useAppStore } from "../../store/appStore";
import { selectModelOptions } from "../../store/selectors";
import { modelFacts } from "./modelFacts";

/** Model id input with the listed models as suggestions, and a refresh of that list. */
export function ModelPicker() {
  const model = useAppStore((s) => s.request.model);
  const setModel = useAppStore((s) => s.setModel);
  const options = useAppStore(useShallow(selectModelOptions));
  const models = useAppStore((s) => s.models);
  const activeId = useAppStore((s) => s.activeId);
  const loadModels = useAppStore((s) => s.loadModels);
  const table = useAppStore((s) => s.pricing.table);
  const listId = "model-options";
  // Until the server's list is in, nothing is said about whether it lists the model.
  const listed = models.status !== "ready" || options.includes(model.trim());
  const facts = modelFacts(model, table, listed);
  const status =
    models.status === "loading"
      ? "Loading models..."
      : models.status === "failed"
        ? `Could not list models: ${models.error?.message ?? "unknown error"}`
        : `${options.length} model${options.length === 1 ? "" : "s"} listed; any id can be typed.`;
  return (
    <Field label="Model" hint={`Which model answers. ${status}`}>
      {({ id, describedBy }) => (
        <>
          <div className="row">
            <input
              id={id}
              list={listId}
              value={model}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={describedBy}
              data-testid="model-input"
              onChange={(e) => setModel(e.target.value)}
            />
            <datalist id={listId}>
              {options.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
            <button type="button" className="button-quiet" disabled={!activeId || models.status === "loading"} onClick={() => void loadModels(activeId)}>
              Refresh
            </button>
          </div>
          <p className="hint model-facts" data-testid="model-facts" data-catalog={facts.kind}>
            {facts.text}
          </p>
        </>
      )}
    </Field>
  );
}
