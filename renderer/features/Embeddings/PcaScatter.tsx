// Renderer: the texts projected to 2-D with PCA (computed in the worker), drawn as labelled points in SVG.
import { useEffect, useState } from "react";
import type { Projection } from "../../../shared/vectors";
import type { VectorClient } from "./vectorClient";

const WIDTH = 560;
const HEIGHT = 380;
const MARGIN = 24;
/** Above this many points, labels would cover each other: they move to the points' tooltips. */
const LABEL_LIMIT = 150;

/** The scatter plot of the first two principal components. */
export function PcaScatter(props: { client: VectorClient; version: number; texts: string[] }) {
  const [projection, setProjection] = useState<Projection | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setProjection(null);
    props.client
      .pca()
      .then((p) => live && setProjection(p))
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [props.client, props.version]);

  if (error) return <p className="field-error">{error}</p>;
  if (!projection) return <p className="hint">Projecting...</p>;
  const { points, explained } = projection;
  const count = points.length / 2;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    minX = Math.min(minX, points[2 * i]!);
    maxX = Math.max(maxX, points[2 * i]!);
    minY = Math.min(minY, points[2 * i + 1]!);
    maxY = Math.max(maxY, points[2 * i + 1]!);
  }
  const sx = (x: number) => MARGIN + ((x - minX) / (maxX - minX || 1)) * (WIDTH - 2 * MARGIN);
  const sy = (y: number) => HEIGHT - MARGIN - ((y - minY) / (maxY - minY || 1)) * (HEIGHT - 2 * MARGIN);
  const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
  return (
    <section className="emb-panel" aria-label="Projection">
      <h3>2-D projection (PCA)</h3>
      <p className="hint">
        Axis 1 explains {percent(explained[0])} of the variance, axis 2 {percent(explained[1])}. Close points have similar embeddings; a flat
        picture of {count > 1 ? "many" : "one"} dimension{count > 1 ? "s" : ""} loses the rest.
      </p>
      <svg className="emb-scatter" data-testid="pca-plot" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="PCA scatter plot of the texts">
        {Array.from({ length: count }, (_, i) => {
          const x = sx(points[2 * i]!);
          const y = sy(points[2 * i + 1]!);
          const text = props.texts[i] ?? "";
          return (
            <g key={i} data-testid="pca-point">
              <circle cx={x} cy={y} r={4} className="emb-dot">
                <title>{`${i + 1}. ${text}`}</title>
              </circle>
              {count <= LABEL_LIMIT ? (
                <text x={x > WIDTH / 2 ? x - 6 : x + 6} y={y + 4} textAnchor={x > WIDTH / 2 ? "end" : "start"} className="emb-label">
                  {text.length > 28 ? `${text.slice(0, 27)}...` : text}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </section>
  );
}
