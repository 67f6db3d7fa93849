// Main process: the chat service: streamed runs with stop, plus model listing and connection tests.
import type { ModelInfo } from "../../shared/contract";
import { DEFAULT_RETRY_POLICY } from "../../shared/retryPolicy";
import { DojoError } from "../errors";
import { createRun, type RunArgs, type RunHandle, type RunSettings } from "./chatRun";
import { listModels, testConnection } from "./models";
import type { Connection } from "./openaiClient";
import type { RelayOptions } from "./relay";

export type { Connection } from "./openaiClient";

/** Options of the service; every field has a default from DEFAULT_RETRY_POLICY or the relay. */
export interface ChatServiceOptions {
  /** Minimum ms between two `chat.delta` events of a run (16 is about one frame). */
  relayIntervalMs?: number;
  /** Ms a started stream may stay silent before it is stopped as stalled. */
  idleTimeoutMs?: number;
  /** Ms one attempt may wait for the response headers. */
  requestTimeoutMs?: number;
  /** Retries after the first attempt (the SDK's). */
  maxRetries?: number;
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
  const settings: RunSettings = {
    relayIntervalMs: options.relayIntervalMs ?? 16,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_RETRY_POLICY.idleTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_RETRY_POLICY.requestTimeoutMs,
    maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
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
    listModels: (connection) => listModels(connection, settings),
    testConnection: (connection) => testConnection(connection, settings),
  };
}
