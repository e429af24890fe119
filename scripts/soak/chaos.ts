import type { Page } from 'playwright-core';
import type { Harness } from '@/scripts/browser/chromium';
import { stopServiceWorker } from '@/scripts/browser/service-worker';
import type { Rng } from '@/lib/rng';
import type { Ledger } from '@/scripts/soak/ledger';

// Stops the service worker at seeded moments while the cycles run, as Chrome does to an idle
// worker, so requests in flight meet a background that went away.

export interface Chaos {
  /** Stops scheduling and waits for a stop under way to finish. */
  end(): Promise<void>;
}

export function startChaos(h: Harness, page: Page, ledger: Ledger, rng: Rng, gapS: [number, number]): Chaos {
  let running = true;
  let wake: () => void = () => undefined;
  const loop = (async () => {
    while (running) {
      const gap = (gapS[0] + rng() * (gapS[1] - gapS[0])) * 1000;
      await new Promise<void>((r) => {
        const timer = setTimeout(r, gap);
        wake = () => (clearTimeout(timer), r());
      });
      if (!running) break;
      // Filed before it starts: a request that fails while the worker is going down is explained.
      const stop = { from: Date.now(), to: Number.POSITIVE_INFINITY };
      ledger.stops.push(stop);
      try {
        await stopServiceWorker(h, page);
      } catch (e) {
        ledger.error('stopping the service worker', e instanceof Error ? e.message : String(e));
      } finally {
        stop.to = Date.now();
      }
    }
  })();
  return {
    async end() {
      running = false;
      wake();
      await loop;
    },
  };
}
