// Renderer: splits streamed answer text into paragraph blocks so only the growing last one re-renders.

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Splits text at blank lines into blocks (paragraphs). A fenced code block (``` or ~~~) stays one
 * block even when it holds blank lines, and an unclosed fence runs to the end of the text.
 *
 * The property the streaming view relies on: appending text never changes any block but the
 * last, so every earlier block keeps the same string and its memoized component is skipped.
 * That holds because a block is only closed by a blank line that has already arrived, and text
 * after a closed block can only add new blocks.
 */
export function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;

  const close = () => {
    if (current.length) blocks.push(current.join("\n"));
    current = [];
  };

  for (const line of text.split("\n")) {
    const marker = FENCE.exec(line)?.[1];
    if (fence !== null) {
      current.push(line);
      // A fence is closed by a run of the same character at least as long as the opening one.
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      current.push(line);
      continue;
    }
    if (line.trim() === "") {
      close();
      continue;
    }
    current.push(line);
  }
  close();
  return blocks;
}
