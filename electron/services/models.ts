// Main process: lists a server's models and times a connection test, through the openai SDK.
import type { ModelInfo } from "../../shared/contract";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../../shared/retryPolicy";
import { DojoError } from "../errors";
import { mapApiError } from "./errorMap";
import { connectionSecrets, createCountingClient, type Connection } from "./openaiClient";

type CallPolicy = Pick<RetryPolicy, "maxRetries" | "requestTimeoutMs">;

/** The models the connection's server lists, sorted by id; throws a DojoError saying what failed. */
export async function listModels(connection: Connection, policy: CallPolicy = DEFAULT_RETRY_POLICY): Promise<ModelInfo[]> {
  let attempts = () => 0;
  try {
    const counting = createCountingClient(connection, policy);
    attempts = counting.attempts;
    const models: ModelInfo[] = [];
    // `for await` follows pagination, should a compatible server page its list.
    for await (const model of counting.client.models.list()) {
      models.push({ id: model.id, ownedBy: model.owned_by ?? "" });
    }
    return models.sort((a, b) => a.id.localeCompare(b.id));
  } catch (err) {
    throw DojoError.from(
      mapApiError(err, {
        secrets: connectionSecrets(connection),
        phase: "request",
        profileName: connection.provider.profileName,
        attempts: attempts(),
        requestTimeoutMs: policy.requestTimeoutMs,
      }),
    );
  }
}

/** Lists the models once and reports how long that took, in whole milliseconds. */
export async function testConnection(
  connection: Connection,
  policy: CallPolicy = DEFAULT_RETRY_POLICY,
): Promise<{ latencyMs: number; modelCount: number }> {
  const started = performance.now();
  const models = await listModels(connection, policy);
  return { latencyMs: Math.round(performance.now() - started), modelCount: models.length };
}
