// Renderer: the tools of the request (definitions and playground settings), tool_choice,
// parallel_tool_calls and the step limit.
import { useAppStore } from "../../store/appStore";
import { addTool, setParallel, setToolChoice, toolChoiceValue } from "./toolEdits";
import { ToolEditor } from "./ToolEditor";
import "./tools.css";

/** Every tool, editable, and how the model may use them. */
export function ToolsPanel() {
  const request = useAppStore((s) => s.request);
  const editRequest = useAppStore((s) => s.editRequest);
  const stepLimit = useAppStore((s) => s.stepLimit);
  const setStepLimit = useAppStore((s) => s.setStepLimit);
  const tools = request.tools ?? [];
  const parallel = request.parallel_tool_calls === undefined ? "" : String(request.parallel_tool_calls);
  return (
    <fieldset className="tools-panel" data-testid="tools-panel">
      <legend>Tools ({tools.length})</legend>
      <small className="hint">Functions the model may ask the playground to call. You answer each call by hand or with a mock.</small>
      {tools.map((tool, index) => (
        <ToolEditor key={index} index={index} />
      ))}
      <button type="button" data-testid="add-tool" onClick={() => editRequest(addTool)}>
        Add tool
      </button>
      {tools.length ? (
        <div className="inline-fields">
          <label className="inline-field">
            <span>tool_choice</span>
            <select value={toolChoiceValue(request)} data-testid="tool-choice" onChange={(e) => editRequest((r) => setToolChoice(r, e.target.value))}>
              <option value="">(default: auto)</option>
              <option value="auto">auto: the model decides</option>
              <option value="none">none: never call</option>
              <option value="required">required: must call one</option>
              {tools.map((t) => (
                <option key={t.function.name} value={`fn:${t.function.name}`}>
                  call {t.function.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>parallel_tool_calls</span>
            <select value={parallel} data-testid="parallel-tool-calls" onChange={(e) => editRequest((r) => setParallel(r, e.target.value as "" | "true" | "false"))}>
              <option value="">(default: true)</option>
              <option value="true">true: several calls at once</option>
              <option value="false">false: one call per step</option>
            </select>
          </label>
          <label className="inline-field" title="Tool rounds sent back after the last user message before the playground stops">
            <span>Step limit</span>
            <input type="number" min={1} max={20} value={stepLimit} data-testid="step-limit" onChange={(e) => e.target.value && setStepLimit(Number(e.target.value))} />
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}
