// Renderer: the compare slice: two to four variants of a request run side by side, each with its
// own stream, and variance batches (one request run N times per temperature).
import { ChatRequest } from "../../shared/chatRequest";
import type { ChoiceResult, RunMetrics, RunResult } from "../../shared/contract";
import { appError, describeZodError, type AppError } from "../../shared/errors";
import { createRunTracker, type RunTracker } from "../features/Compare/runTracker";
import { answerOf, type VarianceOutcome } from "../features/Compare/variance";
import { parseRequestJson, requestToJson } from "../features/Playground/requestJson";
import { appendDeltas, type ChoiceDelta } from "./runSlice";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

/** Fewest and most variants side by side. */
export const MIN_VARIANTS = 2;
export const MAX_VARIANTS = 4;
/** Runs of a variance batch in flight at once: enough to be quick, few enough not to trip rate limits. */
export const VARIANCE_CONCURRENCY = 3;
/** Most runs a variance batch may ask for, per temperature. */
export const MAX_VARIANCE_RUNS = 50;

/** One variant's latest run. */
export interface VariantRun {
  runId: string | null;
  status: "idle" | "streaming" | "done" | "stopped" | "failed";
  choices: ChoiceResult[];
  result: RunResult | null;
  error: AppError | null;
  metrics: RunMetrics | null;
}

/** One column of the comparison: its request, as JSON text being edited, and its run. */
export interface CompareVariant {
  id: number;
  request: ChatRequest;
  /** The JSON the variant's editor shows; kept verbatim while invalid. */
  requestText: string;
  textError: string | null;
  run: VariantRun;
}

/** A variance batch in progress or finished. */
export interface VarianceState {
  status: "idle" | "running" | "done" | "cancelled";
  request: ChatRequest | null;
  temperatures: number[];
  runsPerTemperature: number;
  /** Runs that ended so far. */
  outcomes: VarianceOutcome[];
  total: number;
  /** Why the batch could not start, or null. */
  error: string | null;
}

export interface CompareSlice {
  variants: CompareVariant[];
  variance: VarianceState;
  /** Starts over with two copies of the playground's request. */
  resetVariants(): void;
  /** Adds a copy of the last variant (up to four). */
  addVariant(): void;
  /** Removes a variant (two always stay). */
  removeVariant(id: number): void;
  /** Applies a form edit (model, temperature...) to one variant. */
  editVariant(id: number, edit: (request: ChatRequest) => ChatRequest): void;
  /** Takes text typed in a variant's JSON editor; only a valid request replaces the variant's. */
  editVariantJson(id: number, text: string): void;
  /** Runs every variant in parallel on the active profile. */
  runVariants(): Promise<void>;
  /** Stops every variant still streaming. */
  stopVariants(): Promise<void>;
  /** Runs the playground's request `runsPerTemperature` times at each temperature. */
  startVariance(temperatures: number[], runsPerTemperature: number): Promise<void>;
  /** Stops the batch: queued runs never start, running ones are cancelled. */
  cancelVariance(): Promise<void>;
}

const idleVariantRun: VariantRun = { runId: null, status: "idle", choices: [], result: null, error: null, metrics: null };
const idleVariance: VarianceState = { status: "idle", request: null, temperatures: [], runsPerTemperature: 0, outcomes: [], total: 0, error: null };

