// Renderer: syntax highlighting for fenced code, by Monaco's own tokenizers (Monaco already ships
// with the app; it loads lazily, only once a code block is shown). Tokens become React spans with
// CSS classes, never HTML strings.

/** One coloured run of a line. */
export interface CodeToken {
  text: string;
  /** Monaco's token type without the language suffix, e.g. "keyword", "string", "comment". */
  kind: string;
}

/** The languages with a tokenizer, by the names fences use. */
const LANGUAGES: Record<string, string> = {
  js: "javascript", javascript: "javascript", jsx: "javascript", mjs: "javascript",
  ts: "typescript", typescript: "typescript", tsx: "typescript",
  py: "python", python: "python",
  sh: "shell", bash: "shell", shell: "shell", zsh: "shell", console: "shell",
  json: "json", jsonc: "json", jsonl: "json",
  yaml: "yaml", yml: "yaml", html: "html", xml: "xml", css: "css", sql: "sql", md: "markdown", markdown: "markdown",
};

/** Monaco's language id for a fence's info string, or null when it has no tokenizer here. */
export function languageOf(info: string): string | null {
  return LANGUAGES[info.trim().toLowerCase().split(/\s+/)[0] ?? ""] ?? null;
}

type Monaco = typeof import("./monacoLanguages").monaco;
let loading: Promise<Monaco> | null = null;

/** Loads Monaco with its basic languages once. */
function loadMonaco(): Promise<Monaco> {
  loading ??= import("./monacoLanguages").then((m) => m.monaco);
  return loading;
}

/** The code's lines as coloured tokens; null when the language has no tokenizer. */
export async function highlightCode(code: string, info: string): Promise<CodeToken[][] | null> {
  const language = languageOf(info);
  if (!language) return null;
  const monaco = await loadMonaco();
  // colorize() waits for the language's tokenizer to load; tokenize() then runs synchronously.
  await monaco.editor.colorize("", language, {});
  const lines = code.split("\n");
  return monaco.editor.tokenize(code, language).map((tokens, row) => {
    const line = lines[row] ?? "";
    return tokens.map((token, i) => ({
      text: line.slice(token.offset, tokens[i + 1]?.offset ?? line.length),
      kind: token.type.split(".")[0] ?? "",
    }));
  });
}
