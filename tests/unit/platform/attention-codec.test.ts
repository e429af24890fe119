// The packed form of attention maps: exact float32 round trip, zeros above the diagonal.
import { describe, expect, it } from 'vitest';
import { packAttention, splitLayers, unpackAttention, unpackLayer } from '@/platform/protocol/attention-codec';

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

  it.each([0, 1, 7])('streams a layer at a time and gives back the same maps, T = %i', (T) => {
    const L = 3;
    const H = 2;
    const data = new Float32Array(L * H * T * T);
    for (let i = 0; i < data.length; i++) {
      const q = Math.floor(i / T) % T;
      const k = i % T;
      data[i] = k <= q ? Math.fround(Math.cos(i) * 0.5 + 0.5) : 0;
    }
    const packed = packAttention(data, L, H, T);
    const pieces = splitLayers(packed);
    expect(pieces).toHaveLength(T === 0 ? 0 : L);
    // Each piece is about a layer's share of the whole.
    for (const p of pieces) expect(p.lower.length).toBeLessThanOrEqual(Math.ceil(packed.lower.length / L) + 4);
    expect(pieces.map(unpackLayer)).toEqual(T === 0 ? [] : unpackAttention(packed));
  });

  it('refuses data of the wrong size', () => {
    const p = packAttention(new Float32Array(2 * 2 * 3 * 3), 2, 2, 3);
    expect(() => unpackAttention({ ...p, T: 4 })).toThrow(/wrong size/);
  });
});
