// Renderer: the keys the app owns wherever the focus is, Monaco included. Monaco swallows the keys
// it has bindings for (Ctrl+Enter inserts a line) before they reach the window, so its editors pass
// them here instead; the window listeners call the same handlers.

/** What an app-wide key asks for. */
export type AppKeyAction = "run";

const handlers = new Map<AppKeyAction, Set<() => void>>();

/** Registers what an action does while its owner is mounted; returns the unregister function. */
export function onAppKey(action: AppKeyAction, handler: () => void): () => void {
  let set = handlers.get(action);
  if (!set) handlers.set(action, (set = new Set()));
  set.add(handler);
  return () => set.delete(handler);
}

/** Runs the action's handlers; false when nothing handles it now (the caller may do its default). */
export function emitAppKey(action: AppKeyAction): boolean {
  const set = handlers.get(action);
  if (!set?.size) return false;
  for (const handler of [...set]) handler();
  return true;
}
