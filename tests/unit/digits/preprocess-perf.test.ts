// The live loop has 16 ms from pointer event to updated bars; preprocessing should take a small
// slice of it. The bound is in units of a reference workload timed alongside (relative-cost.ts),
// so it holds on a quiet and a loaded machine alike; the milliseconds are printed.

import { describe, it, expect } from 'vitest';
import { preprocessStrokes } from '@/features/digits/preprocess';
import { ellipse, polyline } from '@/tests/unit/digits/image-stats';
import { describeCost, relativeCost } from '@/tests/unit/relative-cost';

/** An 8 drawn slowly: two loops of 150 points each plus a stray tick, ~330 points. */
const EIGHT = [ellipse(140, 90, 45, 50, 150), ellipse(140, 190, 55, 55, 150), polyline([[185, 40], [200, 30]])];

describe('preprocessing speed', () => {
  it('takes a small slice of a frame for a typical drawing', () => {
    for (let i = 0; i < 50; i++) preprocessStrokes(EIGHT, 20);
    const cost = relativeCost(() => preprocessStrokes(EIGHT, 20), 30);
    console.log(`preprocessStrokes (${EIGHT.reduce((n, s) => n + s.length, 0)} points): ${describeCost(cost)}`);
    // 0.1 measured: a few percent of the reference, itself a fraction of a frame.
    expect(cost.units).toBeLessThan(0.5);
  });
});
