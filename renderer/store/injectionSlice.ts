// Renderer: the injection lab's slice: which defences are on, each attack's run and verdict, and the
// score table of which attacks got through under each defence set tried.
import { ATTACKS, DEFENCES, allDefences, buildLabRequest, defenceSetLabel, noDefences, type DefenceSet, type Defence } from "../../shared/injectionLab";
import { judgeAnswer, type LabVerdict } from "../../shared/injectionVerdict";
import type { ChatRequest } from "../../shared/chatRequest";
import { runChatToEnd } from "./chatOnce";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

/** One attack run under one defence set. */
export interface AttackRun {
  attackId: string;
  request: ChatRequest;
  status: "running" | "done" | "failed";
  /** The model's raw answer (before the output filter). */
  content: string;
  verdict: LabVerdict | null;
  error: string | null;
}

/** One row of the score table. */
export interface ScoreRow {
  label: string;
  defences: DefenceSet;
  /** Per attack id: the outcome, or "error" when the run failed. */
  outcomes: Record<string, LabVerdict["outcome"] | "error">;
  gotThrough: number;
}

export interface InjectionState {
  defences: DefenceSet;
  running: boolean;
  /** The last defence set's runs, by attack id. */
  runs: Record<string, AttackRun>;
  /** Newest last; one row per defence set (running a set again replaces its row). */
  rows: ScoreRow[];
  /** Who answered the last runs, so a simulated score is never taken for a model's. */
  providerKind: string | null;
  error: string | null;
}

export interface InjectionSlice {
  injection: InjectionState;
  /** Switches one defence. */
  toggleDefence(defence: Defence): void;
  /** Runs every attack under the current defences and records the row. */
  runAttacks(): Promise<void>;
  /** Runs every attack with no defence, each defence alone, and all of them. */
  runMatrix(): Promise<void>;
  /** Empties the score table. */
  clearScores(): void;
}

/** The defence sets "run the matrix" tries: none, each alone, all. */
export function matrixSets(): DefenceSet[] {
  return [noDefences(), ...DEFENCES.map((d) => ({ ...noDefences(), [d]: true })), allDefences()];
}

/** Runs `tasks` with at most `limit` in flight. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** The injection lab slice. */
export function createInjectionSlice(deps: StoreDeps): SliceCreator<InjectionSlice> {
  return (set, get) => {
    const patch = (change: Partial<InjectionState>) => set((s) => ({ injection: { ...s.injection, ...change } }));
    const putRun = (run: AttackRun) => set((s) => ({ injection: { ...s.injection, runs: { ...s.injection.runs, [run.attackId]: run } } }));

    /** Runs the whole library under one defence set and returns its score row. */
    async function runSet(defences: DefenceSet): Promise<ScoreRow> {
      const { activeId, request } = get();
      const model = request.model || "sim-chat-1";
      const outcomes: ScoreRow["outcomes"] = {};
      patch({ runs: {} });
      await pool(
        ATTACKS.map((attack) => async () => {
          const labRequest = buildLabRequest(attack, defences, model);
          putRun({ attackId: attack.id, request: labRequest, status: "running", content: "", verdict: null, error: null });
          try {
            const result = await runChatToEnd(deps.bridge, deps.randomUUID(), activeId, labRequest, "injection");
            patch({ providerKind: result.provider.kind });
            const choice = result.choices[0];
            const content = choice?.content ?? "";
            const verdict = judgeAnswer({ content, toolCalls: choice?.toolCalls ?? [] }, defences);
            outcomes[attack.id] = verdict.outcome;
            putRun({ attackId: attack.id, request: labRequest, status: "done", content, verdict, error: null });
          } catch (err) {
            outcomes[attack.id] = "error";
            putRun({ attackId: attack.id, request: labRequest, status: "failed", content: "", verdict: null, error: toAppError(err).message });
          }
        }),
        3,
      );
      const gotThrough = Object.values(outcomes).filter((o) => o === "leaked").length;
      return { label: defenceSetLabel(defences), defences, outcomes, gotThrough };
    }

    function addRow(row: ScoreRow) {
      set((s) => ({ injection: { ...s.injection, rows: [...s.injection.rows.filter((r) => r.label !== row.label), row] } }));
    }

    async function runAll(sets: DefenceSet[]) {
      if (get().injection.running) return;
      patch({ running: true, error: null });
      try {
        for (const defences of sets) {
          patch({ defences });
          addRow(await runSet(defences));
        }
      } catch (err) {
        patch({ error: toAppError(err).message });
      } finally {
        patch({ running: false });
      }
    }

    return {
      injection: { defences: noDefences(), running: false, runs: {}, rows: [], providerKind: null, error: null },
      toggleDefence: (defence) => {
        if (get().injection.running) return;
        const defences = get().injection.defences;
        patch({ defences: { ...defences, [defence]: !defences[defence] } });
      },
      runAttacks: () => runAll([get().injection.defences]),
      runMatrix: () => runAll(matrixSets()),
      clearScores: () => patch({ rows: [] }),
    };
  };
}
