// Renderer: a labelled form control with a one-line hint under it.
import { useId, type ReactNode } from "react";

/** Label, control and hint, tied together for screen readers (the hint describes the control). */
export function Field(props: { label: string; hint?: string; error?: string | null; children: (ids: { id: string; describedBy: string }) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : "", props.error ? errorId : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, describedBy })}
      {props.hint ? (
        <small id={hintId} className="hint">
          {props.hint}
        </small>
      ) : null}
      {props.error ? (
        <small id={errorId} className="field-error" role="alert">
          {props.error}
        </small>
      ) : null}
    </div>
  );
}
