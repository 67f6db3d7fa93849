// Main process: the safety gate around a chat run: redacts the request actually sent when redaction
// is on, moderates the (redacted) input before sending and the output before it is shown, and keeps
// the switches in the settings file. The placeholder mapping is dropped here, never stored.
import type { ChatRequest, EventName, EventPayload } from "../../shared/contract";
import { streamedWireBody } from "../../shared/api/responsesBody";
import type { RequestApi, ResponsesExtras } from "../../shared/api/requestApi";
import { redactChatRequest, type RedactionOptions } from "../../shared/redaction";
import type { RunRecord } from "../../shared/runRecord";
import { moderationRecordOf, type ModerationRecord, type ModerationVerdict, type RedactionSummary, type SafetySettings } from "../../shared/safety";
import type { HandlerContext } from "../dispatch";
import { DojoError } from "../errors";
import { flaggedSummary, moderateTexts, moderationModelFor, type LabelledText, type Moderate } from "./moderation";
import type { Connection } from "./openaiClient";
import { refusedRunRecord } from "./refusedRunRecord";
import type { SettingsStore } from "./settingsStore";

/** The redaction options the settings describe. */
export function redactionOptions(settings: SafetySettings): RedactionOptions {
  return { groups: settings.redaction.groups, custom: settings.redaction.custom };
}

/** The texts of a request worth moderating as input: every message with text, labelled by role and position. */
export function inputTexts(request: ChatRequest): LabelledText[] {
  const texts: LabelledText[] = [];
  request.messages.forEach((m, i) => {
    const text = m.content ?? "";
    if (text.trim()) texts.push({ label: `${m.role} message ${i + 1}`, text });
  });
  // The endpoint takes at most 32 inputs at once; the latest messages matter most.
  return texts.slice(-32);
}

/** What the chat handler passes on to the chat service after the gate. */
export interface PreparedRun {
  request: ChatRequest;
  emit: HandlerContext["emit"];
}

export interface SafetyService {
  /** The saved switches. */
  get(): SafetySettings;
  /** Validates (by the settings schema) and saves the switches. */
  save(next: SafetySettings): SafetySettings;
  /**
   * Redaction as saved now, for requests sent outside the playground (an evaluation's): null when
   * it is off, else a function giving the request to send and its counts.
   */
  redactor(): ((request: ChatRequest) => { request: ChatRequest; summary: RedactionSummary }) | null;
  /**
   * Input moderation as saved now, for many requests at once (an evaluation's): null when it is off,
   * else a function giving, per request, what flagged its input or null. Texts go 32 to a call.
   */
  inputModerator(): ((connection: Connection, requests: readonly ChatRequest[]) => Promise<(string | null)[]>) | null;
  /** Output moderation as saved now, for answers outside the playground: null when it is off. */
  outputModerator(): ((connection: Connection, texts: readonly LabelledText[]) => Promise<ModerationVerdict>) | null;
  /** Exactly the body a run of `request` would send now, and the redaction counts. */
  /** The body a run would send now on `api` (Chat Completions when not given), after redaction when it is on. */
  preview(request: ChatRequest, api?: RequestApi, extras?: ResponsesExtras): { applied: boolean; counts: Record<string, number>; body: Record<string, unknown> };
  /** Moderates texts now with a connection. */
  moderate(connection: Connection, texts: readonly LabelledText[]): Promise<ModerationVerdict>;
  /**
   * The gate before a run: redacts, then moderates the input (throws a DojoError when it is flagged
   * or cannot be checked, so nothing is sent), and returns the request to send and an emit that
   * holds the answer back until the output has been moderated.
   */
  prepareRun(args: { runId: string; connection: Connection; request: ChatRequest; emit: HandlerContext["emit"] }): Promise<PreparedRun>;
  /**
   * Adds the run's redaction summary and moderations to its record (the chat service knows nothing
   * of either). The output moderation is appended to the record's list when its check ends.
   */
  annotate(record: RunRecord): RunRecord;
}

/** Texts per moderation call (the endpoint takes at most 32 inputs at once). */
const MODERATION_BATCH = 32;

/** Most redaction summaries kept for runs that have not settled yet (a run always settles; this bounds a leak). */
const MAX_PENDING = 500;

/** What the gate keeps of a run until its record settles. */
interface PendingRun {
  redaction: RedactionSummary;
  /** Null when moderation was off; the output stage is pushed here when its check ends. */
  moderation: ModerationRecord[] | null;
}

/**
 * Builds the service over the settings store; `moderate` is the SDK call (replaceable in tests);
 * `onRefused` receives the record of a run refused by input moderation (nothing was sent).
 */
