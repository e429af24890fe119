/** A time slice well under the 50 ms that makes a task "long". */
export const SLICE_MS = 8;

type SchedulerLike = { yield?: () => Promise<void> };

/**
 * Gives the page its turn. scheduler.yield keeps our place in the queue where
 * it exists; a MessageChannel round trip avoids setTimeout's 4 ms clamp.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/** Runs steps until they are done, yielding whenever a slice is used up. Stops early if cancelled. */
export async function runSliced(step: () => boolean, cancelled: () => boolean): Promise<void> {
  for (;;) {
    const t0 = performance.now();
    while (performance.now() - t0 < SLICE_MS) {
      if (cancelled()) return;
      if (!step()) return;
    }
    await yieldToPage();
  }
}
