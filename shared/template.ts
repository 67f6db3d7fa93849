// Both processes: `{{variables}}` in prompt messages, filled from a dataset case's columns.
import type { ChatRequest } from "./chatRequest";

const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

/** The variable names a text uses, in order of first use. */
export function variablesIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(VARIABLE)) if (match[1] && !names.includes(match[1])) names.push(match[1]);
  return names;
}

/** Replaces each `{{name}}` with its value; an unknown name is left as written, so it shows. */
export function fillTemplate(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(VARIABLE, (whole, name: string) => (Object.prototype.hasOwnProperty.call(vars, name) ? (vars[name] ?? "") : whole));
}

/** The variables a request's messages use that `vars` does not supply. */
export function missingVariables(request: ChatRequest, vars: Readonly<Record<string, string>>): string[] {
  const used = request.messages.flatMap((m) => variablesIn(m.content ?? ""));
  return [...new Set(used)].filter((name) => !Object.prototype.hasOwnProperty.call(vars, name));
}

/** The request with every message's text filled from `vars`. */
export function fillRequest(request: ChatRequest, vars: Readonly<Record<string, string>>): ChatRequest {
  return {
    ...request,
    messages: request.messages.map((m) => (typeof m.content === "string" ? { ...m, content: fillTemplate(m.content, vars) } : m)) as ChatRequest["messages"],
  };
}
