// Main process (simulator): splitting prompt text into sentences and content words.

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have how i if in into is it its " +
    "me my no not of on or our please so than that the their them then there these they this those to us was " +
    "we were what when where which who why will with would you your yours about tell explain give show use " +
    "using should just also any some very more most much many one two three answer question"
  ).split(" "),
);

/** True for the short function words that carry little meaning ("the", "with", "please"). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Lower-case words of a text (letters, digits, apostrophes), in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'_-]*/gu) ?? [];
}

/** Words that carry meaning: no stopwords, at least three characters. */
export function contentWords(text: string): string[] {
  return words(text).filter((word) => word.length >= 3 && !STOPWORDS.has(word));
}

/**
 * Sentences of a text, trimmed, without empty ones. Keeps the closing punctuation. A sentence ends
 * at . ! or ? followed by a space or the end (closing quotes and brackets included), so the dots
 * of "support@acme.com", "3.5" or "v1.2" do not cut it.
 */
export function sentences(text: string): string[] {
  const found = text.replace(/\s+/g, " ").match(/.+?(?:[.!?]+["'’”)\]]*(?= |$)|$)/g) ?? [];
  return found.map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Words of an identifier such as `get_weather` or `getWeather`: ["get", "weather"]. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
