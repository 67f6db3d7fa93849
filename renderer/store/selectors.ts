// Renderer: derived views of the store, pure functions tested against fixtures.
import { ChatRequest } from "../../shared/chatRequest";
import { SIMULATOR_PROFILE_ID, type PlaygroundDraft, type ProfileView, type RunResult } from "../../shared/contract";
import { describeZodError } from "../../shared/errors";
import { DEFAULT_STEP_LIMIT } from "../../shared/toolSettings";
import type { AppState } from "./types";

type S = Pick<AppState, "profiles" | "activeId">;

/** The active profile, or undefined before profiles are loaded. */
export function selectActiveProfile(state: S): ProfileView | undefined {
  return state.profiles.find((p) => p.id === state.activeId);
}

/** True when runs go to the built-in simulator. */
export function selectIsSimulatorActive(state: S): boolean {
  return selectActiveProfile(state)?.kind === "simulator";
}

/** What the header badge says, and how it is coloured. */
export interface ProviderBadge {
  label: string;
  detail: string;
  tone: "simulator" | "openai" | "compatible" | "unknown";
}

/** The header badge: always names the provider; for the simulator it says answers are simulated. */
export function selectProviderBadge(state: S): ProviderBadge {
  const profile = selectActiveProfile(state);
  if (!profile) return { label: "No provider yet", detail: "Loading profiles...", tone: "unknown" };
  if (profile.kind === "simulator") {
    return {
      label: "Simulator: answers are simulated, not from a model",
      detail: `Offline simulator at ${profile.effectiveBaseURL || "a local port"}`,
      tone: "simulator",
    };
  }
  const where = profile.effectiveBaseURL || profile.baseURL;
  const kind = profile.kind === "openai" ? "OpenAI" : "OpenAI-compatible";
  return { label: `${kind}: ${profile.name}`, detail: where, tone: profile.kind };
}

/** Profiles in display order: the simulator first, then built-in ones, then by name. */
export function selectSortedProfiles(state: Pick<AppState, "profiles">): ProfileView[] {
  const rank = (p: ProfileView) => (p.id === SIMULATOR_PROFILE_ID || p.kind === "simulator" ? 0 : p.builtIn ? 1 : 2);
  return [...state.profiles].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The model ids the picker offers: the listed models, plus the profile's default if missing. */
export function selectModelOptions(state: Pick<AppState, "models" | "profiles" | "activeId">): string[] {
  const ids = state.models.profileId === state.activeId ? state.models.models.map((m) => m.id) : [];
  const fallback = selectActiveProfile(state)?.defaultModel;
  if (fallback && !ids.includes(fallback)) ids.push(fallback);
  return ids.sort((a, b) => a.localeCompare(b));
}

/** Why the current request cannot be run, or null when it passes the contract's schema. */
export function selectRequestProblem(state: Pick<AppState, "request">): string | null {
  const parsed = ChatRequest.safeParse(state.request);
  return parsed.success ? null : describeZodError(parsed.error);
}

/** True while a run streams. */
export function selectIsRunning(state: Pick<AppState, "run">): boolean {
  return state.run.status === "streaming";
}

/** The draft to save: profile, request, failure choice and tool settings, stamped with `now`. */
export function selectDraft(
  state: Pick<AppState, "activeId" | "request" | "simulatorFailure"> & Partial<Pick<AppState, "toolSettings" | "stepLimit" | "api" | "responsesExtras">>,
  now: number,
): PlaygroundDraft {
  const hasToolSettings = state.toolSettings !== undefined && Object.keys(state.toolSettings).length > 0;
  const stepLimit = state.stepLimit ?? DEFAULT_STEP_LIMIT;
  return {
    version: 1,
    profileId: state.activeId,
    request: state.request,
    ...(state.api ? { api: state.api } : {}),
    ...(state.responsesExtras && Object.keys(state.responsesExtras).length ? { responses: state.responsesExtras } : {}),
    ...(state.simulatorFailure !== "none" ? { simulatorFailure: state.simulatorFailure } : {}),
    ...(hasToolSettings || stepLimit !== DEFAULT_STEP_LIMIT ? { tools: { settings: state.toolSettings ?? {}, stepLimit } } : {}),
    updatedAt: Math.max(0, Math.floor(now)),
  };
}

/** True when the answer on screen came from (or was sent to) the simulator. */
export function selectAnswerIsSimulated(state: Pick<AppState, "run">): boolean {
  return (state.run.provider?.kind ?? state.run.sentToKind) === "simulator";
}

/** The figures shown after a run, formatted; null when there is nothing to show yet. */
export interface RunFigures {
  ttft: string;
  total: string;
  tokensPerSecond: string;
  usage: string;
  finishReasons: string;
  finishHint: string | null;
  requestId: string;
  provider: string;
  attempts: string;
}

const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? "n/a" : value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`;

/** Formats the metrics, usage, finish reasons, request id and provider of the finished run. */
export function selectRunFigures(state: Pick<AppState, "run">): RunFigures | null {
  const { run } = state;
  if (!run.metrics || !run.provider) return null;
  const usage = run.result?.usage ?? null;
  const reasons = [...new Set(run.choices.map((c) => c.finishReason ?? "none"))];
  const providerKind =
    run.provider.kind === "simulator" ? "simulated, not a model" : run.provider.kind === "openai" ? "OpenAI" : "OpenAI-compatible";
  return {
    ttft: ms(run.metrics.ttftMs),
    total: ms(run.metrics.totalMs),
    tokensPerSecond: run.metrics.tokensPerSecond === null ? "n/a" : `${run.metrics.tokensPerSecond.toFixed(1)} tok/s`,
    usage: usage ? usageText(usage) : "not reported",
    finishReasons: reasons.length ? reasons.join(", ") : "none",
    finishHint: finishReasonHint(reasons),
    requestId: run.result?.requestId ?? run.error?.requestId ?? "not reported",
    provider: `${run.provider.profileName}: ${providerKind}${run.provider.baseURL ? `, at ${run.provider.baseURL}` : ""}`,
    attempts: String(run.metrics.attempts),
  };
}

/** Token counts as one line: cached and reasoning tokens are named when the server reported them. */
export function usageText(usage: NonNullable<RunResult["usage"]>): string {
  const cached = usage.cachedPromptTokens !== undefined ? ` (${usage.cachedPromptTokens} cached)` : "";
  const reasoning = usage.reasoningTokens !== undefined ? ` (${usage.reasoningTokens} reasoning)` : "";
  return `${usage.promptTokens} prompt${cached} / ${usage.completionTokens} completion${reasoning} / ${usage.totalTokens} total`;
}

/** A one-line explanation of the finish reasons worth explaining. */
export function finishReasonHint(reasons: readonly string[]): string | null {
  if (reasons.includes("length")) return '"length" = hit the max output tokens (max_completion_tokens; on Responses, status "incomplete" with reason max_output_tokens); the answer is cut off.';
  if (reasons.includes("incomplete")) return '"incomplete" = the response ended before it was complete (see incomplete_details.reason).';
  if (reasons.includes("content_filter")) return '"content_filter" = the answer was withheld by a content filter.';
  if (reasons.includes("tool_calls")) return '"tool_calls" = the model asked to call a tool instead of answering.';
  if (reasons.includes("none")) return '"none" = the run ended before the server said why (stopped or failed).';
  return null;
}
