// Renderer: the Monaco half of JsonEditor, in its own lazily loaded chunk (Monaco is large, and
// the first screen must not wait for it). Default export, as React.lazy wants.
import { useEffect, useRef } from "react";
import { emitAppKey } from "../../shell/appKeys";
import { appStore, useAppStore } from "../../store/appStore";
import { problemsToMarkers } from "./markers";
import { monaco } from "./monacoSetup";
import type { JsonEditorProps } from "./JsonEditor";

const MARKER_OWNER = "prompt-dojo";
let nextModelId = 1;

/** A Monaco editor over one JSON text, with the given problems as markers on their lines. */
export default function MonacoJsonEditor({ value, onChange, problems = [], label, readOnly = false, height = 240 }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // The latest onChange, so the content listener registered once always calls the current one.
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // True while the text is replaced from outside: that change is not the user's and is not echoed back.
  const applyingOutside = useRef(false);
  // Monaco has one theme for all its editors; the app's light or dark picks vs or vs-dark.
  const monacoTheme = useAppStore((s) => (s.resolvedTheme === "dark" ? "vs-dark" : "vs"));

  useEffect(() => {
    if (!host.current) return;
    const model = monaco.editor.createModel(value, "json", monaco.Uri.parse(`inmemory://prompt-dojo/editor-${nextModelId++}.json`));
    const editor = monaco.editor.create(host.current, {
      model,
      ariaLabel: label,
      readOnly,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      wordWrap: "on",
      tabSize: 2,
      fontSize: 13,
      lineNumbersMinChars: 3,
      fixedOverflowWidgets: true,
      renderValidationDecorations: "on",
      theme: appStore.getState().resolvedTheme === "dark" ? "vs-dark" : "vs",
    });
    editorRef.current = editor;
    // Monaco consumes Ctrl+Enter before it reaches the window (it inserts a line): a per-editor
    // action hands it to the app. Where no view runs anything, it keeps Monaco's own meaning.
    // Ctrl+K stays Monaco's (its chords: Ctrl+K Ctrl+0 folds all); Ctrl+Shift+P, which Monaco
    // leaves alone, reaches the window and opens the app's palette.
    const appKeyActions = [
      editor.addAction({
        id: "prompt-dojo.run",
        label: "Run the request",
        keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
        run: (ed) => {
          if (!emitAppKey("run")) ed.trigger("keyboard", "editor.action.insertLineAfter", null);
        },
      }),
    ];
    const subscription = model.onDidChangeContent(() => {
      if (!applyingOutside.current) onChangeRef.current?.(model.getValue());
    });
    host.current.dataset.monacoReady = "true";
    return () => {
      subscription.dispose();
      for (const action of appKeyActions) action.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // Created once per mount; value, label and readOnly changes are applied by the effects below.
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() === value) return;
    applyingOutside.current = true;
    // An edit operation rather than setValue, so the user's undo history survives a form edit.
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
    applyingOutside.current = false;
  }, [value]);

  useEffect(() => {
    monaco.editor.setTheme(monacoTheme);
  }, [monacoTheme]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, ariaLabel: label });
  }, [readOnly, label]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(model, MARKER_OWNER, problemsToMarkers(problems, model.getLinesContent()));
  }, [problems, value]);

  return <div ref={host} className="json-editor-monaco" style={{ height }} data-testid="monaco-host" />;
}
