// Both processes: the lesson format. A lesson file is YAML front matter (the structured parts:
// preset, exercise, quiz, review cards, interview) and a Markdown body of six fixed sections.
import { load } from "js-yaml";
import { z } from "zod";
import { Assertion } from "./assertions";
import { ChatRequest } from "./chatRequest";
import { describeZodError } from "./errors";
import { EVAL_FACT_NAMES } from "./evalObservation";
import { EvalCase, EvalSettings } from "./evals";
import { ExperimentRef } from "./experiments";
import { PresetSettingsFields } from "./lessonPresetSettings";
import { safePatternProblem } from "./regex/safePattern";
import { wholeWords } from "./shortAnswer";
import { LessonTrack, lessonFileName, topicByNumber } from "./lessonTopics";
import { SimulatorFailure } from "./schemas";
import { variablesIn } from "./template";
import { DEFAULT_STEP_LIMIT, ToolsDraft } from "./toolSettings";

export { LessonTrack } from "./lessonTopics";

const Text = z.string().trim().min(1);

/**
 * How the playground answers a preset's tool calls: each tool's settings (mock, sensitivity,
 * limits) by name, and the step limit (the default when left out). The playground draft's shape.
 */
export const PresetTools = ToolsDraft.extend({ stepLimit: ToolsDraft.shape.stepLimit.default(DEFAULT_STEP_LIMIT) }).strict();
export type PresetTools = z.infer<typeof PresetTools>;

/**
 * What the playground holds for a lesson: the request (messages, parameters, response_format,
 * tools, tool_choice), the failure the simulator should produce and, optionally, the tool settings.
 */
export const PlaygroundPreset = z
  .object({
    request: ChatRequest,
    /** Applies on the simulator profile only; ignored with a real provider. */
    simulatorFailure: SimulatorFailure.default("none"),
    /** Not sent to the model; without it, loading the preset resets every tool to "answer by hand". */
    tools: PresetTools.optional(),
    /** App settings the preset sets when loaded (safety switches, fallback chain, retry policy); absent ones are left as they are. */
    ...PresetSettingsFields,
  })
  .strict();
export type PlaygroundPreset = z.infer<typeof PlaygroundPreset>;

/** A worked example: a realistic scenario, what goes over the wire, and what to notice. */
export const WorkedExample = z
  .object({
    scenario: Text,
    /** The wire text (request or response JSON, headers...) shown as code. */
    code: Text,
    /** The language of `code`, for its label ("json", "http", "ts"...). */
    language: z.string().regex(/^[a-z]{1,12}$/).default("json"),
    explanation: Text,
  })
  .strict();

/** The hands-on part: a goal, graded by the assertion engine on a playground run. */
export const PlaygroundExercise = z
  .object({
    /** Where the exercise is graded: the playground's latest run (the default). */
    source: z.literal("playground").optional(),
    goal: Text,
    /** Revealed one at a time. */
    hints: z.array(Text).min(1),
    assertions: z.array(Assertion).min(1).max(20),
    solution: PlaygroundPreset,
    /** A plausible attempt that must fail, so the assertions are known to discriminate. */
    wrongAttempt: PlaygroundPreset.extend({ why: Text }).strict(),
  })
  .strict();
export type PlaygroundExercise = z.infer<typeof PlaygroundExercise>;

/** What the Embeddings lab holds for a lesson: the texts (one vector each), the width, a search query. */
export const EmbeddingsPreset = z
  .object({
    texts: z.array(Text).min(1).max(200),
    /** Shorter vectors (text-embedding-3 models and the simulator); absent: the model's default width. */
    dimensions: z.number().int().min(1).max(4096).optional(),
    /** What to search for in the lab once the texts are embedded. */
    query: Text.optional(),
  })
  .strict();
export type EmbeddingsPreset = z.infer<typeof EmbeddingsPreset>;

const ProbeName = z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/, "name a probe in camelCase, e.g. catNearKitten");
const TopK = z.number().int().min(1).max(10).default(1);

/**
 * One measurement of the learner's latest embeddings. Its `name` becomes a fact: true, false, or
 * null when a text it needs is not among the embedded texts (or, for a query, not searched for).
 */
