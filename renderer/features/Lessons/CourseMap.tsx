// Renderer: the course map: every topic grouped by track, taught ones with their progress and
// untaught ones marked "coming", plus search across lessons.
import { LessonTrack, TOPICS } from "../../../shared/lessonTopics";
import { useAppStore } from "../../store/appStore";
import { progressMarks } from "./progressMarks";

/** The fifty topics by track, with search. */
export function CourseMap() {
  const lessonList = useAppStore((s) => s.lessonList);
  const progress = useAppStore((s) => s.progress);
  const search = useAppStore((s) => s.lessonSearch);
  const searchLessons = useAppStore((s) => s.searchLessons);
  const openLessonById = useAppStore((s) => s.openLessonById);
  const taught = new Set((lessonList ?? []).map((l) => l.id));
  return (
    <div className="course-map">
      <h1>Lessons</h1>
      <div className="field">
        <label htmlFor="lesson-search">Search lessons</label>
        <input id="lesson-search" type="search" data-testid="lesson-search" value={search.query} placeholder="e.g. finish_reason, keychain, streaming" onChange={(e) => void searchLessons(e.target.value)} />
      </div>
      {search.query.trim() ? (
        <ul className="search-hits" data-testid="lesson-search-hits">
          {search.hits.length === 0 ? <li className="hint">No lesson mentions every word of that.</li> : null}
          {search.hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="button-link" onClick={() => void openLessonById(hit.id)}>
                {hit.number}. {hit.title}
              </button>
              <p className="hint">{hit.snippet}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {lessonList === null ? <p className="hint">Loading lessons...</p> : null}
      {LessonTrack.options.map((track) => (
        <section key={track} className="track">
          <h2>{track}</h2>
          <ol className="topic-list">
            {TOPICS.filter((t) => t.track === track).map((topic) => {
              const marks = progressMarks(progress?.lessons[topic.id]);
              return (
                <li key={topic.id} value={topic.number} className={taught.has(topic.id) ? "topic" : "topic topic-coming"}>
                  {taught.has(topic.id) ? (
                    <button type="button" className="topic-open" data-testid={`lesson-${topic.id}`} onClick={() => void openLessonById(topic.id)}>
                      <span className="topic-number">{topic.number}</span> {topic.title}
                    </button>
                  ) : (
                    <span>
                      <span className="topic-number">{topic.number}</span> {topic.title} <span className="tag">coming</span>
                    </span>
                  )}
                  {marks.map((m) => (
                    <span key={m} className="tag tag-active">{m}</span>
                  ))}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
