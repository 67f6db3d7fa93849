// Renderer: the playground slice: the request being edited, its raw JSON twin, the failure to simulate.
import { defaultChatRequest, type ChatRequest } from "../../shared/chatRequest";
import type { SimulatorFailure } from "../../shared/contract";
import { defaultApiFor, type RequestApi, type ResponsesExtras } from "../../shared/api/requestApi";
import { keepChatOnly, notCarried, type NotCarried } from "../../shared/api/responsesBody";
import { bodyToJson, parseBodyJson } from "../features/Playground/requestJson";
import { idleRun, type RunState } from "./runSlice";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

/** The draft and answer a replacement took off the screen, kept so the replacement can be undone. */
export interface ReplacedDraft {
  /** What replaced it, for the banner ("run 3 from History", "the welcome page's example"). */
  label: string;
  request: ChatRequest;
  simulatorFailure: SimulatorFailure;
  run: RunState;
  /** The API and Responses-only settings the old draft went out with. */
  api: RequestApi;
  responsesExtras: ResponsesExtras;
}

export interface PlaygroundSlice {
  /** The request as the form shows it. It may fail the schema while being edited; Run checks. */
  request: ChatRequest;
  /** The API the request goes out on. */
  api: RequestApi;
  /** The settings only the Responses API has. */
  responsesExtras: ResponsesExtras;
  /** What the last switch of API could not carry over (shown until the next switch), or null. */
  apiSwitch: { to: RequestApi; dropped: NotCarried[] } | null;
  /** The raw JSON view's text (the chosen API's body): regenerated on every form edit, kept verbatim while typed into. */
  rawJson: string;
  /** Why the raw JSON text was not taken into the form, or null. */
  rawJsonError: string | null;
  /** The failure the simulator should produce on the next runs ("none" by default). */
  simulatorFailure: SimulatorFailure;
  /** False until the saved draft was read, so autosave never overwrites it with the default. */
  draftLoaded: boolean;
  /** Applies a form edit: the request changes and the JSON view follows. */
  editRequest(edit: (request: ChatRequest) => ChatRequest): void;
  /**
   * Switches the API. Nothing is removed from the draft: what the other API cannot carry is listed
   * (and its controls are disabled), and comes back on a switch back.
   */
  setApi(api: RequestApi): void;
  /** Edits the Responses-only settings. */
  editExtras(edit: (extras: ResponsesExtras) => ResponsesExtras): void;
  /** Sets the model id. */
  setModel(model: string): void;
  /** Takes text typed in the JSON view; only a valid request reaches the form. */
  editRawJson(text: string): void;
  /** Chooses the simulator failure for the next runs. */
  setSimulatorFailure(failure: SimulatorFailure): void;
  /** Reads the saved draft (or starts from the default request) once profiles are known. */
  loadDraft(): Promise<void>;
  /** What the last replacement took away, while it can still be undone; null otherwise. */
  replacedDraft: ReplacedDraft | null;
  /**
   * Puts another request in the playground (from History, an example...), clearing the answer of
   * the old one, and keeps both so Undo brings them back. Nothing is replaced while a run streams.
   */
  replaceDraft(request: ChatRequest, options: { label: string; simulatorFailure?: SimulatorFailure }): boolean;
  /** Brings back the draft and answer the last replacement took away. */
  undoReplaceDraft(): void;
  /** Keeps the replacement: the undo offer goes. */
  dismissReplacedDraft(): void;
}

