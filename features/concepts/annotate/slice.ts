import { yieldToPage } from '@/lib/yield';

export { yieldToPage };

/** A time slice well under the 50 ms that makes a task "long". */
export const SLICE_MS = 8;

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
