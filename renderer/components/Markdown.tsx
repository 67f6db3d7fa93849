// Renderer: renders lesson Markdown as React elements (see markdown.ts); no HTML strings involved.
import { useMemo } from "react";
import { parseMarkdown, type Inline } from "./markdown";

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((span, i) =>
        span.kind === "code" ? <code key={i}>{span.text}</code> : span.kind === "strong" ? <strong key={i}>{span.text}</strong> : span.kind === "em" ? <em key={i}>{span.text}</em> : <span key={i}>{span.text}</span>,
      )}
    </>
  );
}

/** A Markdown text. Headings inside it start at level 3, below the section's own heading. */
export function Markdown({ text }: { text: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return (
    <div className="markdown">
      {blocks.map((block, i) => {
        switch (block.kind) {
          case "heading":
            return block.level <= 3 ? <h3 key={i}><Inlines inlines={block.inlines} /></h3> : <h4 key={i}><Inlines inlines={block.inlines} /></h4>;
          case "paragraph":
            return <p key={i}><Inlines inlines={block.inlines} /></p>;
          case "list": {
            const items = block.items.map((item, j) => <li key={j}><Inlines inlines={item} /></li>);
            return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case "code":
            return (
              <pre key={i} className="answer-code" data-language={block.language || undefined}>
                <code>{block.text}</code>
              </pre>
            );
        }
      })}
    </div>
  );
}
