// Renderer: one run's record: the exact request (key masked), the response headers, the final
// response body, the logprobs token view, and every chunk with its time.
import { useMemo } from "react";
import { SIMULATED_NOTE_HEADER, type RunRecord } from "../../../shared/runRecord";
import { assembleResponse } from "./assembleResponse";
import { ChunkList } from "./ChunkList";
import { HeaderTable } from "./HeaderTable";
import { JsonTree } from "./JsonTree";
import { LogprobTokens } from "./LogprobTokens";
import { RunTimeline } from "../Reliability/RunTimeline";

/** The sections of the inspector for one run. */
export function RunRecordView({ record }: { record: RunRecord }) {
  const assembled = useMemo(() => assembleResponse(record.chunks), [record.chunks]);
  const requestId = record.result?.requestId ?? record.error?.requestId ?? record.response?.headers["x-request-id"] ?? null;
  const withLogprobs = assembled.choices.filter((c) => c.logprobs?.content?.length);
  // The simulator says how it made the answer in a header (the body's schema has no room for it).
  const simulatedNote = record.response?.headers[SIMULATED_NOTE_HEADER] ?? null;
  return (
    <div className="run-record" data-testid="inspector-record" data-run-id={record.runId}>
      <section>
        <h2>Summary</h2>
        <dl className="facts">
          <div>
            <dt>Request id</dt>
            <dd className="mono" data-testid="inspector-request-id" title="Quote it when asking the provider for support.">
              {requestId ?? "not reported"}
            </dd>
          </div>
          <div>
            <dt>Answered by</dt>
            <dd>
              {record.provider.profileName} ({record.provider.kind === "simulator" ? "simulated, not a model" : record.provider.kind})
            </dd>
          </div>
          {simulatedNote ? (
            <div>
              <dt>How the simulator answered</dt>
              <dd data-testid="inspector-simulated-note" title="From the x-dojo-simulated-note response header: the rule the offline simulator applied. No model was involved.">
                {simulatedNote}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Outcome</dt>
            <dd>{record.error ? `failed: ${record.error.message}` : record.result?.stopped ? "stopped by you" : "finished"}</dd>
          </div>
          <div>
            <dt>Attempts</dt>
            <dd>
              {record.attempts.map((a, i) => (
                <span key={i} className="attempt mono">
                  {i > 0 ? ", " : ""}+{a.t.toFixed(0)} ms: {a.status ?? a.error ?? "no response"}
                  {a.retryAfter ? ` (retry-after ${a.retryAfter})` : ""}
                </span>
              ))}
              {record.attempts.length === 0 ? "none sent" : null}
            </dd>
          </div>
          <div>
            <dt>Time</dt>
            <dd className="mono">
              first token {record.metrics.ttftMs === null ? "n/a" : `${record.metrics.ttftMs} ms`}, total {record.metrics.totalMs} ms
            </dd>
          </div>
        </dl>
      </section>

      <section>
        <h2>Timeline</h2>
        <p className="hint">Each attempt, the client's wait after it and why, any fallback step, and the deadline.</p>
        <RunTimeline record={record} testId="inspector-timeline" />
      </section>

      <section>
        <h2>Request</h2>
        <p className="mono wire-line">
          {record.wire.method} {record.wire.url}
        </p>
        <h3>Headers (the key is masked)</h3>
        <HeaderTable headers={record.wire.headers} testId="inspector-request-headers" />
        <h3>Body, exactly as sent</h3>
        <div data-testid="inspector-request-body">
          <JsonTree value={record.wire.body} />
        </div>
      </section>

      <section>
        <h2>Response</h2>
        {record.response ? (
          <>
            <p className="mono">HTTP {record.response.status}</p>
            <HeaderTable headers={record.response.headers} testId="inspector-response-headers" />
          </>
        ) : (
          <p className="hint">No response arrived.</p>
        )}
        <h3>Body: the chunks assembled into the final result</h3>
        <p className="hint">What the same request would have returned with stream: false, rebuilt from the chunks below.</p>
        <div data-testid="inspector-response-body">
          <JsonTree value={assembled} />
        </div>
      </section>

      {withLogprobs.length ? (
        <section>
          <h2>Log probabilities</h2>
          {withLogprobs.map((choice) => (
            <LogprobTokens key={choice.index} logprobs={choice.logprobs?.content ?? []} label={`Choice ${choice.index + 1}`} />
          ))}
        </section>
      ) : record.request.logprobs ? (
        <section>
          <h2>Log probabilities</h2>
          <p className="hint">The request asked for logprobs, but the provider returned none.</p>
        </section>
      ) : null}

      <section>
        <h2>Chunks ({record.chunks.length})</h2>
        <ChunkList chunks={record.chunks} dropped={record.droppedChunks} />
      </section>
    </div>
  );
}
