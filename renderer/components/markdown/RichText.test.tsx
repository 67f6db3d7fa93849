// Renderer tests: Markdown rendering (GFM tables, code, task lists, links), its safety (no raw HTML,
// no script links, no image loads) and the block split that keeps streaming cheap.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JsonTree, parseJsonAnswer } from "../JsonTree";
import { languageOf } from "./highlight";
import { RichText } from "./RichText";
import { safeLinkUrl } from "./safeUrl";

const html = (text: string, headingBase?: number) => renderToStaticMarkup(<RichText text={text} headingBase={headingBase} />);

describe("RichText", () => {
  it("renders headings, lists, emphasis, inline code and a GFM table with alignment", () => {
    const out = html("# Plan\n\n- **bold** and *em* and `code`\n- ~~old~~\n\n| name | cost |\n|:-----|-----:|\n| a | 1 |\n| b | 2 |\n");
    expect(out).toContain("<h1>Plan</h1>");
    expect(out).toContain("<li><strong>bold</strong> and <em>em</em> and <code>code</code></li>");
    expect(out).toContain("<del>old</del>");
    expect(out).toMatch(/<table class="md-table"><thead><tr><th style="text-align:left">name<\/th><th style="text-align:right">cost<\/th>/);
    expect(out.match(/<tr>/g)).toHaveLength(3);
  });

  it("starts headings at the level asked (lessons sit below their section's heading)", () => {
    expect(html("# A\n\n## B", 3)).toBe('<div class="md"><div class="md-block"><h3>A</h3></div><div class="md-block"><h4>B</h4></div></div>');
  });

  it("renders fenced code as a code block with its language and a copy button, text kept exact", () => {
    const out = html('```ts\nconst a = "<b>" && 1 < 2;\n```');
    expect(out).toContain('data-language="ts"');
    expect(out).toContain("Copy");
    expect(out).toContain("const a = &quot;&lt;b&gt;&quot; &amp;&amp; 1 &lt; 2;");
  });

  it("shows raw HTML as text and never makes a script, data or relative link", () => {
    const out = html('<script>alert(1)</script>\n\nclick [here](javascript:alert(1)) or [x](data:text/html,hi) or [y](/etc/passwd)\n\n<img src=x onerror=alert(1)>');
    expect(out).not.toMatch(/<script|<img|<[^>]*onerror=|href="(javascript|data|\/etc)/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).not.toContain("<a ");
  });

  it("links http(s) and mailto addresses to a new window, and never loads images", () => {
    const out = html("see [docs](https://platform.openai.com/docs) and ![chart](https://example.com/c.png)");
    expect(out).toContain('<a href="https://platform.openai.com/docs" target="_blank" rel="noopener noreferrer"');
    expect(out).toContain("[image: chart]");
    expect(out).not.toContain("<img");
  });

  it("renders task lists with disabled checkboxes", () => {
    const out = html("- [x] done\n- [ ] todo");
    expect(out.match(/type="checkbox"/g)).toHaveLength(2);
    expect(out).toContain('aria-label="done" checked=""');
    expect(out.match(/disabled=""/g)).toHaveLength(2);
  });
});

describe("safeLinkUrl and languageOf", () => {
  it("accepts only absolute http(s) and mailto URLs", () => {
    expect(safeLinkUrl("https://a.b/c")).toBe("https://a.b/c");
    expect(safeLinkUrl("mailto:x@y.z")).toBe("mailto:x@y.z");
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "file:///etc/passwd", "/relative", "#frag", "vbscript:x"]) expect(safeLinkUrl(bad)).toBeNull();
  });

  it("maps fence names to Monaco languages", () => {
    expect(languageOf("ts")).toBe("typescript");
    expect(languageOf("Python title=x")).toBe("python");
    expect(languageOf("bash")).toBe("shell");
    expect(languageOf("brainfuck")).toBeNull();
  });
});

describe("JSON answers", () => {
  it("parses only whole JSON objects and arrays", () => {
    expect(parseJsonAnswer(' {"a": [1, 2]} ')).toEqual({ a: [1, 2] });
    expect(parseJsonAnswer("[1]")).toEqual([1]);
    expect(parseJsonAnswer('"text"')).toBeUndefined();
    expect(parseJsonAnswer('{"a": 1')).toBeUndefined();
    expect(parseJsonAnswer("Here: {}")).toBeUndefined();
  });

  it("pretty-prints a foldable tree", () => {
    const out = renderToStaticMarkup(<JsonTree value={{ label: "billing", scores: [0.9, 0.1], extra: null }} />);
    expect(out).toContain('<details class="json-node" open="">');
    expect(out).toContain('&quot;label&quot;: </span><span class="json-string">&quot;billing&quot;</span>');
    expect(out).toContain("2 items");
  });
});