/** The compare slice. */
export function createCompareSlice(deps: StoreDeps): SliceCreator<CompareSlice> {
  let tracker: RunTracker | null = null;
  const runs = () => (tracker ??= createRunTracker(deps.bridge));
  let nextId = 1;
  const variantOf = (request: ChatRequest): CompareVariant => ({
    id: nextId++,
    request,
    requestText: requestToJson(request),
    textError: null,
    run: idleVariantRun,
  });
  // The variance batch in flight: ids of running runs, and a generation number so a cancelled
  // batch's late events cannot touch a newer one.
  let varianceGeneration = 0;
  const varianceRunning = new Set<string>();

  return (set, get) => {
    const updateVariant = (id: number, change: (v: CompareVariant) => CompareVariant) =>
      set((s) => ({ variants: s.variants.map((v) => (v.id === id ? change(v) : v)) }));
    const updateRun = (id: number, runId: string, change: (run: VariantRun) => VariantRun) =>
      updateVariant(id, (v) => (v.run.runId === runId ? { ...v, run: change(v.run) } : v));

    /** Starts run `runId` through chat.start; `handlers.onEnd` always runs once, also when the call fails. */
    const startOne = async (
      runId: string,
      request: ChatRequest,
      handlers: {
        /** Which tool sent it, for usage by feature. */
        feature: "compare" | "variance";
        onDeltas?: (deltas: ChoiceDelta[]) => void;
        onEnd: (result: RunResult | null, error: AppError | null, partial: ChoiceResult[], metrics: RunMetrics | null) => void;
      },
    ): Promise<void> => {
      const untrack = runs().track(runId, {
        onDeltas: handlers.onDeltas,
        onFinished: (result) => handlers.onEnd(result, null, result.choices, result.metrics),
        onFailed: (payload) => handlers.onEnd(null, payload.error, payload.partial, payload.metrics),
      });
      try {
        await deps.bridge.call("chat.start", { runId, profileId: get().activeId, request, feature: handlers.feature });
      } catch (err) {
        untrack();
        handlers.onEnd(null, toAppError(err), [], null);
      }
    };

    return {
      variants: [],
      variance: idleVariance,

      resetVariants: () => {
        const request = get().request;
        set({ variants: [variantOf(request), variantOf(request)] });
      },

      addVariant: () => {
        const { variants } = get();
        const last = variants.at(-1);
        if (variants.length >= MAX_VARIANTS || !last) return;
        set({ variants: [...variants, variantOf(last.request)] });
      },

      removeVariant: (id) => {
        const { variants } = get();
        if (variants.length <= MIN_VARIANTS) return;
        set({ variants: variants.filter((v) => v.id !== id) });
      },

      editVariant: (id, edit) =>
        updateVariant(id, (v) => {
          const request = edit(v.request);
          return { ...v, request, requestText: requestToJson(request), textError: null };
        }),

      editVariantJson: (id, text) =>
        updateVariant(id, (v) => {
          const parsed = parseRequestJson(text);
          return parsed.ok ? { ...v, request: parsed.request, requestText: text, textError: null } : { ...v, requestText: text, textError: parsed.error };
        }),

      runVariants: async () => {
        const { variants } = get();
        if (variants.some((v) => v.run.status === "streaming")) return;
        const planned = variants.map((variant) => ({ variant, runId: deps.randomUUID(), parsed: ChatRequest.safeParse(variant.request) }));
        // Every column shows its state at once; invalid ones fail without a call.
        set({
          variants: planned.map(({ variant, runId, parsed }) => ({
            ...variant,
            run: parsed.success
              ? { ...idleVariantRun, runId, status: "streaming" }
              : { ...idleVariantRun, runId, status: "failed", error: appError("invalid_input", `This variant is not a valid request: ${describeZodError(parsed.error)}`) },
          })),
        });
        await Promise.all(
          planned.map(({ variant, runId, parsed }) =>
            parsed.success
              ? startOne(runId, parsed.data, {
                  feature: "compare",
                  onDeltas: (deltas) => updateRun(variant.id, runId, (r) => ({ ...r, choices: appendDeltas(r.choices, deltas) })),
                  onEnd: (result, error, partial, metrics) =>
                    updateRun(variant.id, runId, (r) => ({
                      ...r,
                      status: result ? (result.stopped ? "stopped" : "done") : "failed",
                      choices: result ? result.choices : partial.length ? partial : r.choices,
                      result,
                      error,
                      metrics,
                    })),
                })
              : Promise.resolve(),
          ),
        );
      },

      stopVariants: async () => {
        const streaming = get().variants.filter((v) => v.run.status === "streaming" && v.run.runId);
        await Promise.all(streaming.map((v) => deps.bridge.call("chat.cancel", { runId: v.run.runId as string }).catch(() => null)));
      },

      startVariance: async (temperatures, runsPerTemperature) => {
        if (get().variance.status === "running") return;
        const parsed = ChatRequest.safeParse(get().request);
        if (!parsed.success) {
          set({ variance: { ...idleVariance, error: `The playground's request is not valid yet: ${describeZodError(parsed.error)}` } });
          return;
        }
        const count = Math.max(1, Math.min(MAX_VARIANCE_RUNS, Math.floor(runsPerTemperature)));
        const queue = temperatures.flatMap((temperature) => Array.from({ length: count }, () => temperature));
        const generation = ++varianceGeneration;
        varianceRunning.clear();
        set({ variance: { status: "running", request: parsed.data, temperatures, runsPerTemperature: count, outcomes: [], total: queue.length, error: null } });

        const current = () => generation === varianceGeneration && get().variance.status === "running";
        const record = (outcome: VarianceOutcome) => {
          if (generation !== varianceGeneration) return;
          set((s) => {
            const outcomes = [...s.variance.outcomes, outcome];
            const finished = s.variance.status === "running" && outcomes.length >= s.variance.total;
            return { variance: { ...s.variance, outcomes, status: finished ? "done" : s.variance.status } };
          });
        };
        // A few workers take runs from the queue; each waits for its run's end before the next.
        const worker = async () => {
          while (current() && queue.length) {
            const temperature = queue.shift() as number;
            const runId = deps.randomUUID();
            varianceRunning.add(runId);
            await new Promise<void>((resolve) => {
              void startOne(runId, { ...parsed.data, temperature }, {
                feature: "variance",
                onEnd: (result) => {
                  varianceRunning.delete(runId);
                  const status = result ? (result.stopped ? "stopped" : "done") : "failed";
                  record({ temperature, status, answer: status === "done" ? answerOf(result?.choices[0]) : null });
                  resolve();
                },
              });
            });
          }
        };
        await Promise.all(Array.from({ length: Math.min(VARIANCE_CONCURRENCY, queue.length) }, worker));
      },

      cancelVariance: async () => {
        if (get().variance.status !== "running") return;
        set((s) => ({ variance: { ...s.variance, status: "cancelled" } }));
        const running = [...varianceRunning];
        varianceRunning.clear();
        await Promise.all(running.map((runId) => deps.bridge.call("chat.cancel", { runId }).catch(() => null)));
      },
    };
  };
}
