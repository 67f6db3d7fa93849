// Renderer: exactly what will leave the machine: the whole request body after redaction, with what
// redaction changed highlighted against the body as written.
import { useMemo } from "react";
import { DiffParts } from "../../components/DiffParts";
import { wordDiff } from "../Compare/wordDiff";
import type { SafetyPreview } from "../../store/safetySlice";

/** The preview, diff-highlighted; counts per kind above it. */
export function RedactionPreview({ preview }: { preview: SafetyPreview }) {
  const parts = useMemo(() => wordDiff(JSON.stringify(preview.original, null, 2), JSON.stringify(preview.sent, null, 2)), [preview]);
  const counts = Object.entries(preview.counts);
  return (
    <div className="redaction-preview" data-testid="redaction-preview" data-applied={preview.applied}>
      <p className="hint">
        {preview.applied
          ? counts.length
            ? `Redaction replaced ${counts.map(([kind, n]) => `${n} ${kind}`).join(", ")}. Struck-through text stays on this machine; the highlighted placeholders are sent instead.`
            : "Redaction is on and found nothing to replace."
          : "Redaction is off: this body is sent as written."}
      </p>
      <pre className="mono redaction-body" data-testid="redaction-body">
        <DiffParts parts={parts} />
      </pre>
    </div>
  );
}
