// Both processes: splits documents into overlapping chunks for retrieval. Sizes are in characters
// (not tokens): a learner can see them, and they are stable whatever the model's tokenizer.

/** Chunk size and overlap, in characters. */
export interface ChunkOptions {
  /** Longest chunk, in characters. */
  size: number;
  /** Characters each chunk repeats from the end of the previous one; less than size. */
  overlap: number;
}

/** The defaults the RAG lab starts from: about a paragraph, with a sentence or so of overlap. */
export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { size: 400, overlap: 80 };

/** One chunk: its text, where it came from, and its character range in the source. */
export interface Chunk {
  /** Position among all chunks, from 0. */
  index: number;
  /** The document's name (a file name, or "Pasted text"). */
  source: string;
  text: string;
  /** Character range [start, end) in the document. */
  start: number;
  end: number;
}

/** Throws a readable error for sizes that cannot make progress. */
export function checkChunkOptions({ size, overlap }: ChunkOptions): void {
  if (!Number.isInteger(size) || size < 20) throw new Error("Chunk size must be a whole number of at least 20 characters.");
  if (!Number.isInteger(overlap) || overlap < 0) throw new Error("Overlap must be a whole number of characters, 0 or more.");
  if (overlap >= size / 2) throw new Error("Overlap must be less than half the chunk size, or chunks would mostly repeat.");
}

/**
 * Where to end a chunk that starts at `start`: at most `size` characters on, pulled back to the
 * last sentence end, else the last whitespace, found in the window's second half (so a chunk is
 * never cut mid-word unless a single word is longer than half a chunk).
 */
function chunkEnd(text: string, start: number, size: number): number {
  const limit = Math.min(text.length, start + size);
  if (limit === text.length) return limit;
  const window = text.slice(start, limit);
  const half = Math.floor(size / 2);
  const sentence = Math.max(window.lastIndexOf(". "), window.lastIndexOf("! "), window.lastIndexOf("? "), window.lastIndexOf("\n"));
  if (sentence >= half) return start + sentence + 1;
  const space = window.search(/\s\S*$/);
  if (space >= half) return start + space;
  return limit;
}

/** Where the next chunk starts: `overlap` characters back from `end`, moved forward to a word start. */
function nextStart(text: string, start: number, end: number, overlap: number): number {
  let next = Math.max(start + 1, end - overlap);
  while (next < end && next > 0 && /\S/.test(text[next - 1] ?? "") && /\S/.test(text[next] ?? "")) next++;
  while (next < end && /\s/.test(text[next] ?? "")) next++;
  return next;
}

/** Splits one document. Chunks are trimmed; whitespace-only ones are dropped. */
export function chunkText(text: string, options: ChunkOptions, source = "Pasted text", firstIndex = 0): Chunk[] {
  checkChunkOptions(options);
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    const end = chunkEnd(text, start, options.size);
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) chunks.push({ index: firstIndex + chunks.length, source, text: body, start: start + lead, end: start + lead + body.length });
    if (end >= text.length) break;
    start = nextStart(text, start, end, options.overlap);
  }
  return chunks;
}

/** Splits several documents, numbering chunks across all of them. */
export function chunkDocuments(documents: readonly { name: string; text: string }[], options: ChunkOptions): Chunk[] {
  const all: Chunk[] = [];
  for (const doc of documents) all.push(...chunkText(doc.text, options, doc.name, all.length));
  return all;
}