export const EmbeddingProbe = z.discriminatedUnion("kind", [
  /** `anchor` is closer (cosine similarity) to `nearer` than to `farther`. */
  z.object({ kind: z.literal("closer"), name: ProbeName, anchor: Text, nearer: Text, farther: Text }).strict(),
  /** Semantic search: `expect` is among the `k` texts closest in meaning to `query` (the query itself left out). */
  z.object({ kind: z.literal("semantic-top"), name: ProbeName, query: Text, expect: Text, k: TopK }).strict(),
  /** Keyword search (BM25) over the same texts: `expect` is among the top `k` hits for `query`. */
  z.object({ kind: z.literal("keyword-top"), name: ProbeName, query: Text, expect: Text, k: TopK }).strict(),
]);
export type EmbeddingProbe = z.infer<typeof EmbeddingProbe>;

/**
 * An exercise graded on the learner's latest Embeddings lab result instead of a chat run: the
 * probes measure it, and `fact` assertions check the probes' facts (and model, dimensions, textCount).
 */
export const EmbeddingsExercise = z
  .object({
    source: z.literal("embeddings"),
    goal: Text,
    hints: z.array(Text).min(1),
    probes: z.array(EmbeddingProbe).min(1).max(10),
    assertions: z.array(Assertion).min(1).max(20),
    solution: EmbeddingsPreset,
    wrongAttempt: EmbeddingsPreset.extend({ why: Text }).strict(),
  })
  .strict();
export type EmbeddingsExercise = z.infer<typeof EmbeddingsExercise>;

/** One prompt version of an evaluation preset: its label and request template (`{{column}}` filled per case). */
export const EvalPresetVariant = z
  .object({
    label: z.string().trim().min(1).max(120),
    request: ChatRequest,
    /** The saved experiment version it came from (as the Evals view records it), when it did. */
    experiment: ExperimentRef.optional(),
  })
  .strict();

/**
 * What the Evals view holds for a lesson: a dataset (cases with their columns and checks), the prompt
 * versions run over it (each on the learner's active profile) and how (direct or Batch API, concurrency, cache).
 */
export const EvalPreset = z
  .object({
    dataset: z
      .object({
        name: z.string().trim().min(1).max(120),
        columns: z.array(z.string().min(1).max(80)).max(20),
        cases: z.array(EvalCase).min(1).max(100),
        assertions: z.array(Assertion).max(20).default([]),
      })
      .strict(),
    variants: z.array(EvalPresetVariant).min(1).max(8),
    settings: EvalSettings.default({ concurrency: 4, cache: false, mode: "direct" }),
  })
  .strict();
export type EvalPreset = z.infer<typeof EvalPreset>;

/** A lesson's pattern is tried case-insensitively on the linear-time engine; says why it cannot be. */
function checkLessonPattern(p: string, ctx: z.RefinementCtx): void {
  const problem = safePatternProblem(p, "i");
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

const RegexSource = z.string().min(1).max(500).superRefine(checkLessonPattern);

/**
 * One measurement of the dataset behind an evaluation run. Its `name` becomes a fact: true when some
 * case's columns match every pattern (case-insensitive) and, with `withAssertions`, the case carries
 * checks of its own (an expected label or criterion); null when the dataset changed since the run.
 */
export const EvalProbe = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("case"),
      name: ProbeName,
      vars: z.record(z.string(), RegexSource).refine((v) => Object.keys(v).length > 0, "name at least one column to match"),
      withAssertions: z.boolean().default(false),
    })
    .strict(),
]);
export type EvalProbe = z.infer<typeof EvalProbe>;

/**
 * An exercise graded on the learner's latest evaluation run (the one on screen in the Evals view):
 * `fact` assertions check its figures (see shared/evalObservation.ts), `max-cost` its spend.
 */
export const EvalExercise = z
  .object({
    source: z.literal("eval"),
    goal: Text,
    hints: z.array(Text).min(1),
    probes: z.array(EvalProbe).max(10).default([]),
    assertions: z.array(Assertion).min(1).max(20),
    solution: EvalPreset,
    wrongAttempt: EvalPreset.extend({ why: Text }).strict(),
  })
  .strict();
export type EvalExercise = z.infer<typeof EvalExercise>;

/** A lesson's exercise: graded on a playground run, on an embeddings result, or on an evaluation run. */
export const Exercise = z.discriminatedUnion("source", [PlaygroundExercise, EmbeddingsExercise, EvalExercise]);
export type Exercise = z.infer<typeof Exercise>;

