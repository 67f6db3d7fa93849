// Renderer: the run slice: one streamed chat run at a time, from Run to its answer or error.
import { ChatRequest } from "../../shared/chatRequest";
import type {
  ChoiceResult,
  EventPayload,
  ProviderKind,
  ProviderTag,
  RunMetrics,
  RunResult,
} from "../../shared/contract";
import { appError, describeZodError, type AppError } from "../../shared/errors";
import type { RunProgress } from "../../shared/runRecord";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

/** Where a run is; mirrors the answer area's `data-status`. */
export type RunStatus = "idle" | "streaming" | "done" | "stopped" | "failed";

/** One text delta for one choice, as the batcher hands them over. */
export interface ChoiceDelta {
  index: number;
  content: string;
}

export interface RunState {
  runId: string | null;
  status: RunStatus;
  /** The answer so far: appended to while streaming, replaced by the final result. */
  choices: ChoiceResult[];
  result: RunResult | null;
  error: AppError | null;
  /** Who answered (from the result or failure), for the label on the answer. */
  provider: ProviderTag | null;
  metrics: RunMetrics | null;
  /** The kind of the profile the run was sent to, known before the provider tag arrives. */
  sentToKind: ProviderKind | null;
  /** True between pressing Stop and the run's last event. */
  stopping: boolean;
  /** The reasoning summary so far (Responses, reasoning models): streamed, then the result's. */
  reasoning: string;
  /** The last chat.progress of the run (attempts and waits as they happen), with when it arrived (performance.now()). */
  progress: (RunProgress & { receivedAt: number }) | null;
}

export interface RunSlice {
  run: RunState;
  /** Validates the request, then starts a streamed run on the active profile. */
  startRun(): Promise<void>;
  /** Asks the main side to stop the current run; it then finishes with the partial text. */
  stopRun(): Promise<void>;
  /** Appends batched text deltas of the current run. */
  applyDeltas(runId: string, deltas: readonly ChoiceDelta[]): void;
  /** Appends reasoning-summary text of the current run. */
  applyReasoning(runId: string, text: string): void;
  /** Keeps the current run's latest attempts, waits and phase. */
  applyProgress(progress: RunProgress): void;
  /** Ends the current run with its result (normal end or stopped). */
  finishRun(result: RunResult): void;
  /** Ends the current run with an error, keeping whatever text had arrived. */
  failRun(payload: EventPayload<"chat.failed">): void;
}

/** The state before any run. */
export const idleRun: RunState = {
  runId: null,
  status: "idle",
  choices: [],
  result: null,
  error: null,
  provider: null,
  metrics: null,
  sentToKind: null,
  stopping: false,
  reasoning: "",
  progress: null,
};

/** Adds deltas to choices without mutating them; a choice appears when its first delta does. */
export function appendDeltas(choices: readonly ChoiceResult[], deltas: readonly ChoiceDelta[]): ChoiceResult[] {
  const next = [...choices];
  for (const { index, content } of deltas) {
    const at = next.findIndex((c) => c.index === index);
    if (at === -1) next.push({ index, content, refusal: null, toolCalls: [], finishReason: null });
    else next[at] = { ...(next[at] as ChoiceResult), content: (next[at] as ChoiceResult).content + content };
  }
  return next.sort((a, b) => a.index - b.index);
}

/** The run slice. */
export function createRunSlice(deps: StoreDeps): SliceCreator<RunSlice> {
  const { bridge } = deps;
  return (set, get) => {
    const isCurrent = (runId: string) => get().run.runId === runId;
    const failLocally = (error: AppError) =>
      set((s) => ({ run: { ...s.run, status: "failed", error, stopping: false } }));

    return {
      run: idleRun,

      startRun: async () => {
        const state = get();
        if (state.run.status === "streaming") return;
        const parsed = ChatRequest.safeParse(state.request);
        const runId = deps.randomUUID();
        const active = state.profiles.find((p) => p.id === state.activeId);
        // A new run ends the offer to undo a replaced draft: its answer is no longer the one on screen.
        set({ run: { ...idleRun, runId, status: "streaming", sentToKind: active?.kind ?? null }, replacedDraft: null });
        if (!parsed.success) {
          // The draft stays as it is: only the run fails, naming the fields to fix.
          failLocally(appError("invalid_input", `The request is not valid yet: ${describeZodError(parsed.error)}`));
          return;
        }
        const failure = active?.kind === "simulator" && state.simulatorFailure !== "none" ? state.simulatorFailure : undefined;
        try {
          await bridge.call("chat.start", {
            runId,
            profileId: state.activeId,
            request: parsed.data,
            api: state.api,
            ...(state.api === "responses" && Object.keys(state.responsesExtras).length ? { responses: state.responsesExtras } : {}),
            ...(failure ? { simulatorFailure: failure } : {}),
            // The saved experiment version in the playground, kept in the run's history record.
            ...(state.experiments.loaded ? { experiment: { id: state.experiments.loaded.id, version: state.experiments.loaded.version } } : {}),
            // Usage by feature: a lesson's try-it, a tool-calling exchange, or the plain playground.
            feature: state.view === "lessons" ? "lesson" : parsed.data.tools?.length ? "tools" : "playground",
          });
        } catch (err) {
          if (isCurrent(runId) && get().run.status === "streaming") failLocally(toAppError(err));
        }
      },

      stopRun: async () => {
        const { runId, status } = get().run;
        if (!runId || status !== "streaming") return;
        set((s) => ({ run: { ...s.run, stopping: true } }));
        try {
          await bridge.call("chat.cancel", { runId });
        } catch {
          // The main side could not be told; stop listening to this run and keep its partial text.
          if (isCurrent(runId) && get().run.status === "streaming") {
            set((s) => ({ run: { ...s.run, runId: null, status: "stopped", stopping: false } }));
          }
        }
      },

      applyDeltas: (runId, deltas) => {
        if (!isCurrent(runId) || get().run.status !== "streaming" || deltas.length === 0) return;
        set((s) => ({ run: { ...s.run, choices: appendDeltas(s.run.choices, deltas) } }));
      },

      applyReasoning: (runId, text) => {
        if (!isCurrent(runId) || get().run.status !== "streaming" || text === "") return;
        set((s) => ({ run: { ...s.run, reasoning: s.run.reasoning + text } }));
      },

      applyProgress: (progress) => {
        if (!isCurrent(progress.runId) || get().run.status !== "streaming") return;
        set((s) => ({ run: { ...s.run, progress: { ...progress, receivedAt: performance.now() } } }));
      },

      finishRun: (result) => {
        if (!isCurrent(result.runId)) return;
        set((s) => ({
          run: {
            ...s.run,
            status: result.stopped ? "stopped" : "done",
            choices: result.choices,
            result,
            provider: result.provider,
            metrics: result.metrics,
            stopping: false,
            reasoning: result.reasoningSummary ?? s.run.reasoning,
          },
        }));
      },

      failRun: (payload) => {
        if (!isCurrent(payload.runId)) return;
        set((s) => ({
          run: {
            ...s.run,
            status: "failed",
            error: payload.error,
            // The failure event carries what arrived; fall back to what was streamed if it is empty.
            choices: payload.partial.length ? payload.partial : s.run.choices,
            provider: payload.provider,
            metrics: payload.metrics,
            stopping: false,
          },
        }));
      },
    };
  };
}
