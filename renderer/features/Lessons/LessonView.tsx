// Renderer: one lesson: summary, key points, the six explanation sections, the worked example,
// "try it", the exercise and the quiz, with previous/next at the top and at the end.
import { useEffect, useRef } from "react";
import type { Lesson } from "../../../shared/lesson";
import { RichText } from "../../components/markdown/RichText";
import { useAppStore } from "../../store/appStore";
import { EmbeddingsTryIt } from "./EmbeddingsTryIt";
import { EvalTryIt } from "./EvalTryIt";
import { ExercisePanel } from "./ExercisePanel";
import { presetContents } from "./presetContents";
import { QuizPanel } from "./QuizPanel";

/** The open lesson. */
export function LessonView({ lesson }: { lesson: Lesson }) {
  const fm = lesson.frontMatter;
  const lessonList = useAppStore((s) => s.lessonList) ?? [];
  const progress = useAppStore((s) => s.progress?.lessons[fm.id]);
  const openLessonById = useAppStore((s) => s.openLessonById);
  const closeLesson = useAppStore((s) => s.closeLesson);
  const markLessonRead = useAppStore((s) => s.markLessonRead);
  const loadPreset = useAppStore((s) => s.loadPresetIntoPlayground);
  const at = lessonList.findIndex((l) => l.id === fm.id);
  const previous = at > 0 ? lessonList[at - 1] : undefined;
  const next = at >= 0 ? lessonList[at + 1] : undefined;
  // A lesson opened from the end of the previous one starts at its top.
  const top = useRef<HTMLElement>(null);
  useEffect(() => {
    top.current?.scrollIntoView?.({ block: "start" });
  }, [fm.id]);
  return (
    <article className="lesson" data-testid="lesson-view" data-lesson-id={fm.id} ref={top}>
      <nav className="row lesson-nav" aria-label="Lesson navigation">
        <button type="button" className="button-quiet" onClick={closeLesson}>All lessons</button>
        <span className="spacer" />
        {previous ? <button type="button" data-testid="lesson-previous" onClick={() => void openLessonById(previous.id)}>Previous: {previous.title}</button> : null}
        {next ? <button type="button" data-testid="lesson-next" onClick={() => void openLessonById(next.id)}>Next: {next.title}</button> : null}
      </nav>
      <header>
        <p className="hint">Lesson {fm.number} · {fm.track}</p>
        <h1>{fm.title}</h1>
        <p className="lesson-summary">{fm.summary}</p>
      </header>
      <section className="key-points">
        <h2>Key points</h2>
        <ul>{fm.keyPoints.map((p) => <li key={p}><RichText text={p} /></li>)}</ul>
        <button type="button" className="button-primary" data-testid="try-preset" onClick={() => loadPreset(fm.preset)}>
          Try it in the playground
        </button>
        <p className="hint">Loads {presetContents(fm.preset)} into the playground.</p>
        <EmbeddingsTryIt preset={fm.embeddingsPreset} />
        <EvalTryIt preset={fm.evalPreset} />
      </section>
      {lesson.sections.map((section) => (
        <section key={section.key} className="lesson-section">
          <h2>{section.heading}</h2>
          <RichText text={section.markdown} headingBase={3} />
        </section>
      ))}
      <section className="worked-example">
        <h2>Worked example</h2>
        <p>{fm.workedExample.scenario}</p>
        <pre className="answer-code" data-language={fm.workedExample.language}><code>{fm.workedExample.code}</code></pre>
        <p>{fm.workedExample.explanation}</p>
      </section>
      <div className="row">
        {progress?.read ? <span className="tag tag-active">read</span> : (
          <button type="button" data-testid="mark-read" onClick={() => void markLessonRead(fm.id)}>Mark as read</button>
        )}
      </div>
      <ExercisePanel lesson={lesson} />
      <QuizPanel lesson={lesson} />
      <nav className="row lesson-nav lesson-nav-end" aria-label="Lesson navigation (end)">
        <button type="button" className="button-quiet" onClick={closeLesson}>All lessons</button>
        <span className="spacer" />
        {previous ? <button type="button" data-testid="lesson-previous-end" onClick={() => void openLessonById(previous.id)}>Previous: {previous.title}</button> : null}
        {next ? <button type="button" className="button-primary" data-testid="lesson-next-end" onClick={() => void openLessonById(next.id)}>Next: {next.title}</button> : null}
      </nav>
    </article>
  );
}
