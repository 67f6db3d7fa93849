// Renderer: the tools slice: each tool's playground settings (mock, sensitivity, limits), the step
// limit, and the current tool round: from an answer's calls to the next request.
import { DEFAULT_STEP_LIMIT, type ToolSettings, type ToolsDraft } from "../../shared/toolSettings";
import type { ChatRequest } from "../../shared/chatRequest";
import { buildContinuation, withoutToolExchange } from "../features/Tools/continuation";
import {
  answerByHand,
  applyArgumentCheck,
  applyEffectFailure,
  applyEffectOutcome,
  canReplay,
  effectsToRun,
  approveCall,
  denyCall,
  parametersOf,
  reportErrors,
  startRound,
  type ToolRound,
} from "../features/Tools/toolRound";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

export interface ToolsSlice {
  /** Settings per tool name; a tool without an entry is answered by hand, not sensitive, no limits. */
  toolSettings: Record<string, ToolSettings>;
  /** Tool rounds allowed after the last user message. */
  stepLimit: number;
  /** The calls of the last answer and what is done with them; null when it called no tool. */
  toolRound: ToolRound | null;
  /** Why the round could not be sent back (step limit, a call still waiting), or null. */
  toolRoundProblem: string | null;
  /** Sets (or replaces) one tool's settings. */
  setToolSettings(name: string, settings: ToolSettings): void;
  /** Moves a tool's settings when the tool is renamed. */
  renameToolSettings(from: string, to: string): void;
  /** Forgets a removed tool's settings. */
  removeToolSettings(name: string): void;
  /** Replaces all tool settings at once (a preset). */
  replaceToolSettings(settings: Record<string, ToolSettings>): void;
  setStepLimit(limit: number): void;
  /** Restores settings and step limit from a saved draft (absent: the defaults). */
  loadToolsDraft(draft: ToolsDraft | undefined): void;
  approveToolCall(id: string): void;
  denyToolCall(id: string): void;
  /** Sets a call's result typed by hand. */
  answerToolCall(id: string, text: string): void;
  /** Sends a call's argument errors back to the model as its result. */
  reportToolCallErrors(id: string): void;
  /** Sends a performed side effect (refund) again with the same idempotency key, as a retry would. */
  replayToolCall(id: string): Promise<void>;
  /** Appends the round to the messages and runs the next step, unless a call waits or the limit is reached. */
  continueToolRound(): Promise<void>;
  /** Removes the tool calls and results after the last user message, to start the exchange over. */
  clearToolExchange(): void;
}

