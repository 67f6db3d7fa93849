// Renderer: the welcome page: three ways in (learn, prototype, practise an interview), one line on
// what the simulator is, "continue where you left off" once there is something to continue, and
// sample data for the labs one click away.
import { useEffect, useState } from "react";
import { defaultChatRequest } from "../../../shared/chatRequest";
import { bridge } from "../../bridge";
import { useAppStore } from "../../store/appStore";
import { toAppError } from "../../store/toAppError";
import { SAMPLE_EMBEDDING_TEXTS, SAMPLE_RAG_DOCUMENT, createEvalSample } from "./sampleData";
import "./welcome.css";

/** The playground example: a prompt whose answer shows what the simulator does with instructions. */
function exampleRequest(model: string | undefined) {
  const request = defaultChatRequest(model);
  return {
    ...request,
    messages: [
      { role: "system" as const, content: "You explain API ideas to a new developer in plain words." },
      { role: "user" as const, content: "In 3 bullets: what do temperature, max output tokens and a system message each change?" },
    ],
  };
}

/** The next lesson to take: the first not yet read, or the first one. */
function nextLessonId(lessons: readonly { id: string }[], read: (id: string) => boolean): string | null {
  return (lessons.find((l) => !read(l.id)) ?? lessons[0])?.id ?? null;
}

/** The welcome view. */
export function Welcome() {
  const welcomeSeen = useAppStore((s) => s.uiPrefs?.welcomeSeen ?? true);
  const updateUiPrefs = useAppStore((s) => s.updateUiPrefs);
  const setView = useAppStore((s) => s.setView);
  const lessonList = useAppStore((s) => s.lessonList);
  const progress = useAppStore((s) => s.progress);
  const loadCourse = useAppStore((s) => s.loadCourse);
  const loadProgress = useAppStore((s) => s.loadProgress);
  const openLessonById = useAppStore((s) => s.openLessonById);
  const replaceDraft = useAppStore((s) => s.replaceDraft);
  const defaultModel = useAppStore((s) => s.profiles.find((p) => p.id === s.activeId)?.defaultModel);
  const activeId = useAppStore((s) => s.activeId);
  const setEmbeddingsInput = useAppStore((s) => s.setEmbeddingsInput);
  const setRagDocuments = useAppStore((s) => s.setRagDocuments);
  const loadExperiments = useAppStore((s) => s.loadExperiments);
  const loadDatasets = useAppStore((s) => s.loadDatasets);
  // Whether this visit is a return: decided once, before this visit marks the page as seen.
  const [returning] = useState(welcomeSeen);
  const [sample, setSample] = useState<{ state: "idle" | "working" | "done" | "failed"; message: string }>({ state: "idle", message: "" });

  useEffect(() => {
    if (!welcomeSeen) void updateUiPrefs({ welcomeSeen: true });
    if (!lessonList) void loadCourse();
    if (!progress) void loadProgress();
    // Mount only: the page marks itself seen once and reads the course once.
  }, []);

  const studied = Object.entries(progress?.lessons ?? {}).filter(([, p]) => p.read || p.exercisePassed);
  const next = lessonList ? nextLessonId(lessonList, (id) => Boolean(progress?.lessons[id]?.read)) : null;
  const nextLesson = lessonList?.find((l) => l.id === next) ?? null;
  const firstLesson = lessonList?.[0] ?? null;

  const openLesson = async (id: string | null) => {
    setView("lessons");
    if (id) await openLessonById(id);
  };

  const loadEvalSample = async () => {
    setSample({ state: "working", message: "Saving the sample experiment and dataset..." });
    try {
      await createEvalSample(bridge, activeId || "simulator");
      await Promise.allSettled([loadExperiments(), loadDatasets()]);
      setSample({ state: "done", message: 'Saved "Sample: ticket triage" (2 versions) and "Sample: support tickets" (6 cases). Open Evaluations to run them.' });
    } catch (err) {
      setSample({ state: "failed", message: `The sample could not be saved: ${toAppError(err).message}` });
    }
  };

  return (
    <div className="welcome" data-testid="welcome">
      <h2>Welcome to Prompt Dojo</h2>
      <p className="welcome-simulator" data-testid="welcome-simulator">
        With no API key, every request goes to the built-in simulator: it follows fixed rules over your prompt&apos;s own words, says so on every
        answer, and is not a model.
      </p>
      {returning && (studied.length > 0 || nextLesson) ? (
        <section className="welcome-continue" aria-label="Continue where you left off" data-testid="welcome-continue">
          <h3>Continue where you left off</h3>
          <div className="row">
            {nextLesson && studied.length ? (
              <button type="button" className="button-primary" data-testid="welcome-continue-lesson" onClick={() => void openLesson(nextLesson.id)}>
                Lesson {nextLesson.number}: {nextLesson.title}
              </button>
            ) : null}
            <button type="button" data-testid="welcome-continue-playground" onClick={() => setView("playground")}>
              Back to your playground draft
            </button>
          </div>
        </section>
      ) : null}
      <div className="welcome-paths">
        <section className="welcome-path" aria-labelledby="welcome-learn-title">
          <h3 id="welcome-learn-title">Learn</h3>
          <p>Fifty short lessons on the OpenAI API, each with a try-it run, an exercise graded on the run, a quiz and review cards.</p>
          <button type="button" className="button-primary" data-testid="welcome-learn" onClick={() => void openLesson(firstLesson?.id ?? null)}>
            {firstLesson ? `Start lesson ${firstLesson.number}: ${firstLesson.title}` : "Open the lessons"}
          </button>
        </section>
        <section className="welcome-path" aria-labelledby="welcome-prototype-title">
          <h3 id="welcome-prototype-title">Prototype</h3>
          <p>Build a request, stream the answer, read its tokens and cost, then compare, evaluate and export the code.</p>
          <button
            type="button"
            className="button-primary"
            data-testid="welcome-prototype"
            onClick={() => {
              if (replaceDraft(exampleRequest(defaultModel || undefined), { label: "the welcome page's example" })) setView("playground");
            }}
          >
            Open the playground with an example
          </button>
        </section>
        <section className="welcome-path" aria-labelledby="welcome-interview-title">
          <h3 id="welcome-interview-title">Practise an interview</h3>
          <p>Answer interview questions on the lessons&apos; topics against the clock, then compare your answer with the key points.</p>
          <button type="button" className="button-primary" data-testid="welcome-interview" onClick={() => setView("review")}>
            Practise an interview
          </button>
        </section>
      </div>
      <section className="welcome-samples" aria-label="Sample data">
        <h3>Sample data</h3>
        <div className="row">
          <button type="button" data-testid="welcome-sample-evals" disabled={sample.state === "working"} onClick={() => void loadEvalSample()}>
            Evaluation: triage prompt and labelled tickets
          </button>
          <button
            type="button"
            data-testid="welcome-sample-embeddings"
            onClick={() => {
              setEmbeddingsInput({ textsInput: SAMPLE_EMBEDDING_TEXTS.join("\n") });
              setView("embeddings");
            }}
          >
            Embeddings: eight texts to compare
          </button>
          <button
            type="button"
            data-testid="welcome-sample-rag"
            onClick={() => {
              setRagDocuments([SAMPLE_RAG_DOCUMENT]);
              setView("rag");
            }}
          >
            RAG: a staff handbook
          </button>
        </div>
        {sample.state !== "idle" ? (
          <p className={sample.state === "failed" ? "field-error" : "hint"} role="status" data-testid="welcome-sample-status" data-state={sample.state}>
            {sample.message}
          </p>
        ) : null}
      </section>
    </div>
  );
}