/** The playground slice. */
export function createPlaygroundSlice(deps: StoreDeps): SliceCreator<PlaygroundSlice> {
  const initial = defaultChatRequest();
  const initialApi = defaultApiFor("simulator");
  return (set, get) => ({
    request: initial,
    api: initialApi,
    responsesExtras: {},
    apiSwitch: null,
    rawJson: bodyToJson(initialApi, initial, {}),
    rawJsonError: null,
    simulatorFailure: "none",
    draftLoaded: false,
    replacedDraft: null,

    editRequest: (edit) => {
      const request = edit(get().request);
      set({ request, rawJson: bodyToJson(get().api, request, get().responsesExtras), rawJsonError: null });
    },

    setApi: (api) => {
      if (api === get().api) return;
      const { request, responsesExtras } = get();
      set({ api, apiSwitch: { to: api, dropped: notCarried(api, request, responsesExtras) }, rawJson: bodyToJson(api, request, responsesExtras), rawJsonError: null });
    },

    editExtras: (edit) => {
      const responsesExtras = edit(get().responsesExtras);
      set({ responsesExtras, rawJson: bodyToJson(get().api, get().request, responsesExtras), rawJsonError: null });
    },

    replaceDraft: (request, { label, simulatorFailure = "none" }) => {
      const { run } = get();
      if (run.status === "streaming") {
        get().addNotice("Stop the running request first: the playground keeps its draft while it streams.", "warning");
        return false;
      }
      const { request: old, simulatorFailure: oldFailure, api, responsesExtras } = get();
      const replaced: ReplacedDraft = { label, request: old, simulatorFailure: oldFailure, run, api, responsesExtras };
      get().editRequest(() => request);
      get().setSimulatorFailure(simulatorFailure);
      set({ run: idleRun, replacedDraft: replaced });
      return true;
    },

    undoReplaceDraft: () => {
      const replaced = get().replacedDraft;
      if (!replaced || get().run.status === "streaming") return;
      get().editRequest(() => replaced.request);
      get().setSimulatorFailure(replaced.simulatorFailure);
      set({ run: replaced.run, replacedDraft: null, api: replaced.api, apiSwitch: null, responsesExtras: replaced.responsesExtras });
      get().editExtras((extras) => extras); // the JSON view follows the restored API and settings
    },

    dismissReplacedDraft: () => set({ replacedDraft: null }),

    setModel: (model) => get().editRequest((r) => ({ ...r, model })),

    editRawJson: (text) => {
      const parsed = parseBodyJson(get().api, text, get().responsesExtras);
      if (!parsed.ok) return set({ rawJson: text, rawJsonError: parsed.error });
      const request = get().api === "responses" ? keepChatOnly(get().request, parsed.request) : parsed.request;
      set({ rawJson: text, request, responsesExtras: parsed.extras, rawJsonError: null });
    },

    setSimulatorFailure: (simulatorFailure) => set({ simulatorFailure }),

    loadDraft: async () => {
      let draft = null;
      try {
        draft = await deps.bridge.call("draft.load", {});
      } catch (err) {
        get().addNotice(`The saved playground draft could not be read: ${toAppError(err).message}`, "warning");
      }
      // The draft names the profile it was written for; when that profile still exists it becomes
      // active again (before the request is set, since activation may change the model).
      if (draft && draft.profileId !== get().activeId && get().profiles.some((p) => p.id === draft.profileId)) {
        await get().setActiveProfile(draft.profileId);
      }
      const active = get().profiles.find((p) => p.id === get().activeId);
      const request = draft?.request ?? defaultChatRequest(active?.defaultModel || undefined);
      // An older draft has no API: it loads as it was and takes the profile's default API, saying
      // what of it that API cannot send, as a switch by hand does.
      const api = draft?.api ?? defaultApiFor(active?.kind);
      const responsesExtras = draft?.responses ?? {};
      const dropped = draft && !draft.api ? notCarried(api, request, responsesExtras) : [];
      get().loadToolsDraft(draft?.tools);
      set({
        request,
        api,
        responsesExtras,
        apiSwitch: dropped.length ? { to: api, dropped } : null,
        rawJson: bodyToJson(api, request, responsesExtras),
        rawJsonError: null,
        simulatorFailure: draft?.simulatorFailure ?? "none",
        draftLoaded: true,
      });
    },
  });
}
