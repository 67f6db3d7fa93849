// Renderer: the command palette's matching as a pure function: which entries a typed query finds
// and in what order (title prefix, then word starts, then anywhere, then letters in order).

/** What an entry of the palette is. */
export type PaletteKind = "view" | "action" | "lesson" | "experiment";

/** One thing the palette can find. */
export interface PaletteEntry {
  /** Unique among the entries, e.g. "view:evals", "lesson:01-first-request". */
  id: string;
  kind: PaletteKind;
  title: string;
  /** Shown after the title (a shortcut, a lesson number); also searched. */
  detail?: string;
  /** Other words that find it ("dark" finds the theme actions). */
  keywords?: readonly string[];
}

/** How well a query matches one text: higher is better, 0 is no match. */
export function matchScore(text: string, query: string): number {
  const t = text.toLowerCase();
  const q = query.trim().toLowerCase();
  if (!q) return 1;
  if (t === q) return 100;
  if (t.startsWith(q)) return 80;
  // Every query word starts a word of the text ("new exp" finds "New experiment").
  const words = t.split(/[^a-z0-9]+/).filter(Boolean);
  const parts = q.split(/\s+/).filter(Boolean);
  if (parts.every((p) => words.some((w) => w.startsWith(p)))) return 60;
  if (t.includes(q)) return 40;
  // The query's letters in order, gaps allowed ("rlb" finds "Reliability"): the weakest match.
  let at = 0;
  for (const ch of q.replace(/\s+/g, "")) {
    at = t.indexOf(ch, at);
    if (at < 0) return 0;
    at += 1;
  }
  return 10;
}

/** Order of the kinds when scores tie: places first, then actions, lessons, experiments. */
const KIND_ORDER: Record<PaletteKind, number> = { view: 0, action: 1, lesson: 2, experiment: 3 };

/**
 * The entries a query finds, best first, at most `limit`. The title counts fully, the detail and
 * keywords a little less (and never by letters in order), so a title match beats a keyword match. Ties keep kind order, then the
 * order given. An empty query lists everything in that order.
 */
export function rankPalette(entries: readonly PaletteEntry[], query: string, limit = 50): PaletteEntry[] {
  const scored: { entry: PaletteEntry; score: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    const extra = [entry.detail ?? "", ...(entry.keywords ?? [])].filter(Boolean);
    // Letters-in-order matching is for titles only: over longer extra text it would find nearly anything.
    const extraScores = extra.map((text) => matchScore(text, query)).map((s) => (s > 10 ? s * 0.9 : 0));
    const score = Math.max(matchScore(entry.title, query), ...extraScores);
    if (score > 0) scored.push({ entry, score, index });
  });
  scored.sort((a, b) => b.score - a.score || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.entry);
}
