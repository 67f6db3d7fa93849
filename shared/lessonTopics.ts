// Both processes: the fifty interview topics the course teaches, in order, each with its track, so
// the course map can show every topic (taught or "coming") and the coverage test can check lessons.
import { z } from "zod";

/** The seven tracks the course map groups topics into. */
export const LessonTrack = z.enum(["Basics", "Output control", "Tools", "Embeddings and RAG", "Evaluation", "Security", "Production"]);
export type LessonTrack = z.infer<typeof LessonTrack>;

/** One topic of the course: its number (its place in the order), lesson id, title and track. */
export interface Topic {
  number: number;
  id: string;
  title: string;
  track: LessonTrack;
}

const t = (number: number, id: string, title: string, track: LessonTrack): Topic => ({ number, id, title, track });

/** Every topic, in teaching order; a lesson's number and id must match its topic's. */
export const TOPICS: readonly Topic[] = Object.freeze([
  t(1, "what-the-api-is", "What the OpenAI API is", "Basics"),
  t(2, "authenticating-requests", "Authenticating requests", "Basics"),
  t(3, "calls-on-the-backend", "Why calls belong on the backend", "Basics"),
  t(4, "choosing-a-model", "Choosing a model", "Basics"),
  t(5, "prompts", "Prompts", "Basics"),
  t(6, "the-messages-array", "The messages array", "Basics"),
  t(7, "system-vs-user", "System vs user instructions", "Basics"),
  t(8, "temperature", "Temperature", "Output control"),
  t(9, "max-output-tokens", "Max output tokens", "Output control"),
  t(10, "streaming", "Streaming", "Output control"),
  t(11, "when-to-stream", "When to stream", "Output control"),
  t(12, "structured-outputs", "Structured outputs", "Output control"),
  t(13, "structure-in-production", "Why structure helps in production", "Output control"),
  t(14, "json-mode-vs-json-schema", "JSON mode vs JSON schema", "Output control"),
  t(15, "tool-calling", "Tool calling", "Tools"),
  t(16, "function-calling", "Function calling", "Tools"),
  t(17, "securing-tool-calls", "Securing tool calls", "Tools"),
  t(18, "embeddings", "Embeddings", "Embeddings and RAG"),
  t(19, "embeddings-in-rag", "Embeddings in RAG", "Embeddings and RAG"),
  t(20, "semantic-search", "Semantic search", "Embeddings and RAG"),
  t(21, "vector-databases", "Vector databases", "Embeddings and RAG"),
  t(22, "rag", "RAG", "Embeddings and RAG"),
  t(23, "reducing-hallucinations", "Reducing hallucinations", "Embeddings and RAG"),
  t(24, "what-a-hallucination-is", "What a hallucination is", "Embeddings and RAG"),
  t(25, "evaluating-responses", "Evaluating responses", "Evaluation"),
  t(26, "evaluation-datasets", "Evaluation datasets", "Evaluation"),
  t(27, "testing-prompts", "Testing prompts before production", "Evaluation"),
  t(28, "prompt-injection", "Prompt injection", "Security"),
  t(29, "defending-against-injection", "Defending against injection", "Security"),
  t(30, "storing-api-keys", "Storing API keys", "Security"),
  t(31, "handling-rate-limits", "Handling rate limits", "Production"),
  t(32, "exponential-backoff", "Exponential backoff", "Production"),
  t(33, "timeouts", "Timeouts", "Production"),
  t(34, "idempotency", "Idempotency", "Production"),
  t(35, "monitoring-usage", "Monitoring usage", "Production"),
  t(36, "controlling-cost", "Controlling cost", "Production"),
  t(37, "batching", "Batching", "Production"),
  t(38, "background-jobs", "Background jobs", "Production"),
  t(39, "classification", "Classification", "Output control"),
  t(40, "extraction", "Extraction", "Output control"),
  t(41, "summarisation", "Summarisation", "Output control"),
  t(42, "code-assistance", "Code assistance", "Output control"),
  t(43, "privacy-risks", "Privacy risks", "Security"),
  t(44, "redaction", "Redaction", "Security"),
  t(45, "moderation", "Moderation", "Security"),
  t(46, "fallbacks", "Fallbacks", "Production"),
  t(47, "logging-safely", "Logging safely", "Security"),
  t(48, "versioning", "Model and prompt versioning", "Evaluation"),
  t(49, "deploying-safely", "Deploying safely", "Production"),
  t(50, "common-mistakes", "Common mistakes", "Production"),
]);

/** The topic with this number, or undefined. */
export function topicByNumber(number: number): Topic | undefined {
  return TOPICS[number - 1]?.number === number ? TOPICS[number - 1] : TOPICS.find((topic) => topic.number === number);
}

/** The file name a topic's lesson must have: "NN-id.md". */
export function lessonFileName(topic: Pick<Topic, "number" | "id">): string {
  return `${String(topic.number).padStart(2, "0")}-${topic.id}.md`;
}
