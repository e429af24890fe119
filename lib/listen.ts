/** An extension event (browser.runtime.onMessage and kin): addListener/removeListener, no AbortSignal. */
interface ExtensionEvent<F> {
  addListener(f: F): void;
  removeListener(f: F): void;
}

/** Adds a listener to an extension event until `signal` aborts: teardown is one abort, not a mirrored list. */
export function listenUntil<F>(event: ExtensionEvent<F>, listener: F, signal: AbortSignal): void {
  if (signal.aborted) return;
  event.addListener(listener);
  signal.addEventListener('abort', () => event.removeListener(listener), { once: true });
}

/** Runs `undo` when `signal` aborts (or now, if it already has). */
export function onAbort(signal: AbortSignal, undo: () => void): void {
  if (signal.aborted) undo();
  else signal.addEventListener('abort', undo, { once: true });
}
