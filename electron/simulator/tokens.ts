// Main process (simulator): token counting and splitting with the real o200k_base tokenizer.
import { decode, encode } from "gpt-tokenizer/encoding/o200k_base";

/** Number of o200k_base tokens in a text. */
export function countTokens(text: string): number {
  return text ? encode(text).length : 0;
}

/** A piece of text that is one token, or a few when a character spans tokens. */
export interface TokenPiece {
  text: string;
  tokens: number;
}

/**
 * Splits text on real token boundaries. A token that ends inside a multi-byte character is
 * joined with the next one, so every piece is valid text and the pieces concatenate to the input.
 */
export function tokenPieces(text: string): TokenPiece[] {
  if (!text) return [];
  const pieces: TokenPiece[] = [];
  let pending: number[] = [];
  for (const token of encode(text)) {
    pending.push(token);
    const piece = decode(pending);
    // U+FFFD marks bytes that do not form a whole character yet.
    if (piece.endsWith("\uFFFD")) continue;
    pieces.push({ text: piece, tokens: pending.length });
    pending = [];
  }
  if (pending.length) pieces.push({ text: decode(pending), tokens: pending.length });
  return pieces;
}

/** The text of each token piece (see tokenPieces). */
export function splitTokens(text: string): string[] {
  return tokenPieces(text).map((p) => p.text);
}

/** The longest prefix of a text with at most `maxTokens` tokens, cut on a piece boundary, and whether it was cut. */
export function truncateToTokens(text: string, maxTokens: number): { text: string; truncated: boolean } {
  let used = 0;
  let out = "";
  for (const piece of tokenPieces(text)) {
    if (used + piece.tokens > maxTokens) return { text: out, truncated: true };
    used += piece.tokens;
    out += piece.text;
  }
  return { text, truncated: false };
}

/** A message as far as token counting cares. */
export interface CountableMessage {
  role: string;
  content: string;
  name?: string;
}

/**
 * Prompt tokens of a conversation, following the chat format overhead OpenAI documents in its
 * cookbook (about 3 tokens per message plus 3 that prime the reply). `extra` is any other text the
 * server tokenizes with the prompt, such as tool definitions or a response schema.
 */
export function countPromptTokens(messages: readonly CountableMessage[], extra = ""): number {
  let total = 3;
  for (const message of messages) {
    total += 3 + countTokens(message.role) + countTokens(message.content);
    if (message.name) total += 1 + countTokens(message.name);
  }
  return total + countTokens(extra);
}
