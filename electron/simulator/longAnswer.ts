// Main process (simulator): the long answer a prompt asks for ("a detailed guide", "an essay", "a
// report"): structured Markdown (headings, lists, a table, fenced code) assembled from the prompt's
// own topic words and sentences until the token budget is spent. It says it holds no knowledge.
import { countTokens } from "./tokens";
import { pick, type Rng } from "./random";
import { contentWords } from "./words";

/** Without a max_completion_tokens, a long answer runs to about this many tokens. */
export const LONG_ANSWER_TOKENS = 1200;
/** Never build more than this, whatever the cap (the cap then cuts it). */
const HARD_LIMIT_TOKENS = 8000;

const LANGUAGES: [RegExp, string][] = [
  [/\bpython\b/i, "python"],
  [/\btypescript\b|\bts\b/i, "typescript"],
  [/\bjavascript\b|\bnode(\.js)?\b|\bjs\b/i, "javascript"],
  [/\bsql\b/i, "sql"],
  [/\bbash\b|\bshell\b|\bcurl\b/i, "bash"],
  [/\bjson\b/i, "json"],
  [/\bgo(lang)?\b/i, "go"],
  [/\brust\b/i, "rust"],
];

const capitalise = (text: string) => (text ? text[0]!.toUpperCase() + text.slice(1) : text);
const identifier = (word: string) => word.replace(/[^\p{L}\p{N}]+/gu, "_").toLowerCase();

/** A code block of the asked-for language, outlining one step per topic word; its first line says it is simulated. */
function codeBlock(language: string, topics: readonly string[]): string {
  const steps = topics.slice(0, 4);
  const lines: string[] = [];
  switch (language) {
    case "python":
      lines.push("# Simulated outline from the prompt's words; no model wrote this code.");
      for (const t of steps) lines.push(`def handle_${identifier(t)}(data):`, `    """Step for ${t}: fill in what the prompt asks."""`, "    return data", "");
      lines.push(`result = ${steps.reduceRight((inner, t) => `handle_${identifier(t)}(${inner})`, "{}")}`);
      break;
    case "sql":
      lines.push("-- Simulated outline from the prompt's words; no model wrote this query.");
      lines.push(`SELECT ${steps.map(identifier).join(", ") || "*"}`, `FROM ${identifier(steps[0] ?? "items")}`, "LIMIT 10;");
      break;
    case "bash":
      lines.push("# Simulated outline from the prompt's words; no model wrote these commands.");
      for (const t of steps) lines.push(`echo "step: ${t}"`);
      break;
    case "json":
      lines.push(JSON.stringify({ simulated: true, steps }, null, 2));
      break;
    default:
      lines.push("// Simulated outline from the prompt's words; no model wrote this code.");
      for (const t of steps) lines.push(`function handle${capitalise(identifier(t).replace(/_(.)/g, (_m, c: string) => c.toUpperCase()))}(data) {`, `  // Step for ${t}: fill in what the prompt asks.`, "  return data;", "}", "");
  }
  return ["```" + (language === "default" ? "javascript" : language), ...lines, "```"].join("\n");
}

/**
 * Markdown for a long answer about `topics` (the prompt's content words, most relevant first),
 * quoting `facts` (the prompt's sentences), grown section by section until it holds at least
 * `budget` tokens, so a max_completion_tokens cap cuts it (finish_reason "length") and a stream
 * has plenty to send. Deterministic for a generator.
 */
export function longAnswer(instructions: string, topics: readonly string[], facts: readonly string[], budget: number, rng: Rng): string {
  const words = topics.length ? [...topics] : contentWords(instructions).slice(0, 6);
  if (!words.length) words.push("the request");
  // Topic words the prompt wrote as one phrase ("handling rate limits") read as that phrase, not a list.
  const phrase = words.slice(0, 3).join(" ");
  const title = capitalise(instructions.toLowerCase().replace(/\s+/g, " ").includes(phrase.toLowerCase()) ? phrase : words.slice(0, 3).join(", "));
  const language = LANGUAGES.find(([re]) => re.test(instructions))?.[1] ?? "default";
  const quote = (i: number) => facts[i % Math.max(facts.length, 1)] ?? `The prompt names ${words[i % words.length]}.`;
  const target = Math.min(Math.max(budget, 1), HARD_LIMIT_TOKENS);
  const sections: string[] = [
    `# Simulated guide: ${title}`,
    "> Simulated by Prompt Dojo: this long answer is assembled by fixed rules from the words of your prompt. " +
      "No model wrote it, and it holds no knowledge beyond what the prompt says.",
    "## Overview",
    facts.length ? facts.slice(0, 3).join(" ") : `The prompt asks about ${words.join(", ")}.`,
    "## Key terms",
    ["| Term | Where the prompt mentions it |", "| --- | --- |", ...words.slice(0, 6).map((w, i) => `| ${w} | ${quote(i).replace(/\|/g, "/")} |`)].join("\n"),
    "## Steps",
    words.slice(0, 6).map((w, i) => `${i + 1}. **${capitalise(w)}**: ${quote(i + 1)}`).join("\n"),
    "## Example",
    codeBlock(language, words),
  ];
  let tokens = sections.reduce((sum, s) => sum + countTokens(s) + 1, 0);
  const connectives = ["Consider", "Look again at", "Return to", "Check", "Revisit"];
  for (let round = 0; tokens < target; round++) {
    const word = words[round % words.length] as string;
    const section = [
      `## ${capitalise(word)}${round >= words.length ? ` (part ${Math.floor(round / words.length) + 1})` : ""}`,
      `${pick(rng, connectives)} what the prompt says about ${word}: ${quote(round)}`,
      [
        `- What the prompt states: ${quote(round + 1)}`,
        `- Related words in the prompt: ${words.filter((w) => w !== word).slice(0, 4).join(", ") || "none"}`,
        `- What the simulator cannot add: facts about ${word} that the prompt does not contain.`,
      ].join("\n"),
    ].join("\n\n");
    sections.push(section);
    tokens += countTokens(section) + 2;
  }
  sections.push("## Summary", `This simulated guide only rearranges your prompt's words about ${words.slice(0, 4).join(", ")}; check every claim elsewhere.`);
  return sections.join("\n\n");
}