/** A multiple-choice question: each option explains why it is right or wrong. */
export const ChoiceQuestion = z
  .object({
    kind: z.literal("choice"),
    question: Text,
    options: z.array(z.object({ text: Text, explanation: Text }).strict()).min(2).max(6),
    /** Index of the right option. */
    answer: z.number().int().nonnegative(),
  })
  .strict()
  .refine((q) => q.answer < q.options.length, { message: "answer must be the index of one of the options", path: ["answer"] });

const WholeWordPattern = Text.superRefine((p, ctx) => checkLessonPattern(wholeWords(p), ctx));

/**
 * A short-answer question, graded by shared/shortAnswer.ts: an answer is right when it makes `need`
 * distinct key points of `accept`, each as whole words and not negated, and none of `reject`.
 */
export const ShortQuestion = z
  .object({
    kind: z.literal("short"),
    question: Text,
    /** One regular expression per key point (synonyms joined with |), matched case-insensitively as whole words; write stems as `pars\w*`. */
    accept: z.array(WholeWordPattern).min(1),
    /** How many distinct key points an answer must make ("name two": 2); 1 when absent. */
    need: z.number().int().min(1).optional(),
    /** Statements that contradict the lesson ("raise the temperature"): an answer making one is wrong. */
    reject: z.array(WholeWordPattern).optional(),
    /** A model answer shown after answering. */
    sample: Text,
    explanation: Text,
  })
  .strict()
  .refine((q) => (q.need ?? 1) <= q.accept.length, { message: "need cannot exceed the number of key points in accept", path: ["need"] });

export const QuizQuestion = z.union([ChoiceQuestion, ShortQuestion]);
export type QuizQuestion = z.infer<typeof QuizQuestion>;

/** A review card: a question to answer from memory, and the points a good answer covers. */
export const ReviewCard = z.object({ question: Text, keyPoints: z.array(Text).min(1) }).strict();
export type ReviewCard = z.infer<typeof ReviewCard>;

/** The structured part of a lesson file. */
export const LessonFrontMatter = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case words joined by hyphens"),
    number: z.number().int().min(1).max(50),
    title: Text,
    track: LessonTrack,
    summary: Text,
    keyPoints: z.array(Text).min(3),
    workedExample: WorkedExample,
    preset: PlaygroundPreset,
    /** What "Try it" loads into the Embeddings lab, for lessons taught there. */
    embeddingsPreset: EmbeddingsPreset.optional(),
    /** What "Try it" loads into the Evals view, for lessons taught there. */
    evalPreset: EvalPreset.optional(),
    exercise: Exercise,
    quiz: z.array(QuizQuestion).min(3),
    reviewCards: z.array(ReviewCard).min(1),
    interview: ReviewCard,
  })
  .strict()
  .refine((l) => l.quiz.some((q) => q.kind === "choice") && l.quiz.some((q) => q.kind === "short"), {
    message: "the quiz needs at least one multiple-choice and one short-answer question",
    path: ["quiz"],
  });
export type LessonFrontMatter = z.infer<typeof LessonFrontMatter>;

/** The body's sections, in this order, each an H2 heading with exactly this text. */
export const BODY_SECTIONS = [
  { key: "what", heading: "What it is" },
  { key: "why", heading: "Why it matters" },
  { key: "wire", heading: "On the wire" },
  { key: "example", heading: "A realistic example" },
  { key: "mistakes", heading: "Common mistakes" },
  { key: "interview", heading: "In an interview" },
] as const;
export type BodySectionKey = (typeof BODY_SECTIONS)[number]["key"];

/** A body section: its heading and Markdown. */
export const LessonSection = z.object({ key: z.enum(BODY_SECTIONS.map((s) => s.key) as [BodySectionKey, ...BodySectionKey[]]), heading: z.string(), markdown: Text });
export type LessonSection = z.infer<typeof LessonSection>;

/** A whole lesson as the app uses it. */
export const Lesson = z.object({
  frontMatter: LessonFrontMatter,
  sections: z.array(LessonSection).length(BODY_SECTIONS.length),
});
export type Lesson = z.infer<typeof Lesson>;

/** A lesson file that parsed, or why it did not. */
export type ParsedLesson = { ok: true; lesson: Lesson } | { ok: false; problems: string[] };

