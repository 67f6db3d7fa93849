// Renderer: the problems of a schema text as the user types, checked in the main process a moment
// after the last keystroke; answers to older texts are dropped.
import { useEffect, useState } from "react";
import type { SchemaProblem } from "../../../shared/strictSchema";
import { appStore } from "../../store/appStore";

/** Pause after the last keystroke before checking, so typing does not queue a check per key. */
const CHECK_DELAY_MS = 250;

/** The problems found, and whether they belong to an older text than the one shown (a check is due). */
export interface SchemaProblems {
  problems: SchemaProblem[];
  pending: boolean;
}

/** The problems of `text`; none (and nothing pending) when `enabled` is false. */
export function useSchemaProblems(text: string, enabled = true): SchemaProblems {
  const [checked, setChecked] = useState<{ text: string | null; problems: SchemaProblem[] }>({ text: null, problems: [] });
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const timer = setTimeout(() => {
      void appStore.getState().checkSchemaText(text).then((problems) => {
        if (current) setChecked({ text, problems });
      });
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, enabled]);
  if (!enabled) return { problems: [], pending: false };
  return { problems: checked.problems, pending: checked.text !== text };
}
