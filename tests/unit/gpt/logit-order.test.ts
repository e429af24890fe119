// The sampler's order of ids (decreasing logit, lowest id first on ties) decides which id a given
// random number draws, so the fast keyed sort must give exactly the comparator sort's order.
import { describe, expect, it } from 'vitest';
import { logitOrder } from '@/models/gpt/engine/sampling';
import { mulberry32 } from '@/lib/rng';

const byComparator = (z: ArrayLike<number>) => Int32Array.from({ length: z.length }, (_, i) => i).sort((a, b) => z[b]! - z[a]! || a - b);

describe('logitOrder', () => {
  it('is the comparator sort: random sizes, many ties, ±0 and ±Infinity', () => {
    const rng = mulberry32(3);
    for (let r = 0; r < 60; r++) {
      const n = r === 0 ? 1 : 1 + Math.floor(rng() * 9000);
      const z = Float32Array.from({ length: n }, () => (rng() < 0.3 ? Math.round((rng() - 0.5) * 6) : (rng() - 0.5) * 40));
      if (n > 5) z.set([-0, 0, -Infinity, Infinity], 1);
      expect(Array.from(logitOrder(z))).toEqual(Array.from(byComparator(z)));
    }
  });

  it('keeps tiny and huge magnitudes in order (float32 subnormals, 1e38)', () => {
    const z = Float32Array.of(1e-45, -1e-45, 3.4e38, -3.4e38, 1e-38, -1e-38, 0, 5, -5);
    expect(Array.from(logitOrder(z))).toEqual(Array.from(byComparator(z)));
  });

  it('is computed once per logits array', () => {
    const z = Float32Array.of(1, 3, 2);
    expect(logitOrder(z)).toBe(logitOrder(z));
    expect(Array.from(logitOrder(z))).toEqual([1, 2, 0]);
  });
});
