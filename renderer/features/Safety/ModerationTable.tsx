// Renderer: a moderation verdict: each text checked, flagged or not, with its highest-scoring
// categories (all flagged ones, at least the top three).
import type { ModerationVerdict } from "../../../shared/safety";

/** The verdict as a table per text. */
export function ModerationTable({ verdict, testId }: { verdict: ModerationVerdict; testId: string }) {
  return (
    <div className="moderation-verdict" data-testid={testId} data-flagged={verdict.flagged}>
      <p className={verdict.flagged ? "moderation-flagged" : "moderation-clear"}>
        {verdict.flagged ? "Flagged" : "Not flagged"} <span className="hint">by {verdict.model}</span>
      </p>
      {verdict.results.map((result, i) => (
        <table key={i} className="moderation-scores">
          <caption>
            {result.label}: {result.flagged ? "flagged" : "clear"}
          </caption>
          <tbody>
            {result.scores
              .filter((s, rank) => s.flagged || rank < 3)
              .map((s) => (
                <tr key={s.category} className={s.flagged ? "moderation-flagged" : undefined} data-testid="moderation-category" data-category={s.category} data-flagged={s.flagged}>
                  <th scope="row">{s.category}</th>
                  <td className="mono">{s.score.toFixed(3)}</td>
                  <td>
                    <span className="moderation-bar" style={{ width: `${Math.round(s.score * 100)}%` }} />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
