// Renderer: the Readiness view: per track and per topic, lessons done, best quiz score, review
// retention and mock interview scores.
import { useEffect } from "react";
import { useAppStore } from "../../store/appStore";
import { percent, topicReadiness, trackReadiness } from "./readiness";
import "../Lessons/lessons.css";

/** How ready the learner is, by track and topic. */
export function Readiness() {
  const lessonList = useAppStore((s) => s.lessonList);
  const progress = useAppStore((s) => s.progress);
  const loadCourse = useAppStore((s) => s.loadCourse);
  const openLessonById = useAppStore((s) => s.openLessonById);
  useEffect(() => {
    void loadCourse();
  }, [loadCourse]);
  const tracks = trackReadiness(topicReadiness(lessonList ?? [], progress));
  return (
    <div className="readiness" data-testid="readiness">
      <h1>Readiness</h1>
      <p className="hint">Done = exercise passed and quiz taken. Quiz is the best attempt; retention is the review cards' current recall probability (FSRS), for lessons you have studied (read or exercise passed) only; mock is the mean mock-interview score.</p>
      <table>
        <thead>
          <tr>
            <th>Topic</th>
            <th>Done</th>
            <th>Quiz</th>
            <th>Retention</th>
            <th>Mock</th>
          </tr>
        </thead>
        {tracks.map((track) => (
          <tbody key={track.track} data-testid={`readiness-${track.track}`}>
            <tr className="track-row">
              <th>{track.track}</th>
              <td className="num">{track.done}/{track.available || 0}{track.available < track.topics.length ? ` (${track.topics.length - track.available} coming)` : ""}</td>
              <td className="num">{percent(track.quiz)}</td>
              <td className="num">{percent(track.retention)}</td>
              <td className="num">{percent(track.mock)}</td>
            </tr>
            {track.topics.filter((r) => r.available).map((row) => (
              <tr key={row.topic.id} data-testid={`readiness-topic-${row.topic.id}`}>
                <td>
                  <button type="button" className="button-link" onClick={() => void openLessonById(row.topic.id)}>
                    {row.topic.number}. {row.topic.title}
                  </button>
                </td>
                <td className="num">{row.done ? "yes" : "no"}</td>
                <td className="num">{percent(row.quiz)}</td>
                <td className="num">{percent(row.retention)}</td>
                <td className="num">{row.mockCount ? `${percent(row.mock)} (${row.mockCount})` : "–"}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
