// Renderer: each profile's budget: daily and monthly caps in dollars or tokens, what has been spent,
// and the warning at 80%.
import { useState } from "react";
import { formatUsd } from "../../../shared/formatUsd";
import type { BudgetStatus } from "../../../shared/contracts/usage";
import type { Budget } from "../../../shared/reliability";
import { NumberInput } from "../../components/NumberInput";
import { useAppStore } from "../../store/appStore";

const CAPS: { key: keyof Budget; label: string }[] = [
  { key: "dailyUsd", label: "Daily $" },
  { key: "monthlyUsd", label: "Monthly $" },
  { key: "dailyTokens", label: "Daily tokens" },
  { key: "monthlyTokens", label: "Monthly tokens" },
];

/** One profile's row of caps. */
function BudgetRow({ status }: { status: BudgetStatus }) {
  const saveBudget = useAppStore((s) => s.saveBudget);
  const [draft, setDraft] = useState<Budget>(status.budget);
  const changed = JSON.stringify(draft) !== JSON.stringify(status.budget);
  return (
    <tr data-testid="budget-row" data-profile={status.profileId}>
      <th scope="row">{status.profileName}</th>
      {CAPS.map((cap) => (
        <td key={cap.key}>
          <NumberInput
            id={`budget-${status.profileId}-${cap.key}`}
            testId={`budget-${cap.key}`}
            value={draft[cap.key] ?? undefined}
            min={0}
            placeholder="no cap"
            onChange={(v) => setDraft((d) => ({ ...d, [cap.key]: v === undefined || v <= 0 ? null : cap.key.endsWith("Tokens") ? Math.round(v) : v }))}
          />
        </td>
      ))}
      <td className="mono">
        today {formatUsd(status.day.usd)} / {status.day.tokens.toLocaleString("en-US")} tok; month {formatUsd(status.month.usd)} / {status.month.tokens.toLocaleString("en-US")} tok
        {status.warnings.map((w) => (
          <p key={w} className="budget-warning" role="status">
            {w}
          </p>
        ))}
      </td>
      <td>
        <button type="button" data-testid="budget-save" disabled={!changed} onClick={() => void saveBudget(status.profileId, draft)}>
          Save
        </button>
      </td>
    </tr>
  );
}

/** Every profile's budget. */
export function BudgetPanel() {
  const budgets = useAppStore((s) => s.usage.budgets);
  return (
    <section className="budget-panel" aria-labelledby="budget-title">
      <h2 id="budget-title">Budgets</h2>
      <p className="hint">A run that could pass a cap (its prompt plus the longest answer it allows) is refused before sending and spends nothing; a warning shows at 80%. The simulator is free, so practise with a token cap.</p>
      <table className="budget-table">
        <thead>
          <tr>
            <th>Profile</th>
            {CAPS.map((c) => (
              <th key={c.key}>{c.label}</th>
            ))}
            <th>Spent</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {budgets.map((b) => (
            <BudgetRow key={`${b.profileId}:${JSON.stringify(b.budget)}`} status={b} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
