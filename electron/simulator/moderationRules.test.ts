// Tests (Node): keyword moderation rules.
import { describe, expect, it } from "vitest";
import { FLAG_THRESHOLD, MODERATION_CATEGORIES, moderationScores } from "./moderationRules";

describe("moderationScores", () => {
  it("scores all thirteen categories low for harmless text", () => {
    const scores = moderationScores("Have a lovely afternoon in the park.");
    expect(Object.keys(scores)).toEqual([...MODERATION_CATEGORIES]);
    expect(Math.max(...Object.values(scores))).toBeLessThan(FLAG_THRESHOLD);
  });

  it("flags by phrase, only at word starts (\"skill\" is not \"kill\")", () => {
    expect(moderationScores("I will kill you").violence).toBeGreaterThanOrEqual(FLAG_THRESHOLD);
    expect(moderationScores("a useful skill").violence).toBeLessThan(FLAG_THRESHOLD);
  });

  it("counts a threatening sub-category only with its parent", () => {
    expect(moderationScores("I will find you")["harassment/threatening"]).toBeLessThan(FLAG_THRESHOLD);
    expect(moderationScores("you idiot, I will find you")["harassment/threatening"]).toBeGreaterThanOrEqual(FLAG_THRESHOLD);
  });

  it("gives higher scores for more hits", () => {
    expect(moderationScores("stab and shoot and attack").violence).toBeGreaterThan(moderationScores("attack").violence);
  });
});
