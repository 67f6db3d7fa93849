// Renderer: request or response headers, each explained on hover; the key only ever appears masked.
import { explainHeader } from "./fieldGlossary";

/** A two-column table of headers, sorted by name. */
export function HeaderTable({ headers, testId }: { headers: Record<string, string>; testId: string }) {
  const rows = Object.entries(headers).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return <p className="hint">No headers recorded.</p>;
  return (
    <table className="header-table" data-testid={testId}>
      <tbody>
        {rows.map(([name, value]) => {
          const explanation = explainHeader(name);
          return (
            <tr key={name} data-header={name.toLowerCase()}>
              <th scope="row" className={explanation ? "mono explained" : "mono"} title={explanation ?? undefined}>
                {name}
              </th>
              <td className="mono">{value}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
