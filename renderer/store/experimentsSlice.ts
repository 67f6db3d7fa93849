// Renderer: the experiments slice: the saved experiments list, the one open with its versions, the
// experiment version the playground was loaded from, import/export, trash with undo.
import type { ExperimentFile, ExperimentRef, ExperimentState, ExperimentSummary } from "../../shared/experiments";
import { ExperimentState as ExperimentStateSchema } from "../../shared/experiments";
import { describeZodError } from "../../shared/errors";
import { diffJson } from "../../shared/jsonDiff";
import type { ImportConflict, ImportConflictChoice } from "../../shared/contracts/experiments";
import { selectDraft } from "./selectors";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

/** The playground as an experiment state, keeping `previous`'s notes and tags unless given. */
export function experimentStateOf(
  playground: Parameters<typeof selectDraft>[0],
  previous: ExperimentState | undefined,
  extra: { notes?: string; tags?: string[] } = {},
): { ok: true; state: ExperimentState } | { ok: false; error: string } {
  const { version: _v, updatedAt: _u, ...draft } = selectDraft(playground, 0);
  const parsed = ExperimentStateSchema.safeParse({ ...draft, notes: extra.notes ?? previous?.notes ?? "", tags: extra.tags ?? previous?.tags ?? [] });
  return parsed.success ? { ok: true, state: parsed.data } : { ok: false, error: describeZodError(parsed.error) };
}

/**
 * Whether the playground (as an experiment state) differs from a saved version's state. Notes and
 * tags are the version's own and never differ here.
 */
export function playgroundDiffersFrom(saved: ExperimentState, playground: ExperimentState): boolean {
  return diffJson(saved, playground).length > 0;
}

export interface ExperimentsState {
  list: ExperimentSummary[];
  trash: ExperimentSummary[];
  /** Files in the workspace that could not be read. */
  problems: { file: string; reason: string }[];
  workspaceDir: string;
  query: string;
  /** The experiment shown in the detail pane. */
  open: ExperimentFile | null;
  /** The version of the open experiment a link points at (highlighted in its table), if any. */
  shownVersion: number | null;
  /** Which saved version the playground holds now; runs carry it into history. */
  loaded: (ExperimentRef & { name: string }) | null;
  /** The last failure (import refused, save failed...), in words. */
  error: string | null;
  /** The last success worth telling ("Saved version 3"). */
  message: string | null;
  /** Imported files waiting for the user to say what to do with ids already in the workspace, oldest first. */
  pendingImports: PendingImport[];
}

/** A file the import did not write yet: its text and the experiments in it whose ids are taken. */
export interface PendingImport {
  text: string;
  conflicts: ImportConflict[];
}

/** The user's answer to an import conflict: what the import does, or "cancel" to import nothing. */
export type ImportConflictAnswer = Exclude<ImportConflictChoice, "ask"> | "cancel";

export interface ExperimentsSlice {
  experiments: ExperimentsState;
  loadExperiments(query?: string): Promise<void>;
  openExperiment(id: string): Promise<void>;
  /** Points at one version of the open experiment (a deep link), or at none. */
  showExperimentVersion(version: number | null): void;
  /** Empties the detail pane (Back to the plain list). */
  closeExperiment(): void;
  /** Saves the playground as a new experiment (version 1). */
  saveNewExperiment(name: string, message: string, extra?: { notes?: string; tags?: string[] }): Promise<void>;
  /** Saves the playground as the next version of the open experiment. */
  /** Saves the playground as the open experiment's next version; a playground equal to the latest version is not saved again. */
  saveExperimentVersion(message: string): Promise<void>;
  /** Puts a version's state into the playground. */
  loadVersionIntoPlayground(version: number): Promise<void>;
  restoreExperimentVersion(version: number): Promise<void>;
  renameExperiment(id: string, name: string): Promise<void>;
  duplicateExperiment(id: string): Promise<void>;
  deleteExperiment(id: string): Promise<void>;
  undeleteExperiment(id: string): Promise<void>;
  /** Imports a file; when ids in it are taken, it waits in `pendingImports` for resolveImport. */
  importExperiments(text: string): Promise<void>;
  /** Settles the oldest waiting import: replace, keep both, skip, or cancel it. */
  resolveImport(answer: ImportConflictAnswer): Promise<void>;
  exportExperiments(id?: string): Promise<{ fileName: string; text: string } | null>;
  setWorkspaceDir(dir: string): Promise<void>;
}

