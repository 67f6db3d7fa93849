// Renderer tests: sample profiles, results and failures shaped exactly as the contract says.
import type { AppInfo, ProfileView, ProviderTag, RunResult } from "../../shared/contract";

/** The built-in simulator profile. */
export const simulatorProfile: ProfileView = {
  id: "simulator",
  name: "Simulator",
  kind: "simulator",
  baseURL: "",
  defaultModel: "sim-chat-1",
  key: { hasKey: false, hint: "", source: "none" },
  effectiveBaseURL: "http://127.0.0.1:4010/v1",
  builtIn: true,
};

/** A user's OpenAI profile with a key in the keychain. */
export const openaiProfile: ProfileView = {
  id: "work-openai",
  name: "Work OpenAI",
  kind: "openai",
  baseURL: "",
  defaultModel: "gpt-4o-mini",
  key: { hasKey: true, hint: "sk-...abcd", source: "keychain" },
  effectiveBaseURL: "https://api.openai.com/v1",
  builtIn: false,
};

/** A local Ollama server. */
export const ollamaProfile: ProfileView = {
  id: "ollama",
  name: "Ollama",
  kind: "compatible",
  baseURL: "http://localhost:11434/v1",
  defaultModel: "",
  key: { hasKey: false, hint: "", source: "none" },
  effectiveBaseURL: "http://localhost:11434/v1",
  builtIn: false,
};

/** The simulator as a provider tag. */
export const simulatorTag: ProviderTag = {
  profileId: "simulator",
  profileName: "Simulator",
  kind: "simulator",
  baseURL: "http://127.0.0.1:4010/v1",
};

/** app.info of a desktop app whose keychain is missing and whose settings were corrupt. */
export const appInfoWithProblems: AppInfo = {
  version: "0.1.0",
  mode: "desktop",
  simulatorURL: "http://127.0.0.1:4010/v1",
  keychainAvailable: false,
  keychainProblem: "No Secret Service answers on this system. Set OPENAI_API_KEY before starting the app.",
  envKeySet: false,
  notices: ["settings.json was corrupt and was moved aside to settings.corrupt-1.json."],
};

/** A finished two-choice simulator run. */
export function finishedResult(runId: string, overrides: Partial<RunResult> = {}): RunResult {
  return {
    runId,
    model: "sim-chat-1",
    choices: [
      { index: 0, content: "First answer.", refusal: null, toolCalls: [], finishReason: "stop" },
      { index: 1, content: "Second answer, cut", refusal: null, toolCalls: [], finishReason: "length" },
    ],
    usage: { promptTokens: 20, completionTokens: 12, totalTokens: 32 },
    requestId: "req_123",
    provider: simulatorTag,
    metrics: { ttftMs: 42, totalMs: 1500, tokensPerSecond: 8.27, attempts: 1 },
    stopped: false,
    ...overrides,
  };
}
