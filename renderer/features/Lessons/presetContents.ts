// Renderer: one phrase saying what "Try it" loads into the playground, so a learner knows that the
// schema, the tools and their mocks come with the messages, not only the text of the prompt.
import type { PlaygroundPreset } from "../../../shared/lesson";
import { presetSettingsPhrases } from "../../../shared/lessonPresetSettings";

/** Joins phrases as "a", "a and b", "a, b and c". */
function listPhrases(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * What a preset sets, e.g. `the messages and parameters, the json_schema response format
 * "ticket_triage" and 2 tools (with mocks, approval and limits)`.
 */
export function presetContents(preset: PlaygroundPreset): string {
  const { request } = preset;
  const parts = ["the messages and parameters"];
  const format = request.response_format;
  if (format?.type === "json_schema") parts.push(`the json_schema response format "${format.json_schema.name}"${format.json_schema.strict ? " (strict)" : ""}`);
  else if (format?.type === "json_object") parts.push("the json_object response format (JSON mode)");
  const tools = request.tools ?? [];
  if (tools.length) {
    const settings = Object.values(preset.tools?.settings ?? {});
    const extras = [
      settings.some((s) => s.mock.kind !== "manual") ? "mocks" : null,
      settings.some((s) => s.sensitive) ? "approval" : null,
      settings.some((s) => s.limits.length > 0) ? "limits" : null,
    ].filter((x): x is string => x !== null);
    const choice = typeof request.tool_choice === "object" ? `tool_choice ${request.tool_choice.function.name}` : request.tool_choice ? `tool_choice ${request.tool_choice}` : null;
    const details = [extras.length ? `with ${listPhrases(extras)}` : null, choice].filter((x): x is string => x !== null);
    parts.push(`${tools.length} tool${tools.length === 1 ? "" : "s"}${details.length ? ` (${details.join("; ")})` : ""}`);
  }
  if (preset.simulatorFailure !== "none") parts.push(`the simulated failure "${preset.simulatorFailure}"`);
  // Settings outlive the lesson, so the learner is told they change too.
  parts.push(...presetSettingsPhrases(preset));
  return listPhrases(parts);
}
