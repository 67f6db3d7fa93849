// Renderer: the safety slice: the moderation and redaction switches, the preview of what will leave
// the machine, each run's moderation verdicts, and the placeholder mapping for restoring answers
// locally (held in memory here only: never sent, logged or saved).
import { streamedWireBody } from "../../shared/api/responsesBody";
import type { RequestApi, ResponsesExtras } from "../../shared/api/requestApi";
import { ChatRequest } from "../../shared/chatRequest";
import type { EventPayload } from "../../shared/contract";
import { describeZodError } from "../../shared/errors";
import { redactChatRequest, type Replacement } from "../../shared/redaction";
import type { ModerationVerdict, SafetySettings } from "../../shared/safety";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

/** What the preview shows: the original body and the body that will be sent. */
export interface SafetyPreview {
  original: Record<string, unknown>;
  sent: Record<string, unknown>;
  applied: boolean;
  counts: Record<string, number>;
  /** The playground request this preview describes (the same object): any edit since makes it stale. */
  of: ChatRequest;
  /** The API and Responses settings it was made for (the same objects): a switch makes it stale too. */
  ofApi: RequestApi;
  ofExtras: ResponsesExtras;
}

/** One moderation of a run, as the main side reported it. */
export type ModerationReport = Pick<EventPayload<"safety.moderated">, "verdict" | "error">;

export interface SafetyState {
  settings: SafetySettings | null;
  /** Why loading or the last save failed. */
  error: string | null;
  preview: SafetyPreview | null;
  previewError: string | null;
  /** The panel's "check input now" result. */
  check: ModerationVerdict | null;
  checkError: string | null;
  checking: boolean;
  /** The run the verdicts and placeholders below belong to. */
  runId: string | null;
  input: ModerationReport | null;
  output: ModerationReport | null;
  /** The user chose to see a withheld answer. */
  shownAnyway: boolean;
  /** Placeholders of the run's request and their values, for restoring the answer locally. */
  replacements: Replacement[];
}

export interface SafetySlice {
  safety: SafetyState;
  /** Reads the saved switches. */
  loadSafety(): Promise<void>;
  /** Saves new switches (the main side validates custom patterns); keeps the old ones on failure. */
  saveSafety(next: SafetySettings): Promise<void>;
  /** Asks the main side for exactly the body a run of the current request would send. */
  previewRequest(): Promise<void>;
  /** Moderates the current request's messages now, without sending it. */
  checkInputNow(): Promise<void>;
  /** Called when a run starts: forgets the last run's verdicts and keeps this request's placeholders. */
  beginSafetyRun(runId: string, request: ChatRequest): void;
  /** Records a moderation event of the current run. */
  applyModeration(payload: EventPayload<"safety.moderated">): void;
  /** Shows a withheld answer. */
  showAnyway(): void;
}

const initial: SafetyState = {
  settings: null,
  error: null,
  preview: null,
  previewError: null,
  check: null,
  checkError: null,
  checking: false,
  runId: null,
  input: null,
  output: null,
  shownAnyway: false,
  replacements: [],
};

/** The current request, or a readable reason it is not valid yet. */
function validRequest(request: unknown): { ok: true; request: ChatRequest } | { ok: false; message: string } {
  const parsed = ChatRequest.safeParse(request);
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, message: `The request is not valid yet: ${describeZodError(parsed.error)}` };
}

/** True when the current run's answer must stay hidden: its output was flagged or could not be checked. */
export function selectOutputWithheld(state: { safety: SafetyState; run: { runId: string | null } }): boolean {
  const { safety } = state;
  if (safety.runId !== state.run.runId || !safety.output || safety.shownAnyway) return false;
  return safety.output.error !== null || safety.output.verdict?.flagged === true;
}

/** The safety slice. */
export function createSafetySlice(deps: StoreDeps): SliceCreator<SafetySlice> {
  return (set, get) => {
    const patch = (change: Partial<SafetyState>) => set((s) => ({ safety: { ...s.safety, ...change } }));
    return {
      safety: initial,
      loadSafety: async () => {
        try {
          patch({ settings: await deps.bridge.call("safety.get", {}), error: null });
        } catch (err) {
          patch({ error: `Could not read the safety settings: ${toAppError(err).message}` });
        }
      },
      saveSafety: async (next) => {
        // Shown at once (a switch must not lag the click); put back if the main side refuses it.
        const before = get().safety.settings;
        patch({ settings: next, preview: null });
        try {
          patch({ settings: await deps.bridge.call("safety.save", next), error: null });
        } catch (err) {
          patch({ settings: before, error: toAppError(err).message });
        }
      },
      previewRequest: async () => {
        const of = get().request;
        const valid = validRequest(of);
        if (!valid.ok) return patch({ preview: null, previewError: valid.message });
        try {
          // The body of the API the draft goes out on: a Responses draft previews its Responses body.
          const { api, responsesExtras } = get();
          const out = await deps.bridge.call("safety.preview", { request: valid.request, api, responses: responsesExtras });
          const original = streamedWireBody(api, valid.request, responsesExtras);
          patch({ preview: { original, sent: out.body, applied: out.applied, counts: out.counts, of, ofApi: api, ofExtras: responsesExtras }, previewError: null });
        } catch (err) {
          patch({ preview: null, previewError: toAppError(err).message });
        }
      },
      checkInputNow: async () => {
        const valid = validRequest(get().request);
        if (!valid.ok) return patch({ check: null, checkError: valid.message });
        // What is checked is what would be sent: redacted first when redaction is on.
        const settings = get().safety.settings;
        const sent = settings?.redaction.enabled
          ? redactChatRequest(valid.request, { groups: settings.redaction.groups, custom: settings.redaction.custom }).request
          : valid.request;
        const texts = sent.messages
          .map((m, i) => ({ label: `${m.role} message ${i + 1}`, text: m.content ?? "" }))
          .filter((t) => t.text.trim())
          .slice(-32);
        if (!texts.length) return patch({ check: null, checkError: "There is no text to check." });
        patch({ checking: true, checkError: null });
        try {
          patch({ check: await deps.bridge.call("safety.moderate", { profileId: get().activeId, texts }), checking: false });
        } catch (err) {
          patch({ check: null, checkError: toAppError(err).message, checking: false });
        }
      },
      beginSafetyRun: (runId, request) => {
        const settings = get().safety.settings;
        const replacements = settings?.redaction.enabled
          ? redactChatRequest(request, { groups: settings.redaction.groups, custom: settings.redaction.custom }).replacements
          : [];
        patch({ runId, input: null, output: null, shownAnyway: false, replacements });
      },
      applyModeration: (payload) => {
        if (payload.runId !== get().safety.runId) return;
        patch({ [payload.stage]: { verdict: payload.verdict, error: payload.error } });
      },
      showAnyway: () => patch({ shownAnyway: true }),
    };
  };
}