/** Splits "---\nyaml\n---\nbody" into its two parts, or null when the file has no front matter. */
export function splitFrontMatter(text: string): { yaml: string; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ""));
  return match ? { yaml: match[1] ?? "", body: match[2] ?? "" } : null;
}

/** Cuts the Markdown body at its H2 headings and checks they are the six sections, in order. */
export function parseSections(body: string): { ok: true; sections: LessonSection[] } | { ok: false; problems: string[] } {
  const parts: { heading: string; lines: string[] }[] = [];
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^##\s+(.+?)\s*$/.exec(line);
    if (heading) parts.push({ heading: heading[1] ?? "", lines: [] });
    else if (parts.length) parts[parts.length - 1]?.lines.push(line);
    else if (line.trim()) return { ok: false, problems: [`text before the first section: "${line.trim().slice(0, 60)}"`] };
  }
  const found = parts.map((p) => p.heading);
  const wanted = BODY_SECTIONS.map((s) => s.heading);
  if (found.join("|") !== wanted.join("|")) {
    return { ok: false, problems: [`the body's sections are [${found.join(", ")}]; they must be [${wanted.join(", ")}], in that order`] };
  }
  const sections = parts.map((p, i) => ({ key: BODY_SECTIONS[i]!.key, heading: p.heading, markdown: p.lines.join("\n").trim() }));
  const empty = sections.filter((s) => !s.markdown).map((s) => s.heading);
  return empty.length ? { ok: false, problems: empty.map((h) => `the section "${h}" is empty`) } : { ok: true, sections };
}

/** An embeddings exercise: it starts from the lesson's embeddingsPreset, its probes are named once, and its attempts differ. */
function crossCheckEmbeddings(fm: LessonFrontMatter, exercise: EmbeddingsExercise): string[] {
  const problems: string[] = [];
  if (!fm.embeddingsPreset) problems.push("an embeddings exercise needs an embeddingsPreset to start from in the Embeddings lab");
  const names = exercise.probes.map((p) => p.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) problems.push(`the probe names ${[...new Set(twice)].join(", ")} are used more than once`);
  const { why: _why, ...wrong } = exercise.wrongAttempt;
  if (JSON.stringify(exercise.solution) === JSON.stringify(wrong)) problems.push("the exercise's wrong attempt is the same as its solution");
  return problems;
}

/** An eval preset's problems: case columns and `{{variables}}` the dataset does not have, repeated case ids. */
function evalPresetProblems(where: string, preset: EvalPreset): string[] {
  const problems: string[] = [];
  const columns = new Set(preset.dataset.columns);
  const ids = preset.dataset.cases.map((c) => c.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length) problems.push(`${where}.dataset has the case ids ${[...new Set(twice)].join(", ")} more than once`);
  for (const c of preset.dataset.cases) {
    const unknown = Object.keys(c.vars).filter((k) => !columns.has(k));
    if (unknown.length) problems.push(`${where}.dataset case "${c.id}" fills ${unknown.join(", ")}, which are not columns`);
  }
  preset.variants.forEach((v, i) => {
    const used = v.request.messages.flatMap((m) => variablesIn(m.content ?? ""));
    const missing = [...new Set(used.filter((name) => !columns.has(name)))];
    if (missing.length) problems.push(`${where}.variants[${i}] uses {{${missing.join("}}, {{")}}}, which the dataset has no column for`);
  });
  const labels = preset.variants.map((v) => v.label);
  if (new Set(labels).size !== labels.length) problems.push(`${where}.variants repeat a label (runs are compared by label)`);
  return problems;
}

/** An eval exercise: it starts from the lesson's evalPreset, its presets are consistent, its probes are named once, and its attempts differ. */
function crossCheckEval(fm: LessonFrontMatter, exercise: EvalExercise): string[] {
  const problems: string[] = [];
  if (!fm.evalPreset) problems.push("an eval exercise needs an evalPreset to start from in the Evals view");
  const { why: _why, ...wrong } = exercise.wrongAttempt;
  const presets: [string, EvalPreset][] = [["exercise.solution", exercise.solution], ["exercise.wrongAttempt", wrong]];
  if (fm.evalPreset) presets.unshift(["evalPreset", fm.evalPreset]);
  for (const [where, preset] of presets) problems.push(...evalPresetProblems(where, preset));
  const names = exercise.probes.map((p) => p.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) problems.push(`the probe names ${[...new Set(twice)].join(", ")} are used more than once`);
  const reserved = names.filter((n) => EVAL_FACT_NAMES.includes(n));
  if (reserved.length) problems.push(`the probe names ${reserved.join(", ")} are already facts of an evaluation run`);
  if (JSON.stringify(exercise.solution) === JSON.stringify(wrong)) problems.push("the exercise's wrong attempt is the same as its solution");
  return problems;
}

