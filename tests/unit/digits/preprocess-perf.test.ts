// The live loop has 16 ms from pointer event to updated bars; preprocessing
// should take a small slice of it. The bound is generous (shared CI machines);
// the measured numbers are printed so they can be quoted.

import { describe, it, expect } from 'vitest';
import { preprocessStrokes } from '@/features/digits/preprocess';
import { ellipse, polyline } from '@/tests/unit/digits/image-stats';

/** An 8 drawn slowly: two loops of 150 points each plus a stray tick, ~330 points. */
const EIGHT = [ellipse(140, 90, 45, 50, 150), ellipse(140, 190, 55, 55, 150), polyline([[185, 40], [200, 30]])];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

describe('preprocessing speed', () => {
  it('takes well under 4 ms for a typical drawing', () => {
    for (let i = 0; i < 50; i++) preprocessStrokes(EIGHT, 20);
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      preprocessStrokes(EIGHT, 20);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = quantile(times, 0.5);
    const p95 = quantile(times, 0.95);
    console.log(`preprocessStrokes (${EIGHT.reduce((n, s) => n + s.length, 0)} points): median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms`);
    expect(median).toBeLessThan(4);
  });
});
