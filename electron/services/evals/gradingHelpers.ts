// Main process: the model-backed checks of the assertion engine for one connection: embeddings for
// `similarity`, and a grader model answering in structured output for `rubric`.
import { RubricGrade, type AssertionHelpers } from "../../../shared/assertions";
import { createCountingClient, type Connection } from "../openaiClient";

/** The JSON Schema the grader must answer with (strict structured output). */
export const RUBRIC_GRADE_SCHEMA = {
  type: "object",
  properties: {
    pass: { type: "boolean", description: "true when the answer meets the rubric" },
    score: { type: "number", minimum: 0, maximum: 1, description: "0 = not at all, 1 = fully" },
    reason: { type: "string", description: "one sentence saying why" },
  },
  required: ["pass", "score", "reason"],
  additionalProperties: false,
} as const;

/** Models used for the checks: the simulator's own, or OpenAI's small embedding model. */
export function helperModels(connection: Connection, gradingModel: string): { embedding: string; grader: string } {
  return { embedding: connection.provider.kind === "simulator" ? "sim-embedding-1" : "text-embedding-3-small", grader: gradingModel };
}

/** Builds `embed` and `grade` over the connection. */
export function createGradingHelpers(connection: Connection, gradingModel: string, signal: AbortSignal): AssertionHelpers {
  const models = helperModels(connection, gradingModel);
  const { client } = createCountingClient(connection, { maxRetries: 2 });
  return {
    async embed(texts) {
      const response = await client.embeddings.create({ model: models.embedding, input: texts }, { signal });
      return [...response.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    },
    async grade({ rubric, output }) {
      const completion = await client.chat.completions.create(
        {
          model: models.grader,
          temperature: 0,
          messages: [
            { role: "system", content: "You grade an answer against a rubric. Be strict: pass only when the rubric is met. Reply with pass, a score from 0 to 1, and one sentence of reason." },
            { role: "user", content: `Rubric:\n${rubric}\n\nAnswer to grade:\n${output}` },
          ],
          response_format: { type: "json_schema", json_schema: { name: "rubric_grade", strict: true, schema: RUBRIC_GRADE_SCHEMA } },
        },
        { signal },
      );
      const text = completion.choices[0]?.message.content ?? "";
      return RubricGrade.parse(JSON.parse(text));
    },
  };
}
