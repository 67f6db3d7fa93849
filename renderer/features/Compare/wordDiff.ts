// Renderer: a word-level diff of two answers (Myers' O(ND) algorithm over words and the spaces
// between them), for showing how compared variants differ.

/** One run of the diff: text both share, text only in the second, or only in the first. */
export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/** Splits text into words and the whitespace runs between them, so joining them gives it back. */
export function splitWords(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/**
 * Beyond this many edits the diff gives up on finding the shortest script and reports the rest as
 * replaced: two unrelated long answers would otherwise cost O((N + M) * D) time and O(D^2) memory.
 */
export const MAX_EDIT_DISTANCE = 1_500;

/**
 * The parts that turn `before` into `after`, in order, with neighbouring parts of one kind merged.
 * Words are compared exactly (case and punctuation count).
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = splitWords(before);
  const b = splitWords(after);
  // Shared head and tail are cheap to strip and make the search much smaller.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push("same", a.slice(0, head).join(""));
  for (const part of middleDiff(a.slice(head, a.length - tail), b.slice(head, b.length - tail))) push(part.kind, part.text);
  push("same", a.slice(a.length - tail).join(""));
  return parts;
}

/** Myers' greedy forward search; each step's frontier (diagonals -d..d only) is kept to trace the script back. */
function middleDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m ? [{ kind: "added", text: b.join("") }] : [];
  if (m === 0) return [{ kind: "removed", text: a.join("") }];
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // frontiers[d][k + d] is the furthest x on diagonal k after d edits.
  const frontiers: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        frontiers.push(v.slice(offset - d, offset + d + 1));
        return backtrack(a, b, frontiers);
      }
    }
    frontiers.push(v.slice(offset - d, offset + d + 1));
  }
  return [
    { kind: "removed", text: a.join("") },
    { kind: "added", text: b.join("") },
  ];
}

/** Walks the frontiers from the end back to (0, 0), collecting the edits and the shared words. */
function backtrack(a: string[], b: string[], frontiers: Int32Array[]): DiffPart[] {
  const out: DiffPart[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = frontiers.length - 1; d > 0; d--) {
    const prev = frontiers[d - 1]!;
    const at = (k: number) => prev[k + d - 1]!; // prev covers diagonals -(d-1)..(d-1)
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ kind: "same", text: a[--x]! });
      y--;
    }
    if (down) out.push({ kind: "added", text: b[--y]! });
    else out.push({ kind: "removed", text: a[--x]! });
  }
  while (x > 0 && y > 0) {
    out.push({ kind: "same", text: a[--x]! });
    y--;
  }
  out.reverse();
  const merged: DiffPart[] = [];
  for (const part of out) {
    const last = merged.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
