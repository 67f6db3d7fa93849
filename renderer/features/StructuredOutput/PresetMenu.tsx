// Renderer: the preset menu: replaces the messages, response format and tools with a ready example.
import { useAppStore } from "../../store/appStore";
import { TOOL_PRESETS } from "../Tools/toolPresets";
import { applyPreset, STRUCTURED_PRESETS, type Preset } from "./presets";

const ALL: readonly Preset[] = [...STRUCTURED_PRESETS, ...TOOL_PRESETS];

/** A select whose choice is applied at once; it then returns to its placeholder. */
export function PresetMenu() {
  const editRequest = useAppStore((s) => s.editRequest);
  const replaceToolSettings = useAppStore((s) => s.replaceToolSettings);
  const apply = (id: string) => {
    const preset = ALL.find((p) => p.id === id);
    if (!preset) return;
    editRequest((r) => applyPreset(r, preset));
    if (preset.toolSettings) replaceToolSettings(structuredClone(preset.toolSettings));
  };
  return (
    <label className="preset-menu inline-field">
      <span>Preset</span>
      <select value="" data-testid="preset-menu" aria-describedby="preset-hint" onChange={(e) => apply(e.target.value)}>
        <option value="">Load an example...</option>
        <optgroup label="Structured output">
          {STRUCTURED_PRESETS.map((p) => (
            <option key={p.id} value={p.id} title={p.description}>
              {p.label}
            </option>
          ))}
        </optgroup>
        <optgroup label="Tool calling">
          {TOOL_PRESETS.map((p) => (
            <option key={p.id} value={p.id} title={p.description}>
              {p.label}
            </option>
          ))}
        </optgroup>
      </select>
      <small id="preset-hint" className="hint">
        Replaces the messages, response format and tools; the model and parameters stay.
      </small>
    </label>
  );
}
