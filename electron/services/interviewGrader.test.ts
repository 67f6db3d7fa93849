// Tests of the interviewer grade: a strict json_schema request through the SDK, against the
// simulator (which answers schema-valid JSON), and the instructions sent to the model.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { gradeShortWithModel, gradeWithModel, interviewerMessages, shortAnswerMessages } from "./interviewGrader";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => sim?.close());

const card = { question: "What is temperature?", keyPoints: ["Controls randomness", "Low for extraction"] };
const connection = () => ({ provider: { profileId: "t", profileName: "Test", kind: "compatible" as const, baseURL: sim.url }, baseURL: sim.url, apiKey: "simulator-no-key" });

describe("gradeWithModel", () => {
  it("returns a grade matching the InterviewGrade schema", async () => {
    const grade = await gradeWithModel(connection(), "sim-chat-1", card, "It controls randomness.");
    expect(grade.score).toBeGreaterThanOrEqual(0);
    expect(grade.score).toBeLessThanOrEqual(100);
    expect(Array.isArray(grade.points_covered)).toBe(true);
    expect(Array.isArray(grade.points_missed)).toBe(true);
    expect(typeof grade.follow_up).toBe("string");
  });

  it("reports an unknown model as a typed error", async () => {
    await expect(gradeWithModel(connection(), "no-such-model", card, "x")).rejects.toMatchObject({ error: { kind: "not_found" } });
  });
});

describe("interviewerMessages", () => {
  it("lists the key points in the instructions and sends the answer as the user's message only", () => {
    const [system, user] = interviewerMessages(card, "  my answer ");
    expect(system?.content).toContain("1. Controls randomness");
    expect(system?.content).toContain("What is temperature?");
    expect(user).toEqual({ role: "user", content: "my answer" });
    expect(interviewerMessages(card, " ")[1]?.content).toBe("(no answer)");
  });
});

describe("gradeShortWithModel", () => {
  const q = { question: "Which tool_choice value forces a tool call?", sample: "required", explanation: "auto lets the model decide." };

  it("returns a verdict and a reason matching its schema, sent as a strict json_schema request", async () => {
    const grade = await gradeShortWithModel(connection(), "sim-chat-1", q, "definitely not required");
    expect(["right", "wrong"]).toContain(grade.verdict);
    expect(typeof grade.reason).toBe("string");
  });

  it("tells the model to refuse contradictions and missing items, with the answer as data", () => {
    const [system, user] = shortAnswerMessages(q, " auto ");
    expect(system?.content).toContain("A model answer: required");
    expect(system?.content).toMatch(/negates or contradicts the point, names fewer items/);
    expect(user).toEqual({ role: "user", content: "auto" });
  });
});
