// End-to-end helper: fills a running app's data folder the way other tests and a real user do, through
// the app's own channels: finished runs in history and usage, a saved experiment with two versions, a
// dataset with assertions and a finished evaluation run, lesson progress with a quiz and review cards.
import { randomUUID } from "node:crypto";
import { defaultChatRequest } from "../../shared/chatRequest";
import { callApp, type RunningApp } from "./harness";

/** Waits until `check` holds, polling; throws with `what` after the deadline. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`fillDataFolder: ${what} did not happen in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Fills the app's data folder; returns the ids it made. */
export async function fillDataFolder(app: RunningApp): Promise<{ experimentId: string; datasetId: string; evalRunId: string }> {
  const request = { ...defaultChatRequest(), messages: [{ role: "user" as const, content: "Name the capital of France in one word." }] };
  for (const temperature of [0, 0.7, 1.2]) {
    await callApp(app, "chat.start", { runId: randomUUID(), profileId: "simulator", request: { ...request, temperature } });
  }
  // A failed run too, so history holds an error.
  await callApp(app, "chat.start", { runId: randomUUID(), profileId: "simulator", request, simulatorFailure: "server_error" });
  await until("four runs in history", async () => (await callApp<{ runs: unknown[] }>(app, "history.list", {})).runs.length >= 4);

  const experiment = await callApp<{ id: string }>(app, "experiments.create", { name: "Capital quiz", state: { profileId: "simulator", request }, message: "first try" });
  await callApp(app, "experiments.save", { id: experiment.id, state: { profileId: "simulator", request: { ...request, temperature: 0 }, notes: "deterministic", tags: ["quiz"] }, message: "temperature 0" });

  const dataset = await callApp<{ id: string }>(app, "evals.datasets.import", {
    name: "Capitals",
    fileName: "capitals.csv",
    text: "country,expected\nFrance,Paris\nItaly,Rome\nPortugal,Lisbon\n",
    assertions: [{ type: "contains", value: "{{expected}}" }, { type: "finish-reason", value: "stop" }],
  });
  const variantRequest = { ...request, messages: [{ role: "user" as const, content: "What is the capital of {{country}}?" }] };
  const { evalRunId } = await callApp<{ evalRunId: string }>(app, "evals.start", {
    datasetId: dataset.id,
    variants: [{ label: "v1", profileId: "simulator", request: variantRequest }],
    settings: { concurrency: 2, cache: false, mode: "direct" },
  });
  await until("the evaluation run to finish", async () => (await callApp<{ status: string }>(app, "evals.get", { evalRunId })).status !== "running");

  await callApp(app, "lessons.markRead", { lessonId: "what-the-api-is" });
  await callApp(app, "lessons.submitQuiz", { lessonId: "what-the-api-is", answers: [0, 0, 0] }).catch(() => undefined);
  return { experimentId: experiment.id, datasetId: dataset.id, evalRunId };
}
