// Renderer: the embeddings lab: embed texts, then see them as a heat map, neighbours, search and a 2-D map.
import { useAppStore } from "../../store/appStore";
import { EmbedForm } from "./EmbedForm";
import { HeatMap } from "./HeatMap";
import { Neighbours } from "./Neighbours";
import { PcaScatter } from "./PcaScatter";
import { SearchCompare } from "./SearchCompare";
import { useVectorWorker } from "./useVectorWorker";
import "./embeddings.css";

/** The lab's view. The maths runs in a Web Worker; the page only draws. */
export function Embeddings() {
  const set = useAppStore((s) => s.embeddings.set);
  const { client, loaded, error } = useVectorWorker(set);
  const ready = client && set && loaded === set.version;
  return (
    <div className="embeddings">
      <h2>Embeddings lab</h2>
      <p className="hint">
        An embedding turns a text into a vector; texts with similar meaning get vectors pointing the same way. Cosine similarity measures how
        closely they point (1 = same direction).
      </p>
      <p className="hint" data-testid="simulated-vectors-note">
        The simulator makes its vectors from WordNet, with no model: each word adds its own form and its senses, their broader concepts and
        definition words, hashed into the vector&apos;s dimensions, so synonyms and related words land close and shared words still count.
      </p>
      <EmbedForm />
      {set ? (
        <p className="emb-summary" data-testid="embed-summary">
          {set.count.toLocaleString("en")} texts x {set.dimensions} dimensions with {set.model}
          {set.provider.kind === "simulator" ? <span className="tag tag-simulated">simulated vectors</span> : <span className="tag">{set.provider.profileName}</span>}
          {` ${set.cachedCount} from the cache, ${set.requestCount} request(s), ${set.promptTokens} tokens.`}
        </p>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
      {ready ? (
        <div className="emb-grid">
          <HeatMap client={client} version={set.version} texts={set.texts} />
          <PcaScatter client={client} version={set.version} texts={set.texts} />
          <Neighbours client={client} version={set.version} texts={set.texts} />
          <SearchCompare client={client} texts={set.texts} />
        </div>
      ) : null}
    </div>
  );
}
