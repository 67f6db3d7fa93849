// Renderer: edits of the request's tools, tool_choice and parallel_tool_calls, kept consistent
// (a tool_choice never names a tool that is gone; no tool_choice without tools, as the API requires).
import type { ChatRequest, FunctionTool } from "../../../shared/chatRequest";

type Fn = FunctionTool["function"];

/** A new tool's definition: strict, one string parameter. Its name is unique among `existing`. */
export function newTool(existing: readonly FunctionTool[]): FunctionTool {
  const names = new Set(existing.map((t) => t.function.name));
  let n = existing.length + 1;
  while (names.has(`tool_${n}`)) n++;
  return {
    type: "function",
    function: {
      name: `tool_${n}`,
      description: "What the tool does, for the model.",
      strict: true,
      parameters: { type: "object", properties: { query: { type: "string" } }, required: ["query"], additionalProperties: false },
    },
  };
}

/** Drops tool_choice and parallel_tool_calls when no tool is left. */
function tidy(request: ChatRequest): ChatRequest {
  if (request.tools?.length) return request;
  const { tools: _t, tool_choice: _c, parallel_tool_calls: _p, ...rest } = request;
  return rest;
}

/** Appends a new tool. */
export function addTool(request: ChatRequest): ChatRequest {
  const tools = request.tools ?? [];
  return { ...request, tools: [...tools, newTool(tools)] };
}

/** Removes a tool; a tool_choice naming it falls back to "auto". */
export function removeTool(request: ChatRequest, index: number): ChatRequest {
  const removed = request.tools?.[index];
  const tools = (request.tools ?? []).filter((_, i) => i !== index);
  const choice = request.tool_choice;
  const named = typeof choice === "object" && choice.function.name === removed?.function.name;
  return tidy({ ...request, tools, ...(named ? { tool_choice: "auto" as const } : {}) });
}

/** Changes fields of one tool's function; a rename carries a tool_choice naming it along. */
export function editTool(request: ChatRequest, index: number, change: Partial<Fn>): ChatRequest {
  const tools = request.tools ?? [];
  const old = tools[index];
  if (!old) return request;
  const next: FunctionTool = { ...old, function: { ...old.function, ...change } };
  const choice = request.tool_choice;
  const renamed = change.name !== undefined && typeof choice === "object" && choice.function.name === old.function.name;
  return {
    ...request,
    tools: tools.map((t, i) => (i === index ? next : t)),
    ...(renamed ? { tool_choice: { type: "function" as const, function: { name: change.name as string } } } : {}),
  };
}

/** The tool_choice select's value: "", "auto", "none", "required" or "fn:<name>". */
export function toolChoiceValue(request: ChatRequest): string {
  const choice = request.tool_choice;
  if (choice === undefined) return "";
  return typeof choice === "string" ? choice : `fn:${choice.function.name}`;
}

/** Sets tool_choice from the select's value ("" removes it: the API's default, auto with tools). */
export function setToolChoice(request: ChatRequest, value: string): ChatRequest {
  const { tool_choice: _old, ...rest } = request;
  if (value === "") return rest;
  if (value.startsWith("fn:")) return { ...rest, tool_choice: { type: "function", function: { name: value.slice(3) } } };
  return { ...rest, tool_choice: value as "auto" | "none" | "required" };
}

/** Sets parallel_tool_calls ("" removes it: the API's default, true). */
export function setParallel(request: ChatRequest, value: "" | "true" | "false"): ChatRequest {
  const { parallel_tool_calls: _old, ...rest } = request;
  return value === "" ? rest : { ...rest, parallel_tool_calls: value === "true" };
}
