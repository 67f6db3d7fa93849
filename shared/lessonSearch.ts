// Both processes: search across lessons: every word of the query must appear somewhere in the
// lesson; matches in the title weigh most, then summary and key points, then the body.
import type { Lesson } from "./lesson";

/** One search hit. */
export interface LessonHit {
  id: string;
  number: number;
  title: string;
  score: number;
  /** A short passage around the first match in the text (body or summary). */
  snippet: string;
}

/** Lower-cased words of two or more letters or digits (underscores kept: `max_tokens`). */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}_]{2,}/gu) ?? []).filter((w, i, all) => all.indexOf(w) === i);
}

function occurrences(haystack: string, word: string): number {
  let n = 0;
  for (let at = haystack.indexOf(word); at !== -1; at = haystack.indexOf(word, at + word.length)) n += 1;
  return n;
}

/** Markdown reduced to plain text for matching and snippets. */
function plain(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, " ").replace(/[`*_#>[\]()|]/g, " ").replace(/\s+/g, " ").trim();
}

function snippetAround(text: string, word: string, radius = 70): string {
  const at = text.toLowerCase().indexOf(word);
  if (at < 0) return text.slice(0, radius * 2);
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + word.length + radius);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).trim()}${end < text.length ? "…" : ""}`;
}

/** Ranks lessons for a query; an empty query finds nothing. Ties keep lesson order. */
export function searchLessons(lessons: readonly Lesson[], query: string, limit = 20): LessonHit[] {
  const words = searchWords(query);
  if (!words.length) return [];
  const hits: LessonHit[] = [];
  for (const { frontMatter: fm, sections } of lessons) {
    const fields = [
      { text: fm.title.toLowerCase(), weight: 8 },
      { text: [fm.summary, ...fm.keyPoints].join(" ").toLowerCase(), weight: 3 },
      { text: plain(sections.map((s) => s.markdown).join(" ")).toLowerCase(), weight: 1 },
    ];
    let score = 0;
    let allFound = true;
    for (const word of words) {
      const found = fields.reduce((sum, f) => sum + Math.min(occurrences(f.text, word), 5) * f.weight, 0);
      if (found === 0) allFound = false;
      score += found;
    }
    if (!allFound) continue;
    const body = plain(sections.map((s) => s.markdown).join(" "));
    const source = body.toLowerCase().includes(words[0]!) ? body : fm.summary;
    hits.push({ id: fm.id, number: fm.number, title: fm.title, score, snippet: snippetAround(source, words[0]!) });
  }
  return hits.sort((a, b) => b.score - a.score || a.number - b.number).slice(0, limit);
}
