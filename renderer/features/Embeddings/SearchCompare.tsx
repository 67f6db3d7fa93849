// Renderer: one query, keyword search (BM25) and semantic search (embeddings) side by side.
import { useId, useState } from "react";
import type { KeywordHit } from "../../../shared/keywordSearch";
import type { Scored } from "../../../shared/vectors";
import { useAppStore } from "../../store/appStore";
import { toAppError } from "../../store/toAppError";
import { ScoredList } from "./Neighbours";
import type { VectorClient } from "./vectorClient";

/** The search box and both rankings. */
export function SearchCompare(props: { client: VectorClient; texts: string[] }) {
  const id = useId();
  const embedQuery = useAppStore((s) => s.embedQuery);
  const [query, setQuery] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [keyword, setKeyword] = useState<KeywordHit[] | null>(null);
  const [semantic, setSemantic] = useState<Scored[] | null>(null);

  const search = async () => {
    if (!query.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const [words, vector] = await Promise.all([props.client.keyword(query, 10), embedQuery(query)]);
      setKeyword(words);
      setSemantic(await props.client.search(vector, 10));
    } catch (err) {
      setError(toAppError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="emb-panel emb-wide" aria-label="Search">
      <h3>Search: keywords or meaning</h3>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          Query
        </label>
        <input id={id} data-testid="search-query" className="emb-query" value={query} placeholder="Type a query, e.g. a feline making noise" onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" className="button-primary" data-testid="search-button" disabled={busy || !query.trim()}>
          {busy ? "Searching..." : "Search"}
        </button>
      </form>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <div className="emb-columns">
        <div>
          <h4>Keyword search (BM25)</h4>
          <p className="hint">Matches the query's words (light stemming); a text with none of them never appears.</p>
          {keyword ? <ScoredList testId="keyword-results" hits={keyword} texts={props.texts} digits={2} empty="No text shares a word with the query." /> : null}
        </div>
        <div>
          <h4>Semantic search (cosine of embeddings)</h4>
          <p className="hint">Ranks every text by the meaning its embedding captures.</p>
          {semantic ? <ScoredList testId="semantic-results" hits={semantic} texts={props.texts} /> : null}
        </div>
      </div>
    </section>
  );
}
