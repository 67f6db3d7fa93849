// Tests (Node): the simulator's embeddings carry meaning: synonyms and related words land closer
// than unrelated ones, and the semantic-search and RAG lessons' examples retrieve the right text.
import { describe, expect, it } from "vitest";
import { embedText } from "./embeddingVector";

const DIMS = 1536;
const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);
const similarity = (a: string, b: string) => dot(embedText(a, DIMS), embedText(b, DIMS));
/** The texts ordered by similarity to the query, closest first. */
const rank = (query: string, texts: readonly string[]) => {
  const q = embedText(query, DIMS);
  return [...texts].sort((a, b) => dot(q, embedText(b, DIMS)) - dot(q, embedText(a, DIMS)));
};

/** [word, a synonym or closely related word, an unrelated word]. */
export const MEANING_PAIRS: readonly (readonly [string, string, string])[] = [
  ["cat", "kitten", "dough"],
  ["cat", "feline", "invoice"],
  ["dog", "puppy", "spreadsheet"],
  ["car", "automobile", "banana"],
  ["doctor", "physician", "guitar"],
  ["buy", "purchase", "volcano"],
  ["big", "large", "whisper"],
  ["happy", "glad", "cement"],
  ["begin", "start", "oyster"],
  ["shop", "store", "eclipse"],
  ["child", "kid", "carburetor"],
  ["house", "home", "algebra"],
  ["road", "street", "lullaby"],
  ["error", "mistake", "pineapple"],
  ["fast", "quick", "furniture"],
  ["money", "cash", "thunder"],
  ["ocean", "sea", "printer"],
  ["illness", "disease", "trumpet"],
  ["job", "occupation", "glacier"],
  ["talk", "speak", "broccoli"],
  ["film", "movie", "tractor"],
  ["lawyer", "attorney", "butterfly"],
  ["vacation", "holiday", "microscope"],
  ["salary", "wage", "penguin"],
  ["invoice", "bill", "sunflower"],
  ["refund", "reimbursement", "earthquake"],
  ["flaw", "defect", "lemonade"],
  ["city", "town", "violin"],
  ["sleep", "nap", "calculator"],
  ["cook", "chef", "asteroid"],
  ["teacher", "instructor", "mushroom"],
  ["sofa", "couch", "meteor"],
  ["rabbit", "bunny", "statute"],
  ["ship", "boat", "pencil"],
  ["kittens", "cats", "bakeries"],
  ["leave", "time off", "spreadsheet"],
];

describe("embeddings with meaning", () => {
  it.each(MEANING_PAIRS)("%s is closer to %s than to %s", (word, related, unrelated) => {
    expect(similarity(word, related)).toBeGreaterThan(similarity(word, unrelated));
  });

  it("puts a kitten closer to a cat than a puppy is", () => {
    expect(similarity("cat", "kitten")).toBeGreaterThan(similarity("cat", "puppy"));
  });

  it("does not rank kneading dough first for feline pets sleeping", () => {
    const texts = ["Knead the dough for ten minutes.", "The cat is asleep on the couch.", "File the quarterly tax return before the deadline."];
    expect(rank("feline pets sleeping", texts)[0]).toBe("The cat is asleep on the couch.");
  });

  // Topic 20 (semantic search): "paid time off balance" finds "annual leave entitlement" with no word in common.
  it("ranks the annual leave entitlement text first for paid time off balance", () => {
    const leave = "Your annual leave entitlement is 25 days; the days remaining are shown on your payslip.";
    const texts = [
      "Expense claims must be filed within 30 days of purchase.",
      "Laptops are replaced every three years.",
      leave,
      "The cafeteria serves lunch from noon until two.",
      "Reset your password from the login page.",
    ];
    expect(rank("paid time off balance", texts)[0]).toBe(leave);
  });

  // Topic 19 (embeddings in RAG): "leave carry forward" against an HR policy retrieves the unused-leave chunk.
  it("retrieves the chunk about unused leave for leave carry forward", () => {
    const chunks = [
      "Annual leave: full-time employees receive 25 days of paid annual leave per calendar year.",
      "Carry forward: up to 5 unused leave days may be carried forward into the next year and must be used by 31 March.",
      "Sick leave: tell your manager before 10 am on the first day of absence.",
      "Expenses: submit receipts through the finance portal within 30 days of purchase.",
      "Remote work: staff may work from home up to two days per week with manager approval.",
    ];
    expect(rank("leave carry forward", chunks)[0]).toBe(chunks[1]);
    expect(rank("Can I carry forward unused leave days?", chunks)[0]).toBe(chunks[1]);
  });
});
