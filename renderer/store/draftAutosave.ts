// Renderer: saves the playground draft shortly after every change, and at once when the page goes away.
import type { Bridge } from "../bridge";
import { PlaygroundDraft } from "../../shared/contract";
import { describeZodError } from "../../shared/errors";
import type { AppStore } from "./createAppStore";
import { selectDraft } from "./selectors";
import { toAppError } from "./toAppError";

/** Timer functions, replaceable by vitest's fake timers or a test's own. */
export interface AutosaveTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface DraftAutosave {
  /** Saves a pending change now (for pagehide / beforeunload). */
  flush(): void;
  /** Stops watching the store; a pending change is dropped. */
  stop(): void;
}

const browserTimers: AutosaveTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Watches the parts of the store that make up the draft (request, active profile, simulator
 * failure) and saves them `delayMs` after the last change. Nothing is saved before the stored
 * draft was loaded, and a draft that fails the contract's schema is not sent (the status says why).
 */
export function startDraftAutosave(options: {
  store: AppStore;
  bridge: Bridge;
  delayMs?: number;
  timers?: AutosaveTimers;
  now?: () => number;
}): DraftAutosave {
  const { store, bridge, delayMs = 400, timers = browserTimers, now = Date.now } = options;
  let handle: unknown = null;

  const save = () => {
    handle = null;
    const state = store.getState();
    const parsed = PlaygroundDraft.safeParse(selectDraft(state, now()));
    if (!parsed.success) {
      state.setDraftStatus({ state: "invalid", message: `Draft not saved until it is valid: ${describeZodError(parsed.error)}` });
      return;
    }
    bridge.call("draft.save", parsed.data).then(
      () => store.getState().setDraftStatus({ state: "saved", message: null }),
      (err: unknown) => store.getState().setDraftStatus({ state: "failed", message: toAppError(err).message }),
    );
  };

  const unsubscribe = store.subscribe((state, previous) => {
    // Nothing before the stored draft was read; and the load itself is not a change to write back.
    if (!state.draftLoaded || !previous.draftLoaded) return;
    const changed =
      state.request !== previous.request ||
      state.api !== previous.api ||
      state.responsesExtras !== previous.responsesExtras ||
      state.activeId !== previous.activeId ||
      state.simulatorFailure !== previous.simulatorFailure ||
      state.toolSettings !== previous.toolSettings ||
      state.stepLimit !== previous.stepLimit;
    if (!changed) return;
    if (handle !== null) timers.clear(handle);
    handle = timers.set(save, delayMs);
  });

  return {
    flush() {
      if (handle === null) return;
      timers.clear(handle);
      save();
    },
    stop() {
      unsubscribe();
      if (handle !== null) timers.clear(handle);
      handle = null;
    },
  };
}
