// Main process: the chat service: streamed runs with stop, plus model listing and connection tests,
// every call under the client policy.
import type { ModelInfo } from "../../shared/contract";
import { DEFAULT_RETRY_POLICY, type ClientPolicy } from "../../shared/retryPolicy";
import { DojoError } from "../errors";
import { createRun, type RunArgs, type RunHandle, type RunSettings } from "./chatRun";
import { listModels, testConnection } from "./models";
import type { Connection } from "./openaiClient";
import { createAnswerCache } from "./reliability/answerCache";
import type { RelayOptions } from "./relay";

export type { Connection } from "./openaiClient";

/** Options of the service; every field has a default from the saved policy, DEFAULT_RETRY_POLICY or the relay. */
export interface ChatServiceOptions {
  /** Minimum ms between two `chat.delta` events of a run (16 is about one frame). */
  relayIntervalMs?: number;
  /** The client policy in force (the saved one, in the app); read at the start of each call. */
  policy?: () => ClientPolicy;
  /** Overrides of single policy fields (tests, benchmarks). */
  idleTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxRetries?: number;
  /** Random numbers in [0, 1) for back-off jitter; default Math.random. */
  random?: () => number;
  /** For benchmarks only: see RelayOptions.onBatchSent. */
  onRelayBatch?: RelayOptions["onBatchSent"];
  /** Receives the full record of every run once it has ended (inspector, history). */
  onRunSettled?: RunSettings["onRunSettled"];
}

/** Streams chat runs to the renderer as events, and answers model questions about a connection. */
export interface ChatService {
  /** Starts a run; emits chat.delta*, then chat.finished or chat.failed. Throws if runId is in use. */
  start(args: RunArgs): void;
  /** Stops a running run (it finishes with stopped: true); false for an unknown or ended run. */
  cancel(runId: string): boolean;
  /** The models the server lists. */
  listModels(connection: Connection): Promise<ModelInfo[]>;
  /** Lists the models once; the latency in ms and how many there are. */
  testConnection(connection: Connection): Promise<{ latencyMs: number; modelCount: number }>;
}

/** Creates the service. Runs are independent; each has its own SDK client and abort controller. */
export function createChatService(options: ChatServiceOptions = {}): ChatService {
  const policy = (): ClientPolicy => {
    const base = options.policy?.() ?? DEFAULT_RETRY_POLICY;
    return {
      ...base,
      ...(options.idleTimeoutMs !== undefined ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
      ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    };
  };
  const settings: RunSettings = {
    relayIntervalMs: options.relayIntervalMs ?? 16,
    policy,
    answers: createAnswerCache(),
    random: options.random,
    onRelayBatch: options.onRelayBatch,
    onRunSettled: options.onRunSettled,
  };
  const runs = new Map<string, RunHandle>();

  return {
    start(args) {
      if (runs.has(args.runId)) {
        throw new DojoError("invalid_input", `Run ${args.runId} is already running: use a new run id.`);
      }
      const handle = createRun(args, settings, () => runs.delete(args.runId));
      runs.set(args.runId, handle);
      void handle.run();
    },
    cancel: (runId) => runs.get(runId)?.cancel() ?? false,
    listModels: (connection) => listModels(connection, policy()),
    testConnection: (connection) => testConnection(connection, policy()),
  };
}
