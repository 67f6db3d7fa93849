// Renderer: a JSON editor: Monaco, loaded lazily in its own chunk, with a plain textarea while it
// loads (or if it cannot), and the problems listed under it with their line numbers.
import { Component, lazy, Suspense, type ReactNode } from "react";
import type { EditorProblem } from "./markers";
import "./jsonEditor.css";

let monacoChunk: Promise<typeof import("./MonacoJsonEditor")> | null = null;

/**
 * Starts loading Monaco's chunk (once; later calls return the same promise), so an editor mounted
 * afterwards finds it downloaded and evaluated. Called at start-up: the first screen has an editor.
 */
export function preloadMonacoEditor(): Promise<typeof import("./MonacoJsonEditor")> {
  return (monacoChunk ??= import("./MonacoJsonEditor"));
}

const MonacoJsonEditor = lazy(preloadMonacoEditor);

export interface JsonEditorProps {
  value: string;
  onChange?: (text: string) => void;
  /** Shown as markers on their lines and listed under the editor. */
  problems?: readonly EditorProblem[];
  /** The accessible name of the editor. */
  label: string;
  readOnly?: boolean;
  /** In pixels; Monaco needs a fixed height. */
  height?: number;
}

/** The textarea shown until Monaco is loaded: already fully usable. */
function PlainJsonEditor({ value, onChange, label, readOnly, height = 240 }: JsonEditorProps) {
  return (
    <textarea
      className="mono json-editor-plain"
      aria-label={label}
      value={value}
      readOnly={readOnly}
      spellCheck={false}
      style={{ height }}
      data-testid="json-editor-plain"
      onChange={(e) => onChange?.(e.target.value)}
    />
  );
}

/** If Monaco's chunk fails to load, the textarea stays: editing JSON never depends on it. */
class MonacoBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** A JSON editor with its problems; `testId` names the wrapper, its problem list and each problem. */
export function JsonEditor(props: JsonEditorProps & { testId: string }) {
  const { testId, problems = [] } = props;
  const plain = <PlainJsonEditor {...props} />;
  return (
    <div className="json-editor" data-testid={testId}>
      <MonacoBoundary fallback={plain}>
        <Suspense fallback={plain}>
          <MonacoJsonEditor {...props} />
        </Suspense>
      </MonacoBoundary>
      {problems.length ? (
        <ul className="json-editor-problems" data-testid={`${testId}-problems`}>
          {problems.map((p, i) => (
            <li key={i} className={`problem problem-${p.severity}`} data-testid={`${testId}-problem`} data-line={p.line}>
              <span className="problem-where">
                Line {p.line}, col {p.column}
              </span>{" "}
              <span className="problem-severity">{p.severity === "error" ? "error" : "warning"}:</span> {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
