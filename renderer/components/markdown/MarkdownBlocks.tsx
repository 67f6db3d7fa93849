// Renderer: GitHub-flavoured Markdown as React elements, from marked's lexer (headings, lists with
// task items, tables, quotes, code, links, emphasis). Raw HTML is shown as text and links go only to
// http(s)/mailto: nothing the text holds can run or load.
import { Fragment, memo, type ReactNode } from "react";
import { marked, type Token, type Tokens } from "marked";
import { CodeBlock } from "./CodeBlock";
import { safeLinkUrl } from "./safeUrl";

/** Renders inline tokens (the content of a paragraph, heading, cell...). */
function inline(tokens: Token[] | undefined, keyBase = ""): ReactNode {
  if (!tokens) return null;
  return tokens.map((token, i) => <Fragment key={`${keyBase}${i}`}>{inlineToken(token)}</Fragment>);
}

function inlineToken(token: Token): ReactNode {
  switch (token.type) {
    case "strong":
      return <strong>{inline((token as Tokens.Strong).tokens)}</strong>;
    case "em":
      return <em>{inline((token as Tokens.Em).tokens)}</em>;
    case "del":
      return <del>{inline((token as Tokens.Del).tokens)}</del>;
    case "codespan":
      return <code>{decode((token as Tokens.Codespan).text)}</code>;
    case "br":
      return <br />;
    case "link": {
      const link = token as Tokens.Link;
      const url = safeLinkUrl(link.href);
      if (!url) return <span title={`Not a web link: ${link.href}`}>{inline(link.tokens)}</span>;
      return (
        <a href={url} target="_blank" rel="noopener noreferrer" title={url}>
          {inline(link.tokens)}
        </a>
      );
    }
    case "image": {
      // Images are never fetched: an answer must not make the app load remote content.
      const image = token as Tokens.Image;
      return <span className="md-image">[image: {image.text || image.href}]</span>;
    }
    case "text": {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens) : decode(text.text);
    }
    case "escape":
      return decode((token as Tokens.Escape).text);
    case "html":
      return (token as Tokens.HTML).raw;
    default:
      return "raw" in token ? token.raw : null;
  }
}

/** marked escapes &, <, > and quotes in text it hands over; React escapes again, so undo marked's. */
function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name] ?? _m);
}

function blockToken(token: Token, headingBase: number, key: number): ReactNode {
  switch (token.type) {
    case "heading": {
      const heading = token as Tokens.Heading;
      const level = Math.min(6, heading.depth + headingBase - 1);
      const Tag = `h${level}` as "h1";
      return <Tag key={key}>{inline(heading.tokens)}</Tag>;
    }
    case "paragraph":
      return <p key={key}>{inline((token as Tokens.Paragraph).tokens)}</p>;
    case "text": {
      const text = token as Tokens.Text;
      return <Fragment key={key}>{text.tokens ? inline(text.tokens) : decode(text.text)}</Fragment>;
    }
    case "code": {
      const code = token as Tokens.Code;
      return <CodeBlock key={key} code={code.text} info={code.lang ?? ""} />;
    }
    case "blockquote":
      return <blockquote key={key}>{blocks((token as Tokens.Blockquote).tokens, headingBase)}</blockquote>;
    case "list": {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => (
        <li key={i} className={item.task ? "md-task" : undefined}>
          {item.task ? <input type="checkbox" checked={item.checked === true} disabled aria-label={item.checked ? "done" : "not done"} /> : null}
          {blocks(item.tokens.filter((t) => t.type !== "checkbox"), headingBase)}
        </li>
      ));
      return list.ordered ? (
        <ol key={key} start={typeof list.start === "number" && list.start !== 1 ? list.start : undefined}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case "table": {
      const table = token as Tokens.Table;
      const align = (i: number) => table.align[i] ?? undefined;
      return (
        <div key={key} className="md-table-wrap">
          <table className="md-table">
            <thead>
              <tr>
                {table.header.map((cell, i) => (
                  <th key={i} style={align(i) ? { textAlign: align(i) as "left" } : undefined}>
                    {inline(cell.tokens)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} style={align(i) ? { textAlign: align(i) as "left" } : undefined}>
                      {inline(cell.tokens)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case "hr":
      return <hr key={key} />;
    case "space":
      return null;
    case "html":
      // Raw HTML is text here: shown, never interpreted.
      return (
        <p key={key} className="md-raw-html">
          {(token as Tokens.HTML).raw}
        </p>
      );
    default:
      return "raw" in token ? <p key={key}>{token.raw}</p> : null;
  }
}

function blocks(tokens: Token[], headingBase: number): ReactNode {
  return tokens.map((token, i) => blockToken(token, headingBase, i));
}

/**
 * One block of Markdown source (a paragraph, a list, a table, a fenced block...), memoized on its
 * text: while an answer streams only the growing last block is lexed and rendered again.
 */
export const MarkdownBlock = memo(function MarkdownBlock({ source, headingBase }: { source: string; headingBase: number }) {
  // Its own box (.md-block): the browser lays out and paints only the blocks on screen, so a long
  // answer costs each frame the same as a short one (content-visibility in markdown.css).
  return <div className="md-block">{blocks(marked.lexer(source, { gfm: true }), headingBase)}</div>;
});
