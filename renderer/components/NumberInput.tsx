// Renderer: a number input that keeps half-typed text ("0.", "-") instead of fighting the user.
import { useEffect, useState } from "react";
import { parseNumberInput } from "../features/Playground/requestEdits";

/**
 * Holds its own text and reports a number (or undefined for empty) on every edit. Text from
 * outside (e.g. the JSON view) replaces it only when it means a different number, so typing
 * "0." is not turned back into "0" under the cursor.
 */
export function NumberInput(props: {
  id: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number | "any";
  placeholder?: string;
  describedBy?: string;
  testId?: string;
  disabled?: boolean;
}) {
  const [text, setText] = useState(props.value === undefined ? "" : String(props.value));
  useEffect(() => {
    setText((current) => (parseNumberInput(current) === props.value ? current : props.value === undefined ? "" : String(props.value)));
  }, [props.value]);
  return (
    <input
      id={props.id}
      type="number"
      inputMode="decimal"
      value={text}
      min={props.min}
      max={props.max}
      step={props.step ?? "any"}
      placeholder={props.placeholder}
      aria-describedby={props.describedBy || undefined}
      data-testid={props.testId}
      disabled={props.disabled}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange(parseNumberInput(e.target.value));
      }}
    />
  );
}
