// Renderer: the theme picker in the header: follow the system, light or dark.
import { useAppStore } from "../store/appStore";
import { parseThemePreference } from "./theme";

const LABELS = { system: "System", light: "Light", dark: "Dark" } as const;

/** A small labelled select; the choice is saved with the ui preferences. */
export function ThemeSelect() {
  const preference = useAppStore((s) => s.themePreference);
  const chooseTheme = useAppStore((s) => s.chooseTheme);
  return (
    <label className="theme-select">
      <span>Theme</span>
      <select data-testid="theme-select" value={preference} onChange={(e) => void chooseTheme(parseThemePreference(e.target.value))}>
        {(["system", "light", "dark"] as const).map((p) => (
          <option key={p} value={p}>
            {LABELS[p]}
          </option>
        ))}
      </select>
    </label>
  );
}
