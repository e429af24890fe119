import { giveWay, SLICE_MS, yieldToPage } from '@/lib/yield';

export { yieldToPage };

/**
 * How long slices may follow each other before the page gets a real turn. scheduler.yield keeps
 * our place ahead of the page's own tasks, and skipping a frame between slices is what keeps a
 * long page's layout from running after every one of them; but a page still loading, or keeping
 * its thread busy, must not wait on us for long.
 */
export const BURST_MS = 50;

/** Runs steps until they are done, yielding whenever a slice is used up. Stops early if cancelled. */
export async function runSliced(step: () => boolean, cancelled: () => boolean): Promise<void> {
  let burst = performance.now();
  for (;;) {
    const t0 = performance.now();
    while (performance.now() - t0 < SLICE_MS) {
      if (cancelled()) return;
      if (!step()) return;
    }
    if (performance.now() - burst < BURST_MS) await yieldToPage();
    else {
      await giveWay();
      burst = performance.now();
    }
  }
}
