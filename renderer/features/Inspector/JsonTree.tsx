// Renderer: a JSON value printed like JSON.stringify(value, null, 2), with every known field name
// explained on hover (see fieldGlossary.ts).
import type { ReactNode } from "react";
import { explainField, type JsonPath } from "./fieldGlossary";

/** Renders `value` as indented JSON; `path` is where it sits in the larger document. */
export function JsonTree({ value, path = [] }: { value: unknown; path?: JsonPath }) {
  return <pre className="mono json-tree">{renderValue(value, path, 0)}</pre>;
}

function renderValue(value: unknown, path: JsonPath, depth: number): ReactNode {
  if (value === null || typeof value !== "object") return <span className={`json-${value === null ? "null" : typeof value}`}>{JSON.stringify(value) ?? "undefined"}</span>;
  const pad = "  ".repeat(depth + 1);
  const close = "  ".repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return (
      <>
        {"[\n"}
        {value.map((item, i) => (
          <span key={i}>
            {pad}
            {renderValue(item, [...path, i], depth + 1)}
            {i < value.length - 1 ? ",\n" : "\n"}
          </span>
        ))}
        {`${close}]`}
      </>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return (
    <>
      {"{\n"}
      {entries.map(([key, item], i) => {
        const here = [...path, key];
        const explanation = explainField(here);
        return (
          <span key={key}>
            {pad}
            <span className={explanation ? "json-key explained" : "json-key"} title={explanation ?? undefined} data-field={key}>
              {JSON.stringify(key)}
            </span>
            {": "}
            {renderValue(item, here, depth + 1)}
            {i < entries.length - 1 ? ",\n" : "\n"}
          </span>
        );
      })}
      {`${close}}`}
    </>
  );
}
