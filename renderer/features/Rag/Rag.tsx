// Renderer: the RAG lab: documents to chunks to vectors, a question, retrieval, grounded answer, checks.
import { useId } from "react";
import { useAppStore } from "../../store/appStore";
import { RagDocuments } from "./RagDocuments";
import { RagResults } from "./RagResults";
import "./rag.css";

/** The question form. */
function RagAsk() {
  const ids = { question: useId(), k: useId(), model: useId() };
  const rag = useAppStore((s) => s.rag);
  const setInput = useAppStore((s) => s.setRagInput);
  const ask = useAppStore((s) => s.askQuestion);
  const defaultModel = useAppStore((s) => s.profiles.find((p) => p.id === s.activeId)?.defaultModel) || "sim-chat-1";
  const busy = rag.askStatus === "retrieving" || rag.askStatus === "answering";
  return (
    <section className="rag-panel" aria-label="Question">
      <h3>2. Question</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void ask();
        }}
      >
        <div className="field">
          <label htmlFor={ids.question}>Question</label>
          <input id={ids.question} data-testid="rag-question" value={rag.question} onChange={(e) => setInput({ question: e.target.value })} />
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor={ids.k}>Top k</label>
            <input id={ids.k} type="number" min={1} max={20} data-testid="rag-topk" value={rag.topK} onChange={(e) => setInput({ topK: Math.min(20, Math.max(1, Number.parseInt(e.target.value, 10) || 1)) })} />
          </div>
          <div className="field">
            <label htmlFor={ids.model}>Chat model</label>
            <input id={ids.model} data-testid="rag-model" value={rag.chatModel} placeholder={defaultModel} onChange={(e) => setInput({ chatModel: e.target.value })} />
          </div>
          <button type="submit" className="button-primary" data-testid="rag-ask" disabled={busy || rag.indexStatus !== "ready" || !rag.question.trim()}>
            {rag.askStatus === "retrieving" ? "Retrieving..." : rag.askStatus === "answering" ? "Answering..." : "Ask"}
          </button>
        </div>
      </form>
      {rag.error ? (
        <p className="field-error" role="alert" data-testid="rag-error">
          {rag.error.message}
        </p>
      ) : null}
    </section>
  );
}

/** The RAG lab's view. */
export function Rag() {
  return (
    <div className="rag">
      <h2>Retrieval-augmented generation</h2>
      <p className="hint">
        Split documents into chunks, embed them, retrieve the chunks closest to a question and let the model answer from them only, citing
        them as [1], [2]... Both answers run through the ordinary chat path with the active profile.
      </p>
      <RagDocuments />
      <RagAsk />
      <RagResults />
    </div>
  );
}
