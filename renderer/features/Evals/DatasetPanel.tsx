// Renderer: the dataset list, import from CSV or JSON Lines, and a new empty dataset.
import { useShallow } from "zustand/react/shallow";
import { useState } from "react";
import { useAppStore } from "../../store/appStore";
import { readPickedFiles } from "../Embeddings/readFiles";

/** Datasets on the left of the evaluations view. */
export function DatasetPanel() {
  const { datasets, dataset } = useAppStore(useShallow((s) => ({ datasets: s.evals.datasets, dataset: s.evals.dataset })));
  const openDataset = useAppStore((s) => s.openDataset);
  const importDataset = useAppStore((s) => s.importDataset);
  const saveDataset = useAppStore((s) => s.saveDataset);
  const [name, setName] = useState("");
  return (
    <section className="evals-panel">
      <h2>Datasets</h2>
      <ul className="evals-list" data-testid="dataset-list">
        {datasets.map((d) => (
          <li key={d.id}>
            <button type="button" aria-current={dataset?.id === d.id ? "true" : undefined} onClick={() => void openDataset(d.id)}>
              {d.name} <span className="hint">({d.caseCount} cases)</span>
            </button>
          </li>
        ))}
      </ul>
      <label className="field">
        Name for a new dataset
        <input data-testid="dataset-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
      </label>
      <label className="field">
        Import CSV or JSON Lines (columns fill {"{{variables}}"}; optional id and assertions columns)
        <input
          type="file"
          accept=".csv,.jsonl,.ndjson,text/csv"
          data-testid="dataset-import"
          onChange={async (e) => {
            const [file] = await readPickedFiles(e.target.files);
            e.target.value = "";
            if (file) await importDataset(name.trim() || file.name.replace(/\.[^.]+$/, ""), file.name, file.text, []);
          }}
        />
      </label>
      <button
        type="button"
        className="button-quiet"
        disabled={!name.trim()}
        onClick={() => void saveDataset({ name: name.trim(), columns: ["input"], cases: [{ id: "case-1", vars: { input: "" }, assertions: [] }], assertions: [] })}
      >
        New empty dataset
      </button>
    </section>
  );
}
