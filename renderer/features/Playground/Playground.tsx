// Renderer: the playground view: request editor on the left, the streamed answer on the right.
import { AnswerPanel } from "./AnswerPanel";
import { ApiSelect } from "./ApiSelect";
import { ContinueFromResponse } from "./ContinueFromResponse";
import { ReasoningSummaryPanel } from "./ReasoningSummary";
import { ResponsesControls } from "./ResponsesControls";
import { FailureSelect } from "./FailureSelect";
import { MessagesEditor } from "./MessagesEditor";
import { ModelPicker } from "./ModelPicker";
import { ParamsPanel } from "./ParamsPanel";
import { RawJsonEditor } from "./RawJsonEditor";
import { ReplacedDraftBanner } from "./ReplacedDraftBanner";
import { RunControls } from "./RunControls";
import { useRunShortcuts } from "./useRunShortcuts";
import { useAppStore } from "../../store/appStore";
import { CodeExportPanel } from "../CodeExport/CodeExportPanel";
import { InspectRunButton } from "../Inspector/InspectRunButton";
import { RequestCost } from "../Tokens/RequestCost";
import { RunCost } from "../Tokens/RunCost";
import { OutputCheckPanel } from "../StructuredOutput/OutputCheckPanel";
import { PresetMenu } from "../StructuredOutput/PresetMenu";
import { StructuredOutputPanel } from "../StructuredOutput/StructuredOutputPanel";
import { ToolRunPanel } from "../Tools/ToolRunPanel";
import { ToolsPanel } from "../Tools/ToolsPanel";
import { SafetyAnswer } from "../Safety/SafetyAnswer";
import { SafetyPanel } from "../Safety/SafetyPanel";

/** The playground: build a chat request, run it, read the answer and its figures. */
export function Playground() {
  useRunShortcuts();
  // Until the saved draft is in, the editor would show defaults that the draft then replaces,
  // taking whatever was typed meanwhile with them.
  const draftLoaded = useAppStore((s) => s.draftLoaded);
  if (!draftLoaded) {
    return (
      <p className="hint" data-testid="playground-loading">
        Loading your draft...
      </p>
    );
  }
  return (
    <div className="playground">
      <section className="playground-editor" aria-label="Request">
        <ReplacedDraftBanner />
        <PresetMenu />
        <ApiSelect />
        <ModelPicker />
        <FailureSelect />
        <MessagesEditor />
        <ParamsPanel />
        <ResponsesControls />
        <StructuredOutputPanel />
        <ToolsPanel />
        <SafetyPanel />
        <RawJsonEditor />
        <RequestCost />
        <CodeExportPanel />
      </section>
      <section className="playground-answer" aria-label="Answer">
        <RunControls />
        <div className="answer-with-reasoning">
          <AnswerPanel />
          <ReasoningSummaryPanel />
        </div>
        <ContinueFromResponse />
        <SafetyAnswer />
        <OutputCheckPanel />
        <ToolRunPanel />
        <RunCost />
        <InspectRunButton />
      </section>
    </div>
  );
}
