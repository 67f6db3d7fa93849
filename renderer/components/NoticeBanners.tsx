// Renderer: start-up and app notices (e.g. settings moved aside, no keychain) as dismissible banners.
import { useAppStore } from "../store/appStore";
import { KeychainNotice } from "./KeychainNotice";

/** Shows every notice with a Dismiss button. */
export function NoticeBanners() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  return (
    <div className="notices">
      <KeychainNotice />
      {notices.map((n) => (
        <div key={n.id} className={`banner banner-${n.tone}`} role={n.tone === "error" ? "alert" : "status"} data-testid="notice">
          <span>{n.text}</span>
          <button type="button" className="button-quiet" onClick={() => dismiss(n.id)} aria-label="Dismiss notice">
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
