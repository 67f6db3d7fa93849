// Tests (Node): morphy finds the base forms a lexicon lists, by detachment rules and irregular forms.
import { describe, expect, it } from "vitest";
import { conceptLexicon } from "./conceptLexicon";
import { baseForms, type WordPos } from "./morphy";

const LEXICON: Record<string, WordPos[]> = {
  kitten: ["n"], box: ["n"], church: ["n"], policeman: ["n"], city: ["n"], carry: ["v"], stop: ["v"],
  make: ["v"], run: ["v"], happy: ["a"], large: ["a"], child: ["n"], pay: ["v"], paid: ["a"], leave: ["n", "v"], leaf: ["n"],
};
const isLemma = (lemma: string, pos: WordPos) => LEXICON[lemma]?.includes(pos) ?? false;
const lemmas = (word: string) => baseForms(word, isLemma).map((f) => `${f.lemma}/${f.pos}`);

describe("baseForms", () => {
  it("applies WordNet's detachment rules per part of speech", () => {
    expect(lemmas("kittens")).toEqual(["kitten/n"]);
    expect(lemmas("boxes")).toEqual(["box/n"]);
    expect(lemmas("churches")).toEqual(["church/n"]);
    expect(lemmas("policemen")).toEqual(["policeman/n"]);
    expect(lemmas("cities")).toEqual(["city/n"]);
    expect(lemmas("carried")).toEqual(["carry/v"]);
    expect(lemmas("making")).toEqual(["make/v"]);
    expect(lemmas("larger")).toEqual(["large/a"]);
  });

  it("undoubles a final consonant and knows common irregular forms", () => {
    expect(lemmas("stopped")).toEqual(["stop/v"]);
    expect(lemmas("running")).toEqual(["run/v"]);
    expect(lemmas("children")).toEqual(["child/n"]);
    expect(lemmas("ran")).toEqual(["run/v"]);
    expect(lemmas("paid")).toEqual(["pay/v", "paid/a"]);
    expect(lemmas("leaves")).toEqual(["leaf/n", "leave/n", "leave/v"]);
  });

  it("returns nothing for a word the lexicon cannot reach", () => {
    expect(lemmas("zorblat")).toEqual([]);
  });

  it("works against the shipped WordNet lexicon", () => {
    const lexicon = conceptLexicon();
    const names = (word: string) => lexicon.lemmasOf(word).map((id) => lexicon.nameOf(id));
    expect(names("kittens")).toEqual(["kitten"]);
    expect(names("carried")).toContain("carry");
    expect(names("happier")).toEqual(["happy"]);
    expect(lexicon.idOf("carry forward")).toBeDefined();
  });
});
