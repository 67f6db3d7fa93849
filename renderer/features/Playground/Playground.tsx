// Renderer: the playground view: request editor on the left, the streamed answer on the right.
import { AnswerPanel } from "./AnswerPanel";
import { FailureSelect } from "./FailureSelect";
import { MessagesEditor } from "./MessagesEditor";
import { ModelPicker } from "./ModelPicker";
import { ParamsPanel } from "./ParamsPanel";
import { RawJsonEditor } from "./RawJsonEditor";
import { RunControls } from "./RunControls";
import { useRunShortcuts } from "./useRunShortcuts";

/** The playground: build a chat request, run it, read the answer and its figures. */
export function Playground() {
  useRunShortcuts();
  return (
    <div className="playground">
      <section className="playground-editor" aria-label="Request">
        <ModelPicker />
        <FailureSelect />
        <MessagesEditor />
        <ParamsPanel />
        <RawJsonEditor />
      </section>
      <section className="playground-answer" aria-label="Answer">
        <RunControls />
        <AnswerPanel />
      </section>
    </div>
  );
}