const initial: ExperimentsState = { list: [], trash: [], problems: [], workspaceDir: "", query: "", open: null, shownVersion: null, loaded: null, error: null, message: null, pendingImports: [] };

/** "Imported "A", "B"; skipped "C" (kept yours)." */
function importMessage(imported: readonly ExperimentSummary[], skipped: readonly ExperimentSummary[]): string {
  const names = (list: readonly ExperimentSummary[]) => list.map((e) => `"${e.name}"`).join(", ");
  const parts = [imported.length ? `Imported ${names(imported)}` : "Nothing imported"];
  if (skipped.length) parts.push(`skipped ${names(skipped)} (yours kept)`);
  return `${parts.join("; ")}.`;
}

/** The experiments slice. */
export function createExperimentsSlice(deps: StoreDeps): SliceCreator<ExperimentsSlice> {
  return (set, get) => {
    const patch = (change: Partial<ExperimentsState>) => set((s) => ({ experiments: { ...s.experiments, ...change } }));
    /** Runs a call, turning a failure into the slice's error line. */
    const attempt = async <T>(what: string, call: () => Promise<T>): Promise<T | null> => {
      patch({ error: null, message: null });
      try {
        return await call();
      } catch (err) {
        patch({ error: `${what}: ${toAppError(err).message}` });
        return null;
      }
    };
    /** The playground as an experiment state, keeping the open version's notes and tags unless given. */
    const currentState = (extra: { notes?: string; tags?: string[] } = {}): ExperimentState => {
      const parsed = experimentStateOf(get(), get().experiments.open?.versions.at(-1)?.state, extra);
      if (!parsed.ok) throw new Error(`the playground is not valid yet: ${parsed.error}`);
      return parsed.state;
    };
    const showOpen = (file: ExperimentFile, message: string | null) => {
      const latest = file.versions.length;
      patch({ open: file, message, loaded: { id: file.id, version: latest, name: file.name } });
    };

    return {
      experiments: initial,

      loadExperiments: async (query = get().experiments.query) => {
        patch({ query });
        await attempt("The experiments could not be listed", async () => {
          const [active, trash] = await Promise.all([deps.bridge.call("experiments.list", { query }), deps.bridge.call("experiments.list", { trash: true })]);
          // Typing searches as it goes: an answer to an older query must not replace a newer one's.
          if (get().experiments.query !== query) return;
          patch({ list: active.experiments, trash: trash.experiments, problems: active.problems, workspaceDir: active.workspaceDir });
        });
      },

      openExperiment: async (id) => {
        const file = await attempt("The experiment could not be opened", () => deps.bridge.call("experiments.get", { id }));
        if (file) patch({ open: file, shownVersion: null });
      },

      showExperimentVersion: (version) => patch({ shownVersion: version }),

      closeExperiment: () => patch({ open: null, shownVersion: null }),

      saveNewExperiment: async (name, message, extra) => {
        const file = await attempt("Not saved", () => deps.bridge.call("experiments.create", { name, state: currentState(extra), message }));
        if (!file) return;
        await get().loadExperiments();
        showOpen(file, `Saved "${file.name}" as version 1.`);
      },

      saveExperimentVersion: async (message) => {
        const open = get().experiments.open;
        if (!open) return;
        const latest = open.versions.at(-1);
        let state: ExperimentState;
        try {
          state = currentState();
        } catch (err) {
          patch({ error: `Not saved: ${toAppError(err).message}`, message: null });
          return;
        }
        // A version identical to the one before it only makes the history longer and its diff empty.
        if (latest && !playgroundDiffersFrom(latest.state, state)) {
          patch({ error: null, message: `No changes since version ${latest.version}: nothing saved. Edit the playground first.` });
          return;
        }
        const file = await attempt("Not saved", () => deps.bridge.call("experiments.save", { id: open.id, state, message }));
        if (!file) return;
        await get().loadExperiments();
        showOpen(file, `Saved version ${file.versions.length}.`);
      },

      loadVersionIntoPlayground: async (version) => {
        const open = get().experiments.open;
        const chosen = open?.versions.find((v) => v.version === version);
        if (!open || !chosen) return;
        const { state } = chosen;
        if (state.profileId !== get().activeId && get().profiles.some((p) => p.id === state.profileId)) await get().setActiveProfile(state.profileId);
        get().editRequest(() => state.request);
        get().setSimulatorFailure(state.simulatorFailure ?? "none");
        get().loadToolsDraft(state.tools);
        patch({ loaded: { id: open.id, version, name: open.name }, message: `Version ${version} of "${open.name}" is in the playground.` });
      },

      restoreExperimentVersion: async (version) => {
        const open = get().experiments.open;
        if (!open) return;
        const file = await attempt("Not restored", () => deps.bridge.call("experiments.restoreVersion", { id: open.id, version }));
        if (!file) return;
        await get().loadExperiments();
        patch({ open: file });
        await get().loadVersionIntoPlayground(file.versions.length);
        patch({ message: `Version ${version} restored as version ${file.versions.length} and put in the playground.` });
      },

      renameExperiment: async (id, name) => {
        if (await attempt("Not renamed", () => deps.bridge.call("experiments.rename", { id, name }))) {
          await get().loadExperiments();
          if (get().experiments.open?.id === id) await get().openExperiment(id);
          patch({ message: `Renamed to "${name}".` });
        }
      },

      duplicateExperiment: async (id) => {
        const copy = await attempt("Not duplicated", () => deps.bridge.call("experiments.duplicate", { id }));
        if (copy) {
          await get().loadExperiments();
          patch({ message: `Duplicated as "${copy.name}".` });
        }
      },

      deleteExperiment: async (id) => {
        if (await attempt("Not deleted", () => deps.bridge.call("experiments.delete", { id }))) {
          if (get().experiments.open?.id === id) patch({ open: null });
          if (get().experiments.loaded?.id === id) patch({ loaded: null });
          await get().loadExperiments();
          patch({ message: "Moved to the trash." });
        }
      },

      undeleteExperiment: async (id) => {
        const back = await attempt("Not restored from the trash", () => deps.bridge.call("experiments.undelete", { id }));
        if (back) {
          await get().loadExperiments();
          patch({ message: `"${back.name}" is back.` });
        }
      },

      importExperiments: async (text) => {
        const result = await attempt("Import refused", () => deps.bridge.call("experiments.import", { text, onConflict: "ask" }));
        if (!result) return;
        if (result.conflicts.length > 0) {
          patch({ pendingImports: [...get().experiments.pendingImports, { text, conflicts: result.conflicts }] });
          return;
        }
        await get().loadExperiments();
        patch({ message: importMessage(result.imported, result.skipped) });
      },

      resolveImport: async (answer) => {
        const [first, ...rest] = get().experiments.pendingImports;
        if (!first) return;
        patch({ pendingImports: rest });
        if (answer === "cancel") {
          patch({ message: `Import cancelled: nothing from that file was written.` });
          return;
        }
        const result = await attempt("Import refused", () => deps.bridge.call("experiments.import", { text: first.text, onConflict: answer }));
        if (!result) return;
        await get().loadExperiments();
        patch({ message: importMessage(result.imported, result.skipped) });
      },

      exportExperiments: async (id) => {
        const result = await attempt("Not exported", () => deps.bridge.call("experiments.export", id ? { id } : {}));
        // The export still happens; the user learns which files it could not include.
        if (result?.skipped.length) patch({ message: `Exported without ${result.skipped.length} unreadable file${result.skipped.length === 1 ? "" : "s"}: ${result.skipped.map((s) => `${s.file} (${s.reason})`).join("; ")}` });
        return result;
      },

      setWorkspaceDir: async (dir) => {
        const result = await attempt("The folder was not changed", () => deps.bridge.call("experiments.setWorkspace", { dir }));
        if (!result) return;
        patch({ workspaceDir: result.workspaceDir, open: null });
        await get().loadExperiments();
      },
    };
  };
}
