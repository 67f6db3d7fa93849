// Renderer: the model field: a free-text input suggesting the models the active profile lists.
import { useShallow } from "zustand/react/shallow";
import { Field } from "../../components/Field";
import { useAppStore } from "../../store/appStore";
import { selectModelOptions } from "../../store/selectors";

/** Model id input with the listed models as suggestions, and a refresh of that list. */
export function ModelPicker() {
  const model = useAppStore((s) => s.request.model);
  const setModel = useAppStore((s) => s.setModel);
  const options = useAppStore(useShallow(selectModelOptions));
  const models = useAppStore((s) => s.models);
  const activeId = useAppStore((s) => s.activeId);
  const loadModels = useAppStore((s) => s.loadModels);
  const listId = "model-options";
  const status =
    models.status === "loading"
      ? "Loading models..."
      : models.status === "failed"
        ? `Could not list models: ${models.error?.message ?? "unknown error"}`
        : `${options.length} model${options.length === 1 ? "" : "s"} listed; any id can be typed.`;
  return (
    <Field label="Model" hint={`Which model answers. ${status}`}>
      {({ id, describedBy }) => (
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
      )}
    </Field>
  );
}
