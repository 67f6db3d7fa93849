// Renderer: what changed between two saved versions, one line per changed field.
import { useMemo } from "react";
import type { ExperimentState } from "../../../shared/experiments";
import { diffJson } from "../../../shared/jsonDiff";
import { changeText } from "./changeText";

/** The diff table of two versions' states. */
export function VersionDiff({ before, after }: { before: ExperimentState | undefined; after: ExperimentState | undefined }) {
  const changes = useMemo(() => (before && after ? diffJson(before, after) : []), [before, after]);
  if (changes.length === 0) return <p className="hint" data-testid="version-diff-empty">These versions are the same.</p>;
  return (
    <table className="diff-table" data-testid="version-diff">
      <tbody>
        {changes.map((c) => (
          <tr key={c.path} className={c.kind === "added" ? "diff-added" : c.kind === "removed" ? "diff-removed" : undefined}>
            <td>{changeText(c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
