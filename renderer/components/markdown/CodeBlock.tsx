// Renderer: one fenced code block of rendered Markdown: its language, a copy button, and colours
// once Monaco's tokenizer for the language has loaded (plain text until then, and for unknown languages).
import { memo, useEffect, useState } from "react";
import { highlightCode, languageOf, type CodeToken } from "./highlight";

/** A code block; memoized on its text, so a streaming answer leaves finished blocks alone. */
export const CodeBlock = memo(function CodeBlock({ code, info }: { code: string; info: string }) {
  const [lines, setLines] = useState<CodeToken[][] | null>(null);
  const [copied, setCopied] = useState(false);
  const language = info.trim().split(/\s+/)[0] ?? "";
  useEffect(() => {
    let live = true;
    setLines(null);
    if (languageOf(info)) {
      highlightCode(code, info).then(
        (result) => live && setLines(result),
        () => undefined, // Highlighting is a nicety: the plain text stays on failure.
      );
    }
    return () => {
      live = false;
    };
  }, [code, info]);
  const copy = () => {
    void navigator.clipboard?.writeText(code).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <figure className="md-code" data-testid="md-code" data-language={language || undefined} data-highlighted={lines ? "true" : "false"}>
      <figcaption className="md-code-head">
        <span className="md-code-lang">{language || "text"}</span>
        <button type="button" className="button-quiet md-code-copy" data-testid="md-code-copy" onClick={copy} onBlur={() => setCopied(false)}>
          {copied ? "Copied" : "Copy"}
        </button>
      </figcaption>
      <pre>
        <code>
          {lines
            ? lines.map((tokens, row) => (
                <span key={row} className="md-code-line">
                  {tokens.map((t, i) => (
                    <span key={i} className={t.kind ? `tok-${t.kind}` : undefined}>
                      {t.text}
                    </span>
                  ))}
                  {row < lines.length - 1 ? "\n" : null}
                </span>
              ))
            : code}
        </code>
      </pre>
    </figure>
  );
});
