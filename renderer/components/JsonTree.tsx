// Renderer: a JSON value pretty-printed as a foldable tree (objects and arrays fold; the first two
// levels start open), for answers that are JSON.
import { memo } from "react";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The parsed value when `text` is a JSON object or array (what structured output returns), else undefined. */
export function parseJsonAnswer(text: string): Json | undefined {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed) || !/[\]}]$/.test(trimmed)) return undefined;
  try {
    const value = JSON.parse(trimmed) as Json;
    return typeof value === "object" && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

function Scalar({ value }: { value: Json }) {
  if (value === null) return <span className="json-null">null</span>;
  if (typeof value === "string") return <span className="json-string">{JSON.stringify(value)}</span>;
  if (typeof value === "number") return <span className="json-number">{String(value)}</span>;
  return <span className="json-boolean">{String(value)}</span>;
}

const Node = memo(function Node({ name, value, depth, last }: { name: string | null; value: Json; depth: number; last: boolean }) {
  const label = name === null ? null : <span className="json-key">{JSON.stringify(name)}: </span>;
  const comma = last ? "" : ",";
  if (value === null || typeof value !== "object") {
    return (
      <div className="json-line">
        {label}
        <Scalar value={value} />
        {comma}
      </div>
    );
  }
  const entries: [string | null, Json][] = Array.isArray(value) ? value.map((v) => [null, v]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return (
      <div className="json-line">
        {label}
        {open}
        {close}
        {comma}
      </div>
    );
  }
  return (
    <details className="json-node" open={depth < 2}>
      <summary>
        {label}
        {open}
        <span className="json-count">
          {" "}
          {entries.length} {Array.isArray(value) ? (entries.length === 1 ? "item" : "items") : entries.length === 1 ? "key" : "keys"}{" "}
        </span>
      </summary>
      <div className="json-children">
        {entries.map(([key, child], i) => (
          <Node key={key ?? i} name={key} value={child} depth={depth + 1} last={i === entries.length - 1} />
        ))}
      </div>
      <div className="json-line">
        {close}
        {comma}
      </div>
    </details>
  );
});

/** A JSON value as a foldable tree. */
export function JsonTree({ value }: { value: Json }) {
  return (
    <div className="json-tree mono" data-testid="json-tree">
      <Node name={null} value={value} depth={0} last />
    </div>
  );
}
