// Renderer: the experiment list with search as you type, and the trash with undo.
import { useEffect, useState } from "react";
import { useAppStore } from "../../store/appStore";

/** How long typing must pause before the list is searched again. */
const SEARCH_PAUSE_MS = 200;

/** Search box, experiments, and the trash. */
export function ExperimentList() {
  const { list, trash, query, open } = useAppStore((s) => s.experiments);
  const loadExperiments = useAppStore((s) => s.loadExperiments);
  const openExperiment = useAppStore((s) => s.openExperiment);
  const undeleteExperiment = useAppStore((s) => s.undeleteExperiment);
  const [text, setText] = useState(query);
  // Filters as you type, once typing pauses; Enter searches at once.
  useEffect(() => {
    if (text === query) return;
    const timer = setTimeout(() => void loadExperiments(text), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, query, loadExperiments]);
  return (
    <section className="experiment-panel">
      <h2>Saved</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void loadExperiments(text);
        }}
      >
        <input type="search" placeholder="Search name, #tag or content" aria-label="Search experiments" data-testid="experiments-search" value={text} onChange={(e) => setText(e.target.value)} />
      </form>
      <ul className="experiment-list" data-testid="experiment-list">
        {list.map((e) => (
          <li key={e.id}>
            <button type="button" className="experiment-item" aria-current={open?.id === e.id ? "true" : undefined} data-testid="experiment-item" onClick={() => void openExperiment(e.id)}>
              <strong>{e.name}</strong>
              <span className="tag">v{e.versionCount}</span>
              <span className="hint">{e.model}</span>
              {e.tags.map((t) => (
                <span key={t} className="tag">
                  #{t}
                </span>
              ))}
            </button>
          </li>
        ))}
      </ul>
      {list.length === 0 ? <p className="hint">{query ? "Nothing matches." : "No experiments yet."}</p> : null}
      {trash.length ? (
        <details data-testid="experiments-trash">
          <summary>Trash ({trash.length})</summary>
          <ul className="experiment-list">
            {trash.map((e) => (
              <li key={e.id} className="row">
                <span>{e.name}</span>
                <button type="button" className="button-quiet" onClick={() => void undeleteExperiment(e.id)}>
                  Undo delete
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