/** Checks that go beyond the schema: the topic, the file name and the presets agree. */
function crossCheck(fileName: string, fm: LessonFrontMatter): string[] {
  const problems: string[] = [];
  const topic = topicByNumber(fm.number);
  if (!topic) return [`number ${fm.number} is not a topic`];
  if (fm.id !== topic.id) problems.push(`id "${fm.id}" should be "${topic.id}" (topic ${fm.number})`);
  if (fm.title !== topic.title) problems.push(`title "${fm.title}" should be "${topic.title}" (topic ${fm.number})`);
  if (fm.track !== topic.track) problems.push(`track "${fm.track}" should be "${topic.track}" (topic ${fm.number})`);
  const exercise = fm.exercise;
  const exercisePresets: [string, PlaygroundPreset][] =
    exercise.source === "playground" || exercise.source === undefined ? [["exercise.solution", exercise.solution], ["exercise.wrongAttempt", exercise.wrongAttempt]] : [];
  const presets: [string, PlaygroundPreset][] = [["preset", fm.preset], ...exercisePresets];
  for (const [where, preset] of presets) {
    // A setting for a tool the request does not define would silently never apply.
    const defined = new Set((preset.request.tools ?? []).map((t) => t.function.name));
    for (const name of Object.keys(preset.tools?.settings ?? {})) {
      if (!defined.has(name)) problems.push(`${where}.tools.settings names "${name}", which ${where}.request.tools does not define`);
    }
  }
  const expectedFile = lessonFileName(topic);
  if (fileName !== expectedFile) problems.push(`the file should be named ${expectedFile}`);
  // The request, the failure and the settings act on the run (tool settings act in the playground, not on the run).
  const graded = (p: PlaygroundPreset) =>
    JSON.stringify({ request: p.request, simulatorFailure: p.simulatorFailure, safety: p.safety, fallbacks: p.fallbacks, policy: p.policy });
  if (exercise.source === "embeddings") problems.push(...crossCheckEmbeddings(fm, exercise));
  else if (exercise.source === "eval") problems.push(...crossCheckEval(fm, exercise));
  else if (graded(exercise.solution) === graded(exercise.wrongAttempt)) {
    problems.push("the exercise's wrong attempt is the same as its solution");
  }
  return problems;
}

/**
 * Parses and validates one lesson file. `fileName` is its base name ("09-max-output-tokens.md"),
 * checked against the topic list. Never throws: every problem is returned, prefixed with the file.
 */
export function parseLesson(fileName: string, text: string): ParsedLesson {
  const fail = (problems: string[]): ParsedLesson => ({ ok: false, problems: problems.map((p) => `${fileName}: ${p}`) });
  const split = splitFrontMatter(text);
  if (!split) return fail(["it does not start with front matter between --- lines"]);
  let raw: unknown;
  try {
    raw = load(split.yaml);
  } catch (err) {
    return fail([`the front matter is not valid YAML: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`]);
  }
  const parsed = LessonFrontMatter.safeParse(raw);
  const sections = parseSections(split.body);
  const problems = [
    ...(parsed.success ? crossCheck(fileName, parsed.data) : [describeZodError(parsed.error)]),
    ...(sections.ok ? [] : sections.problems),
  ];
  if (problems.length || !parsed.success || !sections.ok) return fail(problems);
  return { ok: true, lesson: { frontMatter: parsed.data, sections: sections.sections } };
}

/** A lesson's review cards with stable ids ("<lesson id>#<n>"); the interview question is the last one. */
export function lessonCards(fm: LessonFrontMatter): { cardId: string; lessonId: string; card: ReviewCard }[] {
  return [...fm.reviewCards, fm.interview].map((card, i) => ({ cardId: `${fm.id}#${i + 1}`, lessonId: fm.id, card }));
}
