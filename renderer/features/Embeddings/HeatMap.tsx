// Renderer: the similarity matrix as a heat map on a canvas, filled block by block as the worker
// sends rows, with row and column labels and a tooltip on the cell under the pointer.
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { heatColour } from "./heatColour";
import type { VectorClient } from "./vectorClient";

/** Texts beyond this are left out of the matrix (2,000 x 2,000 floats is 16 MB); the view says so. */
export const MATRIX_LIMIT = 2000;

/** Up to this many texts, every row and column is labelled; beyond it, about this many evenly spaced. */
const LABEL_EVERY_UP_TO = 24;

/** The indices (0-based) that get an axis label: all of them for a small matrix, evenly spaced ones otherwise. */
export function axisTicks(n: number): number[] {
  if (n <= LABEL_EVERY_UP_TO) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil(n / LABEL_EVERY_UP_TO);
  const ticks = [];
  for (let i = 0; i < n; i += step) ticks.push(i);
  return ticks;
}

/** A text cut to a label's width, with an ellipsis. */
function short(text: string, max = 28): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The heat map of the first MATRIX_LIMIT texts. */
export function HeatMap(props: { client: VectorClient; version: number; texts: string[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const matrixRef = useRef<Float32Array>(new Float32Array(0));
  const [size, setSize] = useState(0);
  const [rowsDone, setRowsDone] = useState(0);
  const [hover, setHover] = useState<{ i: number; j: number; value: number; x: number; y: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const n = Math.min(props.texts.length, MATRIX_LIMIT);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext("2d");
    if (!canvas || !context) return;
    let live = true;
    canvas.width = n;
    canvas.height = n;
    matrixRef.current = new Float32Array(n * n);
    const image = context.createImageData(n, n);
    setSize(n);
    setRowsDone(0);
    setHover(null);
    setError(null);
    const paint = (r: number, c: number, value: number) => {
      const [red, green, blue] = heatColour(value);
      const at = 4 * (r * n + c);
      image.data[at] = red;
      image.data[at + 1] = green;
      image.data[at + 2] = blue;
      image.data[at + 3] = 255;
    };
    props.client
      .matrix(n, (from, to, count, values) => {
        if (!live) return;
        matrixRef.current.set(values, from * count);
        // Rows [from, to) are final, and by symmetry so are those columns.
        for (let r = from; r < to; r++) {
          for (let c = 0; c < count; c++) {
            const value = values[(r - from) * count + c]!;
            paint(r, c, value);
            paint(c, r, value);
          }
        }
        context.putImageData(image, 0, 0);
        setRowsDone(to);
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [props.client, props.version, n]);

  const onMove = (event: MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const j = Math.floor(((event.clientX - rect.left) / rect.width) * size);
    const i = Math.floor(((event.clientY - rect.top) / rect.height) * size);
    if (i < 0 || j < 0 || i >= size || j >= size || Math.max(i, j) >= rowsDone) return setHover(null);
    setHover({ i, j, value: matrixRef.current[i * size + j]!, x: event.clientX - rect.left, y: event.clientY - rect.top });
  };

  const label = (i: number) => `${i + 1}. ${props.texts[i] ?? ""}`;
  return (
    <section className="emb-panel" aria-label="Similarity matrix">
      <h3>Similarity matrix (cosine)</h3>
      <p className="hint" data-testid="heatmap-status">
        {rowsDone < size ? `Computing: ${rowsDone} of ${size} rows...` : `${size} x ${size} cosine similarities.`}
        {props.texts.length > MATRIX_LIMIT ? ` Only the first ${MATRIX_LIMIT} texts are shown here; search, neighbours and the projection use all of them.` : ""}
        {" Pale is 0 or below, dark blue is 1."}
      </p>
      <div className="emb-heat-frame">
        <span />
        <div className="emb-axis emb-axis-columns" aria-hidden="true" data-testid="heatmap-column-labels">
          {axisTicks(size).map((i) => (
            <span key={i} style={{ left: `${((i + 0.5) / Math.max(size, 1)) * 100}%` }} title={label(i)}>
              {i + 1}
            </span>
          ))}
        </div>
        <div className={`emb-axis emb-axis-rows${size <= LABEL_EVERY_UP_TO ? " emb-axis-named" : ""}`} aria-hidden="true" data-testid="heatmap-row-labels">
          {axisTicks(size).map((i) => (
            <span key={i} style={{ top: `${((i + 0.5) / Math.max(size, 1)) * 100}%` }} title={label(i)}>
              {size <= LABEL_EVERY_UP_TO ? `${i + 1}. ${short(props.texts[i] ?? "")}` : i + 1}
            </span>
          ))}
        </div>
        <div className="emb-heat-cell-area">
          <canvas ref={canvasRef} className="emb-heatmap" data-testid="heatmap" onMouseMove={onMove} onMouseLeave={() => setHover(null)} />
          {hover ? (
            <div
              className="emb-tooltip"
              role="tooltip"
              data-testid="heatmap-tooltip"
              style={{ left: hover.x + 12, top: hover.y + 12 }}
            >
              <strong>{hover.value.toFixed(3)}</strong>
              <span>
                row {hover.i + 1}: {short(props.texts[hover.i] ?? "", 60)}
              </span>
              <span>
                column {hover.j + 1}: {short(props.texts[hover.j] ?? "", 60)}
              </span>
            </div>
          ) : null}
        </div>
      </div>
      <p className="emb-hover mono" data-testid="heatmap-hover" aria-live="polite">
        {hover ? (
          <>
            <span data-testid="heatmap-value">{hover.value.toFixed(3)}</span>
            {` between "${label(hover.i)}" and "${label(hover.j)}"`}
          </>
        ) : (
          "Point at a cell to read its similarity."
        )}
      </p>
      {error ? <p className="field-error">{error}</p> : null}
    </section>
  );
}
