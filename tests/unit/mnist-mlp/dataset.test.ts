import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeDataset, encodeDataset, gunzipIfNeeded, selectDigits, type DigitSet } from '@/models/mnist-mlp/reference/dataset';
import { createNetwork, initNetwork } from '@/models/mnist-mlp/reference/network';
import { mulberry32, permutation } from '@/lib/rng';
import { decodeWeights, encodeWeights } from '@/models/mnist-mlp/reference/weights';

function randomSet(count: number, seed: number): DigitSet {
  const rng = mulberry32(seed);
  const labels = new Uint8Array(count).map(() => Math.floor(rng() * 10));
  const pixels = new Uint8Array(count * 784).map(() => Math.floor(rng() * 256));
  return { count, rows: 28, cols: 28, labels, pixels };
}

describe('digit-set file (DLMN)', () => {
  it('round-trips several splits', () => {
    const train = randomSet(7, 1);
    const test = randomSet(3, 2);
    const bytes = encodeDataset({ train, test });
    expect(bytes.length).toBe(16 + 2 * 16 + 10 * 785);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('DLMN');
    const back = decodeDataset(bytes.slice().buffer);
    expect(Object.keys(back)).toEqual(['train', 'test']);
    expect(back.train!.count).toBe(7);
    expect(back.train!.rows).toBe(28);
    expect([...back.train!.labels]).toEqual([...train.labels]);
    expect(back.test!.pixels).toEqual(test.pixels);
  });

  it('lays out the header as documented', () => {
    const bytes = encodeDataset({ val: randomSet(2, 3) });
    const view = new DataView(bytes.buffer);
    expect(view.getUint16(4, true)).toBe(1);
    expect([bytes[6], bytes[7]]).toEqual([28, 28]);
    expect(view.getUint32(8, true)).toBe(1);
    expect(String.fromCharCode(...bytes.subarray(16, 19))).toBe('val');
    expect(view.getUint32(24, true)).toBe(2);
    expect(view.getUint32(28, true)).toBe(32);
  });

  it('reads gzip-compressed files after gunzipIfNeeded, and plain ones unchanged', async () => {
    const bytes = encodeDataset({ test: randomSet(4, 4) });
    const gz = gzipSync(bytes);
    expect(() => decodeDataset(gz)).toThrow(/gzip/);
    expect(decodeDataset(await gunzipIfNeeded(gz)).test!.pixels).toEqual(decodeDataset(bytes).test!.pixels);
    expect(await gunzipIfNeeded(bytes)).toBe(bytes);
  });

  it('rejects other files', () => {
    expect(() => decodeDataset(new Uint8Array(32))).toThrow(/not a digit set/);
  });

  it('selects images by index', () => {
    const set = randomSet(5, 5);
    const sub = selectDigits(set, [4, 1]);
    expect([...sub.labels]).toEqual([set.labels[4], set.labels[1]]);
    expect(sub.pixels.subarray(784)).toEqual(set.pixels.subarray(784, 1568));
  });
});

describe('weights file (MLPW)', () => {
  it('round-trips a network with its header', () => {
    const net = createNetwork({ sizes: [784, 16, 16, 10], activation: 'relu', cost: 'cross-entropy' });
    initNetwork(net, 'he', mulberry32(1));
    net.b[2]!.fill(0.25);
    const bytes = encodeWeights(net, { note: 'test' });
    expect((bytes.length - 8 - new DataView(bytes.buffer).getUint32(4, true)) / 4).toBe(13002);
    const { net: back, header } = decodeWeights(bytes);
    expect(header.sizes).toEqual([784, 16, 16, 10]);
    expect(header.meta).toEqual({ note: 'test' });
    for (let l = 1; l <= 3; l++) {
      expect(back.W[l]).toEqual(net.W[l]);
      expect(back.b[l]).toEqual(net.b[l]);
    }
  });
});

describe('seeded random numbers', () => {
  it('repeat for a seed and differ between seeds', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const c = mulberry32(124);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect(c()).not.toBe(seqA[0]);
    expect(seqA.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('give permutations', () => {
    const p = permutation(100, mulberry32(1));
    expect([...p].sort((x, y) => x - y)).toEqual([...Array(100).keys()]);
  });
});
