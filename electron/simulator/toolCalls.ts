// Main process (simulator): decides whether the simulated assistant calls tools, which ones, and
// with which arguments (valid against each tool's parameters schema).
import type { ChatParams, SimTool } from "./chatParams";
import { conversationHints } from "./conversationHints";
import { generateInstance } from "./jsonInstance";
import { analyseInjection, injectedArgument } from "./injection";
import { randomAlnum, type Rng } from "./random";
import { contentWords, identifierWords } from "./words";

/** One tool call of a simulated answer. */
export interface PlannedToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** How strongly the message points at a tool: its name's words count double, description words once. */
export function toolScore(tool: SimTool, message: string): number {
  const said = new Set(contentWords(message));
  const lower = message.toLowerCase();
  let score = lower.includes(tool.name.toLowerCase()) ? 3 : 0;
  for (const word of new Set(identifierWords(tool.name))) if (word.length >= 3 && said.has(word)) score += 2;
  for (const word of new Set(contentWords(tool.description))) if (word.length >= 4 && said.has(word)) score += 1;
  return score;
}

function lastUserText(params: ChatParams): string {
  for (let i = params.messages.length - 1; i >= 0; i--) {
    const m = params.messages[i];
    if (m?.role === "user") return m.content;
  }
  return "";
}

/** True when tool results came in after the last user message (the turn after a call). */
function answeredByTools(params: ChatParams): boolean {
  const last = params.messages[params.messages.length - 1];
  return last?.role === "tool";
}

/**
 * The tools to call, or an empty list to answer in text. `auto` calls the tools the last user
 * message points at (all of them when parallel calls are allowed) and answers in text after a
 * tool result; `required` calls the best match (the first tool when none matches); a named
 * choice calls that tool.
 */
export function chooseTools(params: ChatParams): SimTool[] {
  const choice = params.toolChoice;
  if (!params.tools.length || choice === "none") return [];
  if (typeof choice === "object") return params.tools.filter((t) => t.name === choice.name).slice(0, 1);
  const message = lastUserText(params);
  const ranked = params.tools
    .map((tool, order) => ({ tool, order, score: toolScore(tool, message) }))
    .sort((a, b) => b.score - a.score || a.order - b.order);
  if (choice === "required") return [ranked[0]?.tool].filter((t): t is SimTool => t !== undefined);
  if (answeredByTools(params)) return [];
  const matching = ranked.filter((r) => r.score > 0).map((r) => r.tool);
  return params.parallelToolCalls ? matching.slice(0, 3) : matching.slice(0, 1);
}

/**
 * Tool calls with ids and JSON arguments built from each tool's schema and the conversation. An
 * injected instruction (injection.ts) overrides the choice: an obeyed tool request calls that tool
 * with the secret in its arguments; any other finding answers in text, calling nothing.
 */
export function planToolCalls(params: ChatParams, rng: Rng): PlannedToolCall[] {
  const injection = params.tools.length && !answeredByTools(params) && params.toolChoice !== "none" ? analyseInjection(params.messages, params.tools.map((t) => t.name)) : null;
  if (injection) {
    const tool = params.tools.find((t) => t.name === injection.tool?.name);
    if (!injection.obeyed || injection.technique !== "tool" || !tool) return [];
    const args = generateInstance(tool.parameters, { stringFor: (name) => injectedArgument(name, injection, params.messages) });
    return [{ id: `call_${randomAlnum(rng, 24)}`, name: tool.name, arguments: JSON.stringify(args) }];
  }
  const hints = conversationHints(lastUserText(params));
  return chooseTools(params).map((tool) => ({
    id: `call_${randomAlnum(rng, 24)}`,
    name: tool.name,
    arguments: JSON.stringify(generateInstance(tool.parameters, hints)),
  }));
}
