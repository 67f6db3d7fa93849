// Main process: lists a server's models and times a connection test, through the openai SDK,
// under the client policy (our retry loop, the deadline).
import type { ModelInfo } from "../../shared/contract";
import { DEFAULT_RETRY_POLICY, type ClientPolicy } from "../../shared/retryPolicy";
import { DojoError } from "../errors";
import { createCountingClient, type Connection } from "./openaiClient";
import { requestError } from "./reliability/policyError";
import { withPolicy } from "./reliability/withPolicy";

/** The models the connection's server lists, sorted by id; throws a DojoError saying what failed. */
export async function listModels(connection: Connection, policy: ClientPolicy = DEFAULT_RETRY_POLICY): Promise<ModelInfo[]> {
  let attempts = () => 0;
  try {
    // No SDK retries: the policy's loop retries, so each wait is ours.
    const counting = createCountingClient(connection, { requestTimeoutMs: policy.requestTimeoutMs, maxRetries: 0 });
    attempts = counting.attempts;
    return await withPolicy(policy, async (signal) => {
      const models: ModelInfo[] = [];
      // `for await` follows pagination, should a compatible server page its list.
      for await (const model of counting.client.models.list({ signal })) {
        models.push({ id: model.id, ownedBy: model.owned_by ?? "" });
      }
      return models.sort((a, b) => a.id.localeCompare(b.id));
    });
  } catch (err) {
    throw DojoError.from(requestError(err, connection, attempts(), policy.requestTimeoutMs));
  }
}

/** Lists the models once and reports how long that took, in whole milliseconds. */
export async function testConnection(connection: Connection, policy: ClientPolicy = DEFAULT_RETRY_POLICY): Promise<{ latencyMs: number; modelCount: number }> {
  const started = performance.now();
  const models = await listModels(connection, policy);
  return { latencyMs: Math.round(performance.now() - started), modelCount: models.length };
}