export function createSafetyService(deps: { store: SettingsStore; moderate?: Moderate; onRefused?: (record: RunRecord) => void }): SafetyService {
  const moderate = deps.moderate ?? moderateTexts;
  const pending = new Map<string, PendingRun>();
  const get = () => deps.store.read().safety;

  function redact(request: ChatRequest, settings: SafetySettings): { request: ChatRequest; summary: RedactionSummary } {
    if (!settings.redaction.enabled) return { request, summary: { applied: false, counts: {} } };
    const out = redactChatRequest(request, redactionOptions(settings));
    return { request: out.request, summary: { applied: true, counts: out.counts } };
  }

  /** Emits the answer only after the output was moderated; text deltas are held back entirely. */
  function gatedEmit(runId: string, connection: Connection, model: string, emit: HandlerContext["emit"], kept: ModerationRecord[]): HandlerContext["emit"] {
    const safeEmit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
      try {
        emit(event, payload);
      } catch {
        /* the window went away: nobody to tell */
      }
    };
    return <E extends EventName>(event: E, payload: EventPayload<E>) => {
      if (event === "chat.delta") return;
      if (event !== "chat.finished" && event !== "chat.failed") return safeEmit(event, payload);
      const choices =
        event === "chat.finished" ? (payload as EventPayload<"chat.finished">).result.choices : (payload as EventPayload<"chat.failed">).partial;
      const texts = choices
        .filter((c) => c.content.trim())
        .map((c) => ({ label: choices.length > 1 ? `answer, choice ${c.index + 1}` : "answer", text: c.content }));
      const check: Promise<ModerationVerdict> = texts.length ? moderate(connection, texts, model) : Promise.resolve({ model, flagged: false, results: [] });
      void check
        .then(
          (verdict) => {
            kept.push(moderationRecordOf("output", verdict));
            safeEmit("safety.moderated", { runId, stage: "output", verdict, error: null });
          },
          (err: unknown) => {
            const error = `The answer could not be moderated, so it is withheld: ${err instanceof Error ? err.message : String(err)}`;
            kept.push({ stage: "output", model, flagged: false, categories: [], error });
            safeEmit("safety.moderated", { runId, stage: "output", verdict: null, error });
          },
        )
        .finally(() => safeEmit(event, payload));
    };
  }

  return {
    get,
    save: (next) => deps.store.update((current) => ({ ...current, safety: next })).safety,
    redactor() {
      const settings = get();
      return settings.redaction.enabled ? (request) => redact(request, settings) : null;
    },
    inputModerator() {
      const settings = get();
      if (!settings.moderation.input) return null;
      return async (connection, requests) => {
        const model = moderationModelFor(connection, settings.moderation.model);
        const texts = requests.flatMap((request, owner) => inputTexts(request).map((labelled) => ({ owner, labelled })));
        const results: ModerationVerdict["results"][number][][] = requests.map(() => []);
        for (let at = 0; at < texts.length; at += MODERATION_BATCH) {
          const chunk = texts.slice(at, at + MODERATION_BATCH);
          const verdict = await moderate(connection, chunk.map((c) => c.labelled), model);
          verdict.results.forEach((result, i) => results[chunk[i]?.owner ?? 0]?.push(result));
        }
        return results.map((own) => (own.some((r) => r.flagged) ? flaggedSummary({ model, flagged: true, results: own }) : null));
      };
    },
    outputModerator() {
      const settings = get();
      if (!settings.moderation.output) return null;
      return (connection, texts) => moderate(connection, texts, moderationModelFor(connection, settings.moderation.model));
    },
    preview(request, api = "chat", extras = {}) {
      const { request: sent, summary } = redact(request, get());
      return { applied: summary.applied, counts: summary.counts, body: streamedWireBody(api, sent, extras) };
    },
    moderate: (connection, texts) => moderate(connection, texts, moderationModelFor(connection, get().moderation.model)),
    async prepareRun({ runId, connection, request, emit }) {
      const startedAt = Date.now();
      const settings = get();
      const { request: sent, summary } = redact(request, settings);
      const moderated = settings.moderation.input || settings.moderation.output;
      const kept: ModerationRecord[] = [];
      if (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value as string);
      pending.set(runId, { redaction: summary, moderation: moderated ? kept : null });
      const model = moderationModelFor(connection, settings.moderation.model);
      /** Records the refusal as a run (nothing was sent) and returns the error to throw. */
      const refuse = (error: DojoError): DojoError => {
        pending.delete(runId);
        deps.onRefused?.(refusedRunRecord({ runId, startedAt, connection, request: sent, body: streamedWireBody("chat", sent), error: error.error, redaction: summary, moderation: kept }));
        return error;
      };
      if (settings.moderation.input) {
        // The redacted text is what is moderated: the moderation endpoint is a provider too.
        let verdict: ModerationVerdict;
        try {
          verdict = await moderate(connection, inputTexts(sent), model);
        } catch (err) {
          const why = err instanceof Error ? err.message : String(err);
          kept.push({ stage: "input", model, flagged: false, categories: [], error: why });
          emit("safety.moderated", { runId, stage: "input", verdict: null, error: why });
          throw refuse(new DojoError("invalid_input", `Input moderation is on but the check failed, so nothing was sent: ${why}`, { code: "moderation_failed" }));
        }
        kept.push(moderationRecordOf("input", verdict));
        emit("safety.moderated", { runId, stage: "input", verdict, error: null });
        if (verdict.flagged) {
          throw refuse(
            new DojoError("invalid_input", `Moderation flagged the input (${flaggedSummary(verdict)}), so it was not sent.`, {
              code: "input_flagged",
              param: "messages",
            }),
          );
        }
      }
      return { request: sent, emit: settings.moderation.output ? gatedEmit(runId, connection, model, emit, kept) : emit };
    },
    annotate(record) {
      const kept = pending.get(record.runId);
      if (!kept) return record;
      pending.delete(record.runId);
      // The same list the output check appends to, so the kept record gains the output stage.
      return { ...record, redaction: kept.redaction, ...(kept.moderation ? { moderation: kept.moderation } : {}) };
    },
  };
}
