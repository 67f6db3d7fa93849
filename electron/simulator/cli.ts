// Node (simulator CLI): runs the simulator alone, e.g. `npm run simulator -- --port 8787 --token-delay-ms 15`.
import { parseArgs } from "node:util";
import { startSimulator } from "./server";

/** Reads a non-negative integer flag, or exits with a usage message. */
function integerFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} needs a whole number >= 0, got "${value}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      "token-delay-ms": { type: "string" },
      "slow-first-byte-ms": { type: "string" },
      "fixed-latency-ms": { type: "string" },
      "batch-delay-ms": { type: "string" },
      "require-key": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log("Usage: simulator [--port N] [--token-delay-ms N] [--slow-first-byte-ms N] [--fixed-latency-ms N] [--batch-delay-ms N] [--require-key KEY]");
    return;
  }
  const simulator = await startSimulator({
    port: integerFlag("port", values.port),
    tokenDelayMs: integerFlag("token-delay-ms", values["token-delay-ms"]) ?? 15,
    slowFirstByteMs: integerFlag("slow-first-byte-ms", values["slow-first-byte-ms"]),
    // A pause before every answer (benchmarks run the simulator in its own process with this).
    fixedLatencyMs: integerFlag("fixed-latency-ms", values["fixed-latency-ms"]),
    batchDelayMs: integerFlag("batch-delay-ms", values["batch-delay-ms"]),
    requireKey: values["require-key"] ?? null,
  });
  // The required key is never printed: only whether one is required.
  console.log(`Prompt Dojo simulator (no model, simulated answers) listening at ${simulator.url}`);
  if (values["require-key"]) console.log("Requests must send the configured key (Authorization: Bearer ...).");
  const stop = (signal: string) => {
    console.log(`${signal}: closing the simulator`);
    void simulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(`simulator: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
