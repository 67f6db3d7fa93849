// Benchmarks (Node child process): one evaluation run of this app's runner in a fresh process
// against a simulator URL, printing its wall time and memory as one JSON line, so the app's memory
// is measured alone (no simulator, no other bench in the process), as promptfoo's is.
// Usage: node --import tsx test/bench/evalMemoryChild.ts <simulator url> <cases> <concurrency>
import { runApp } from "./evalBench";

const [url, cases, concurrency] = process.argv.slice(2);
if (!url || !cases || !concurrency) throw new Error("usage: evalMemoryChild.ts <simulator url> <cases> <concurrency>");
const result = await runApp({ url }, Number(cases), Number(concurrency), true);
process.stdout.write(`${JSON.stringify(result)}\n`);
