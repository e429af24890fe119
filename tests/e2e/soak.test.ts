// The soak's CI version: scripts/soak for 2 minutes after its warm-up cycle, with the
// service worker stopped at seeded moments. `npm run soak -- --minutes N` is the long version.
import { describe, expect, it } from 'vitest';
import { formatReport, MAX_GROWTH_PERCENT } from '@/scripts/soak/report';
import { runSoak } from '@/scripts/soak/soak';

const MINUTES = 2;
/** A cycle takes 20-30 s on the 2-core build machine; a busy neighbour can double that. */
const MIN_CYCLES = 2;

describe('soak', () => {
  // Warm-up (first loads of every model) + 2 minutes + the cycle under way at the end + measuring.
  it(`cycles every feature for ${MINUTES} minutes with service-worker stops: no errors, memory within ${MAX_GROWTH_PERCENT}%`, { timeout: 12 * 60_000 }, async () => {
    const r = await runSoak({ minutes: MINUTES, seed: 1, log: (line) => console.log(`[soak] ${line}`) });
    console.log(formatReport(r));
    expect(r.errors).toEqual([]);
    expect(r.cycles).toBeGreaterThanOrEqual(MIN_CYCLES);
    expect(r.serviceWorkerStops).toBeGreaterThan(0);
    expect(r.requestsServed).toBeGreaterThan(0);
    // The host is cross-origin isolated, so host.memory counts ORT's WebAssembly memory too.
    expect(r.memory.hostFigure).toBe('agentBytes');
    expect(r.memory.host.percent).toBeLessThan(MAX_GROWTH_PERCENT);
    expect(r.memory.serviceWorker.percent).toBeLessThan(MAX_GROWTH_PERCENT);
  });
});
