// Renderer: the idempotency lesson: a side-effecting mock tool (create_refund) called with or
// without an idempotency key, with a lost response to retry after, and the ledger of refunds made.
import { useEffect, useState } from "react";
import { Field } from "../../components/Field";
import { NumberInput } from "../../components/NumberInput";
import { useAppStore } from "../../store/appStore";

/** A fresh key, as a client would make one per operation (not per attempt). */
function newKey(): string {
  return `refund-${crypto.randomUUID().slice(0, 8)}`;
}

/** The lab. */
export function IdempotencyLab() {
  const { refunds, lastRefund } = useAppStore((s) => s.reliability);
  const callRefund = useAppStore((s) => s.callRefund);
  const loadRefunds = useAppStore((s) => s.loadRefunds);
  const resetRefunds = useAppStore((s) => s.resetRefunds);
  const [orderId, setOrderId] = useState("A1234");
  const [amount, setAmount] = useState<number | undefined>(40);
  const [useKey, setUseKey] = useState(true);
  const [key, setKey] = useState(newKey);
  const [loseResponse, setLoseResponse] = useState(true);
  useEffect(() => {
    void loadRefunds();
  }, [loadRefunds]);
  const send = (lose: boolean) => void callRefund({ orderId, amount: amount ?? 0, idempotencyKey: useKey ? key : null, loseResponse: lose });
  return (
    <section className="idempotency-lab" aria-labelledby="idempotency-title">
      <h2 id="idempotency-title">Idempotency: retrying a call that moves money</h2>
      <p className="hint">
        create_refund has a side effect. If its response is lost, the client cannot tell whether the refund happened. Retrying with the same idempotency key returns the first result; retrying without one makes a second refund.
      </p>
      <div className="inline-fields">
        <Field label="Order id">{({ id }) => <input id={id} value={orderId} onChange={(e) => setOrderId(e.target.value)} />}</Field>
        <Field label="Amount (EUR)">{({ id }) => <NumberInput id={id} value={amount} min={0.01} onChange={setAmount} />}</Field>
        <label className="checkbox">
          <input type="checkbox" data-testid="refund-use-key" checked={useKey} onChange={(e) => setUseKey(e.target.checked)} /> send an idempotency key
        </label>
        {useKey ? (
          <Field label="Idempotency key">
            {({ id }) => <input id={id} className="mono" data-testid="refund-key" value={key} onChange={(e) => setKey(e.target.value)} />}
          </Field>
        ) : null}
        <label className="checkbox">
          <input type="checkbox" checked={loseResponse} onChange={(e) => setLoseResponse(e.target.checked)} /> lose the first response
        </label>
      </div>
      <div className="button-row">
        <button type="button" data-testid="refund-send" onClick={() => send(loseResponse)}>
          Call create_refund
        </button>
        <button type="button" data-testid="refund-retry" onClick={() => send(false)}>
          Retry the same call
        </button>
        <button type="button" className="button-quiet" onClick={() => setKey(newKey())}>
          New key (a new operation)
        </button>
        <button type="button" className="button-quiet" onClick={() => void resetRefunds()}>
          Empty the ledger
        </button>
      </div>
      {lastRefund ? (
        <p className={`refund-outcome outcome-${lastRefund.outcome}`} data-testid="refund-outcome" data-outcome={lastRefund.outcome} role="status">
          {lastRefund.message}
        </p>
      ) : null}
      <h3>Ledger: {refunds.length} refund{refunds.length === 1 ? "" : "s"} made</h3>
      <table className="ledger" data-testid="refund-ledger" data-count={refunds.length}>
        <thead>
          <tr>
            <th>Refund</th>
            <th>Order</th>
            <th>Amount</th>
            <th>Key</th>
          </tr>
        </thead>
        <tbody>
          {refunds.map((r) => (
            <tr key={r.id}>
              <td className="mono">{r.id}</td>
              <td>{r.orderId}</td>
              <td>{r.amount}</td>
              <td className="mono">{r.idempotencyKey ?? "none"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
