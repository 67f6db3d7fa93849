// Tests: the command palette's matching and order.
import { describe, expect, it } from "vitest";
import { matchScore, rankPalette, type PaletteEntry } from "./paletteRank";

const entries: PaletteEntry[] = [
  { id: "view:playground", kind: "view", title: "Playground" },
  { id: "view:reliability", kind: "view", title: "Reliability" },
  { id: "view:experiments", kind: "view", title: "Experiments" },
  { id: "action:new-experiment", kind: "action", title: "New experiment" },
  { id: "action:theme-dark", kind: "action", title: "Theme: dark", keywords: ["switch theme", "night"] },
  { id: "lesson:rate", kind: "lesson", title: "Handling rate limits", detail: "Lesson 7" },
  { id: "experiment:a", kind: "experiment", title: "Playground copy" },
];

const ids = (query: string) => rankPalette(entries, query).map((e) => e.id);

describe("palette matching", () => {
  it("scores exact, prefix, word starts, anywhere and letters in order, in that order", () => {
    const scores = ["new experiment", "new exp", "exp new", "experim", "nwx"].map((q) => matchScore("New experiment", q));
    expect(scores).toEqual([100, 80, 60, 60, 10]);
    expect(matchScore("Reliability", "abil")).toBe(40);
    expect(matchScore("Reliability", "zzz")).toBe(0);
    expect(matchScore("Reliability", "  ")).toBe(1);
  });

  it("lists everything by kind for an empty query", () => {
    expect(ids("")).toEqual(["view:playground", "view:reliability", "view:experiments", "action:new-experiment", "action:theme-dark", "lesson:rate", "experiment:a"]);
  });

  it("puts a title prefix before a word match and drops what does not match", () => {
    expect(ids("exp")).toEqual(["view:experiments", "action:new-experiment"]);
    expect(ids("rate")).toEqual(["lesson:rate"]);
  });

  it("finds by keywords and detail, below an equal title match", () => {
    expect(ids("night")).toEqual(["action:theme-dark"]);
    expect(ids("lesson 7")).toEqual(["lesson:rate"]);
    // "nht" has the letters of "night" in order, but keywords need a real match.
    expect(ids("nht")).toEqual([]);
    // "play" starts two titles: the view comes before the experiment of the same score.
    expect(ids("play")).toEqual(["view:playground", "experiment:a"]);
  });

  it("keeps at most the limit", () => {
    expect(rankPalette(entries, "", 2).map((e) => e.id)).toEqual(["view:playground", "view:reliability"]);
  });
});
