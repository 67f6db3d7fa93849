// Renderer: an overlay gives the focus back, when it closes, to the element that had it before.
import { useEffect, type RefObject } from "react";

/** Focuses `first` on mount; on unmount refocuses what had the focus, if it is still on the page. */
export function useReturnFocus(first: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    first.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, [first]);
}
