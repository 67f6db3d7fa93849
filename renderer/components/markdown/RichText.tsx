// Renderer: Markdown text as the app shows it everywhere (answers and lessons): split into blocks
// at blank lines (splitBlocks), each rendered and memoized on its own, so streaming re-renders the tail.
import { useMemo } from "react";
import { splitBlocks } from "../../features/Playground/splitBlocks";
import { MarkdownBlock } from "./MarkdownBlocks";
import "./markdown.css";

/** Markdown text. `headingBase` is the level a "#" heading gets (lessons start below their section's heading). */
export function RichText({ text, headingBase = 1, testId }: { text: string; headingBase?: number; testId?: string }) {
  const parts = useMemo(() => splitBlocks(text), [text]);
  return (
    <div className="md" data-testid={testId}>
      {parts.map((source, i) => (
        <MarkdownBlock key={i} source={source} headingBase={headingBase} />
      ))}
    </div>
  );
}
