// Renderer: the Lessons view: the course map (with search) or, once one is opened, the lesson.
import { useEffect } from "react";
import { useAppStore } from "../../store/appStore";
import { CourseMap } from "./CourseMap";
import { LessonView } from "./LessonView";
import { SettingsBackupBanner } from "./SettingsBackupBanner";
import "./lessons.css";

/** The course: all fifty topics by track, and the open lesson. */
export function Lessons() {
  const lessonList = useAppStore((s) => s.lessonList);
  const loadCourse = useAppStore((s) => s.loadCourse);
  const openLesson = useAppStore((s) => s.openLesson);
  const error = useAppStore((s) => s.lessonsError);
  const problems = useAppStore((s) => s.lessonProblems);
  useEffect(() => {
    if (lessonList === null) void loadCourse();
  }, [lessonList, loadCourse]);
  return (
    <div className="lessons">
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <SettingsBackupBanner />
      {problems.length ? (
        <details className="banner banner-warning">
          <summary>{problems.length} lesson file problem(s)</summary>
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </details>
      ) : null}
      {openLesson ? <LessonView key={openLesson.frontMatter.id} lesson={openLesson} /> : <CourseMap />}
    </div>
  );
}
