// Main process (simulator): keyword rules that score text in the thirteen moderation categories.

/** The thirteen categories of CreateModerationResponse, in the spec's order. */
export const MODERATION_CATEGORIES = [
  "hate",
  "hate/threatening",
  "harassment",
  "harassment/threatening",
  "illicit",
  "illicit/violent",
  "self-harm",
  "self-harm/intent",
  "self-harm/instructions",
  "sexual",
  "sexual/minors",
  "violence",
  "violence/graphic",
] as const;

/** One of the thirteen categories. */
export type ModerationCategory = (typeof MODERATION_CATEGORIES)[number];

/** Categories whose scores may also come from images (category_applied_input_types in the spec). */
export const IMAGE_CATEGORIES: ReadonlySet<ModerationCategory> = new Set([
  "self-harm",
  "self-harm/intent",
  "self-harm/instructions",
  "sexual",
  "violence",
  "violence/graphic",
]);

const THREATS = ["kill you", "hurt you", "beat you", "find you", "come for you", "you will regret", "make you pay"];

/** Phrases per category; a sub-category also needs its parent's phrases where noted below. */
const PHRASES: Record<ModerationCategory, string[]> = {
  hate: ["subhuman", "vermin", "inferior race", "go back to your country", "those people are animals"],
  "hate/threatening": THREATS,
  harassment: ["idiot", "stupid", "loser", "moron", "pathetic", "worthless", "shut up", "hate you", "nobody likes you"],
  "harassment/threatening": THREATS,
  illicit: ["shoplift", "steal", "launder", "counterfeit", "hack into", "pick a lock", "evade taxes", "forge"],
  "illicit/violent": ["make a bomb", "build a bomb", "build a weapon", "untraceable gun", "explosive"],
  "self-harm": ["suicide", "self-harm", "self harm", "hurt myself", "kill myself", "cut myself", "end my life"],
  "self-harm/intent": ["i want to die", "i will kill myself", "i'm going to hurt myself", "going to end my life"],
  "self-harm/instructions": ["how to kill myself", "ways to hurt myself", "how to self-harm", "how to cut myself"],
  sexual: ["sexual", "porn", "explicit sex", "nude", "erotic"],
  "sexual/minors": ["minor", "child", "underage", "teenager"],
  violence: ["kill", "murder", "stab", "shoot", "attack", "assault", "beat up", "bomb", "weapon"],
  "violence/graphic": ["gore", "dismember", "mutilat", "blood everywhere", "disembowel"],
};

/** Categories that only count when their parent also matched (e.g. sexual/minors needs sexual). */
const NEEDS_PARENT: Partial<Record<ModerationCategory, ModerationCategory>> = {
  "hate/threatening": "hate",
  "harassment/threatening": "harassment",
  "sexual/minors": "sexual",
};

function hits(text: string, phrases: readonly string[]): number {
  // A phrase must start at a word boundary ("kill" is not in "skill") but may be a word's prefix.
  return phrases.filter((p) => new RegExp(`\\b${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).test(text)).length;
}

/** From hit counts to a score: tiny with no hit, above 0.5 (flagged) from the first hit, rising with more. */
function scoreFor(count: number, jitter: number): number {
  if (count === 0) return 0.00001 + jitter * 0.0005;
  return Math.min(0.99, 0.62 + 0.12 * (count - 1) + jitter * 0.02);
}

/** Scores of each category for a text: deterministic, from keyword hits. */
export function moderationScores(text: string): Record<ModerationCategory, number> {
  const lower = ` ${text.toLowerCase()} `;
  const counts = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, hits(lower, PHRASES[c])])) as Record<ModerationCategory, number>;
  for (const [child, parent] of Object.entries(NEEDS_PARENT) as [ModerationCategory, ModerationCategory][]) {
    if (counts[parent] === 0) counts[child] = 0;
  }
  return Object.fromEntries(
    MODERATION_CATEGORIES.map((c, i) => {
      const jitter = ((lower.length * 31 + i * 17) % 97) / 97;
      return [c, Number(scoreFor(counts[c], jitter).toPrecision(6))];
    }),
  ) as Record<ModerationCategory, number>;
}

/** A score at or above this flags its category. */
export const FLAG_THRESHOLD = 0.5;