/** The tools slice. Watches the run: a run that starts clears the round, one that ends with calls opens one. */
export function createToolsSlice(deps: StoreDeps): SliceCreator<ToolsSlice> {
  return (set, get, store) => {
    // The tool definitions as sent with each run, so a round checks calls against what the model saw.
    let sent: { runId: string; tools: Pick<ChatRequest, "tools"> } | null = null;

    const checkArguments = (round: ToolRound): void => {
      for (const call of round.calls) {
        if (call.phase !== "checking") continue;
        const schema = parametersOf(sent?.tools ?? {}, call.name);
        const apply = (errors: string[]) => {
          const current = get().toolRound;
          if (current?.runId !== round.runId) return;
          set({ toolRound: applyArgumentCheck(current, call.id, errors, get().toolSettings) });
          runEffects();
        };
        if (!schema) {
          apply([]);
          continue;
        }
        deps.bridge.call("schema.validate", { text: call.arguments, schema }).then(
          (check) => apply(check.errors.map((e) => e.message)),
          (err: unknown) => apply([`The arguments could not be checked: ${toAppError(err).message}`]),
        );
      }
    };

    // Calls whose side effect is on its way to the ledger, so each is sent once per request.
    const inFlight = new Set<string>();

    /** Sends one call's side effect to the main side's ledger and applies the answer to its round. */
    const sendEffect = async (runId: string, id: string): Promise<void> => {
      const call = get().toolRound?.calls.find((c) => c.id === id);
      if (!call?.effect || inFlight.has(id)) return;
      inFlight.add(id);
      const apply = (change: (round: ToolRound) => ToolRound) => {
        const current = get().toolRound;
        if (current?.runId === runId) set({ toolRound: change(current) });
      };
      try {
        const outcome = await deps.bridge.call("effects.refund", call.effect.request);
        apply((round) => applyEffectOutcome(round, id, outcome));
      } catch (err) {
        apply((round) => applyEffectFailure(round, id, toAppError(err).message));
      } finally {
        inFlight.delete(id);
      }
    };

    /** Starts the side effects of calls that were just cleared to run. */
    const runEffects = (): void => {
      const round = get().toolRound;
      if (!round) return;
      for (const call of effectsToRun(round)) void sendEffect(round.runId, call.id);
    };

    store.subscribe((state, previous) => {
      const run = state.run;
      const started = run.status === "streaming" && (previous.run.status !== "streaming" || run.runId !== previous.run.runId);
      if (started && run.runId) {
        sent = { runId: run.runId, tools: { tools: state.request.tools } };
        if (state.toolRound || state.toolRoundProblem) set({ toolRound: null, toolRoundProblem: null });
        return;
      }
      if (run.status === "done" && previous.run.status !== "done" && run.result && sent?.runId === run.runId) {
        const round = startRound(run.result.runId, run.result.choices, sent.tools, state.toolSettings);
        set({ toolRound: round, toolRoundProblem: null });
        if (round) checkArguments(round);
      }
    });

    const withRound = (change: (round: ToolRound) => ToolRound) => {
      const round = get().toolRound;
      if (round) set({ toolRound: change(round), toolRoundProblem: null });
    };

    return {
      toolSettings: {},
      stepLimit: DEFAULT_STEP_LIMIT,
      toolRound: null,
      toolRoundProblem: null,

      setToolSettings: (name, settings) => set((s) => ({ toolSettings: { ...s.toolSettings, [name]: settings } })),
      renameToolSettings: (from, to) =>
        set((s) => {
          if (from === to || !Object.prototype.hasOwnProperty.call(s.toolSettings, from)) return {};
          const { [from]: moved, ...rest } = s.toolSettings;
          return { toolSettings: { ...rest, [to]: moved as ToolSettings } };
        }),
      removeToolSettings: (name) =>
        set((s) => {
          if (!Object.prototype.hasOwnProperty.call(s.toolSettings, name)) return {};
          const { [name]: _removed, ...rest } = s.toolSettings;
          return { toolSettings: rest };
        }),
      replaceToolSettings: (toolSettings) => set({ toolSettings }),
      setStepLimit: (limit) => set({ stepLimit: Math.min(20, Math.max(1, Math.round(limit))) }),
      loadToolsDraft: (draft) => set({ toolSettings: draft?.settings ?? {}, stepLimit: draft?.stepLimit ?? DEFAULT_STEP_LIMIT }),

      approveToolCall: (id) => {
        withRound((round) => approveCall(round, id, get().toolSettings));
        runEffects();
      },
      denyToolCall: (id) => withRound((round) => denyCall(round, id)),
      answerToolCall: (id, text) => withRound((round) => answerByHand(round, id, text)),
      reportToolCallErrors: (id) => withRound((round) => reportErrors(round, id)),
      replayToolCall: async (id) => {
        const round = get().toolRound;
        const call = round?.calls.find((c) => c.id === id);
        if (!round || !call || !canReplay(call)) return;
        await sendEffect(round.runId, id);
      },

      continueToolRound: async () => {
        const { toolRound, request, stepLimit } = get();
        if (!toolRound || get().run.status === "streaming") return;
        const next = buildContinuation(request, toolRound, stepLimit);
        if (!next.ok) {
          set({ toolRoundProblem: next.reason });
          return;
        }
        get().editRequest(() => next.request);
        await get().startRun();
      },

      clearToolExchange: () => {
        get().editRequest((r) => ({ ...r, messages: withoutToolExchange(r.messages) }));
        set({ toolRound: null, toolRoundProblem: null });
      },
    };
  };
}
