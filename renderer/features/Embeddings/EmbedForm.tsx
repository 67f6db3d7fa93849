// Renderer: the lab's input: texts (typed or loaded), model and width, Embed with progress.
import { useId } from "react";
import { useAppStore } from "../../store/appStore";
import { useRunKey } from "../../shell/useRunKey";
import { defaultEmbeddingModel } from "../../store/embedCall";
import { selectActiveProfile } from "../../store/selectors";
import { readPickedFiles } from "./readFiles";
import { parseTextLines, textsFromFile } from "./textInput";

/** Where texts come in and the embed job starts. */
export function EmbedForm() {
  const ids = { texts: useId(), files: useId(), model: useId(), dims: useId() };
  const state = useAppStore((s) => s.embeddings);
  const kind = useAppStore((s) => selectActiveProfile(s)?.kind);
  const setInput = useAppStore((s) => s.setEmbeddingsInput);
  const append = useAppStore((s) => s.appendEmbeddingTexts);
  const embed = useAppStore((s) => s.embedTexts);
  const cancel = useAppStore((s) => s.cancelEmbedding);
  const count = parseTextLines(state.textsInput).length;
  const running = state.status === "embedding";
  useRunKey(() => void embed(), !running);

  return (
    <section className="emb-panel emb-wide" aria-label="Texts">
      <div className="field">
        <label htmlFor={ids.texts}>Texts, one per line</label>
        <textarea
          id={ids.texts}
          data-testid="embed-texts"
          rows={8}
          value={state.textsInput}
          placeholder={"The cat sat on the mat.\nA kitten naps on a rug.\nStock markets fell sharply today."}
          onChange={(e) => setInput({ textsInput: e.target.value })}
        />
        <small className="hint">{count.toLocaleString("en")} text(s). Identical texts are embedded once; vectors are cached per text, model and width.</small>
      </div>
      <div className="row">
        <label htmlFor={ids.files}>Load .txt, .md or .csv</label>
        <input
          id={ids.files}
          type="file"
          multiple
          accept=".txt,.md,.csv,text/plain,text/markdown,text/csv"
          data-testid="embed-files"
          onChange={async (e) => {
            const files = await readPickedFiles(e.target.files);
            append(files.flatMap((f) => textsFromFile(f.name, f.text)));
            e.target.value = "";
          }}
        />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={ids.model}>Embedding model</label>
          <input id={ids.model} data-testid="embed-model" value={state.model} placeholder={defaultEmbeddingModel(kind)} onChange={(e) => setInput({ model: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.dims}>Dimensions</label>
          <input
            id={ids.dims}
            type="number"
            min={1}
            max={4096}
            data-testid="embed-dimensions"
            value={state.dimensions ?? ""}
            placeholder="model default"
            onChange={(e) => {
              const value = Number.parseInt(e.target.value, 10);
              setInput({ dimensions: Number.isInteger(value) && value > 0 ? value : null });
            }}
          />
        </div>
        <button type="button" className="button-primary" data-testid="embed-button" disabled={running} onClick={() => void embed()}>
          {running ? "Embedding..." : "Embed"}
        </button>
        {running ? (
          <button type="button" onClick={() => void cancel()}>
            Cancel
          </button>
        ) : null}
      </div>
      {state.progress && running ? (
        <p className="hint" data-testid="embed-progress">
          <progress max={state.progress.total} value={state.progress.done} /> {state.progress.done} of {state.progress.total} embedded
          {state.progress.cached ? ` (${state.progress.cached} from the cache)` : ""}
        </p>
      ) : null}
      {state.error ? (
        <p className="field-error" role="alert" data-testid="embed-error">
          {state.error.message}
        </p>
      ) : null}
    </section>
  );
}
