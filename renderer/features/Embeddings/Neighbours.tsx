// Renderer: the nearest neighbours of one chosen text, by cosine similarity.
import { useEffect, useId, useState } from "react";
import type { Scored } from "../../../shared/vectors";
import type { VectorClient } from "./vectorClient";

/** A picker of one text and its five closest texts. */
export function Neighbours(props: { client: VectorClient; version: number; texts: string[] }) {
  const id = useId();
  const [index, setIndex] = useState(0);
  const [hits, setHits] = useState<Scored[]>([]);
  useEffect(() => setIndex(0), [props.version]);
  useEffect(() => {
    let live = true;
    props.client
      .neighbours(index, 5)
      .then((found) => live && setHits(found))
      .catch(() => live && setHits([]));
    return () => {
      live = false;
    };
  }, [props.client, props.version, index]);
  return (
    <section className="emb-panel" aria-label="Nearest neighbours">
      <h3>Nearest neighbours</h3>
      <label htmlFor={id}>Text</label>
      <select id={id} data-testid="neighbour-select" value={index} onChange={(e) => setIndex(Number(e.target.value))}>
        {props.texts.slice(0, 5000).map((text, i) => (
          <option key={i} value={i}>
            {`${i + 1}. ${text.slice(0, 80)}`}
          </option>
        ))}
      </select>
      <ScoredList testId="neighbour-results" hits={hits} texts={props.texts} />
    </section>
  );
}

/** Ranked texts with their scores. */
export function ScoredList(props: { testId: string; hits: { index: number; score: number }[]; texts: string[]; digits?: number; empty?: string }) {
  if (!props.hits.length) return <p className="hint" data-testid={props.testId}>{props.empty ?? "Nothing yet."}</p>;
  return (
    <ol className="emb-results" data-testid={props.testId}>
      {props.hits.map((hit) => (
        <li key={hit.index}>
          <span className="mono emb-score">{hit.score.toFixed(props.digits ?? 3)}</span> <span className="emb-result-text">{props.texts[hit.index]}</span>
        </li>
      ))}
    </ol>
  );
}
