// The packed form of attention maps: exact float32 round trip, zeros above the diagonal.
import { describe, expect, it } from 'vitest';
import { packAttention, unpackAttention } from '@/platform/protocol/attention-codec';

describe('attention codec', () => {
  it.each([0, 1, 5, 37])('round-trips T = %i', (T) => {
    const L = 2;
    const H = 3;
    const data = new Float32Array(L * H * T * T);
    for (let i = 0; i < data.length; i++) {
      const q = Math.floor(i / T) % T;
      const k = i % T;
      data[i] = k <= q ? Math.fround(Math.sin(i) * 0.5 + 0.5) : 0;
    }
    const back = unpackAttention(packAttention(data, L, H, T));
    expect(back).toHaveLength(L);
    expect(back.flat(3)).toEqual(Array.from(data));
  });

  it('refuses data of the wrong size', () => {
    const p = packAttention(new Float32Array(2 * 2 * 3 * 3), 2, 2, 3);
    expect(() => unpackAttention({ ...p, T: 4 })).toThrow(/wrong size/);
  });
});
