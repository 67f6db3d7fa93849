// Main process (simulator): starts and stops the offline OpenAI-compatible HTTP server on 127.0.0.1.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { handleRequest, type HandlerSettings } from "./handleRequest";
import { RateLimitBudget } from "./rateLimits";
import { SimBatches } from "./batches";
import { newRequestId } from "./respond";
import { BEHAVIOUR_PATH, SimBehaviourControl } from "./behaviour";
import { PromptCache } from "./promptCache";
import { sequenceSeeds, systemSeeds } from "./random";
import { SimResponses } from "./responses/responsesStore";

/** How to run the simulator. */
export interface SimulatorOptions {
  /** Port to bind on 127.0.0.1; default 0 (any free port). */
  port?: number;
  /** When set, any other bearer key gets 401 invalid_api_key; default null (any key accepted). */
  requireKey?: string | null;
  /** Pause between streamed chunks; default 0 (the app uses ~15). */
  tokenDelayMs?: number;
  /** Delay of the "slow_first_byte" failure; default 15000. */
  slowFirstByteMs?: number;
  /** How long a batch takes to complete, ms; default 2000. */
  batchDelayMs?: number;
  /** A pause before every answer, ms (benchmarks); default 0. The x-dojo-latency-ms header overrides it per request. */
  fixedLatencyMs?: number;
  /** How long a background response (Responses API) stays queued, then in progress, ms; default 2000. */
  backgroundDelayMs?: number;
  /**
   * Starts the fresh randomness of unseeded runs from this seed, so a test sees the same answers
   * every time (each run still differs from the last); default: the operating system's randomness.
   */
  randomSeed?: number;
}

/** A simulator that is listening. */
export interface RunningSimulator {
  /** Base URL for the SDK, e.g. "http://127.0.0.1:PORT/v1". */
  url: string;
  /** The control endpoint that sets the behaviour for the next requests (GET, POST, DELETE). */
  behaviourURL: string;
  port: number;
  /** Stops listening, ends every open request and stream, releases every timer and socket. */
  close(): Promise<void>;
}

/** Starts the simulator; resolves once it listens. */
export function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const budget = new RateLimitBudget();
  // One store of responses and one prompt cache, shared by the Responses door and batches over it.
  const responses = new SimResponses(Math.max(0, options.backgroundDelayMs ?? 2_000));
  const promptCache = new PromptCache();
  const seeds = options.randomSeed === undefined ? systemSeeds : sequenceSeeds(options.randomSeed);
  const settings: HandlerSettings = {
    requireKey: options.requireKey ?? null,
    tokenDelayMs: Math.max(0, options.tokenDelayMs ?? 0),
    slowFirstByteMs: Math.max(0, options.slowFirstByteMs ?? 15_000),
    batches: new SimBatches(Math.max(0, options.batchDelayMs ?? 2_000), Date.now, { responses, cache: promptCache, seeds }),
    fixedLatencyMs: Math.max(0, options.fixedLatencyMs ?? 0),
    behaviour: new SimBehaviourControl(budget),
    responses,
    promptCache,
    seeds,
  };
  const sockets = new Set<Socket>();
  const inFlight = new Set<AbortController>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const controller = new AbortController();
    inFlight.add(controller);
    // "close" also fires after a normal end, when nothing waits on the signal any more: only a
    // response cut short (the client left, a stall) is aborted, so a normal one costs no AbortError.
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
      inFlight.delete(controller);
    });
    const exchange = { req, res, requestId: newRequestId(), startedAt: performance.now(), signal: controller.signal, budget };
    void handleRequest(exchange, settings).finally(() => {
      // A handler that returned without ending (a stall released by an abort) must still free the socket.
      if (!res.writableEnded && controller.signal.aborted) res.destroy();
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // A client that sends garbage is answered by Node with 400 and the socket closed; nothing to log.
  server.on("clientError", (_err, socket: Socket) => socket.destroy());

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      let closing: Promise<void> | null = null;
      resolve({
        url: `http://127.0.0.1:${port}/v1`,
        behaviourURL: `http://127.0.0.1:${port}${BEHAVIOUR_PATH}`,
        port,
        close() {
          closing ??= new Promise<void>((done) => {
            server.close(() => done());
            for (const controller of inFlight) controller.abort();
            server.closeAllConnections();
            for (const socket of sockets) socket.destroy();
          });
          return closing;
        },
      });
    });
  });
}
