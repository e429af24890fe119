// The committed networks reach the accuracies their model card states, on the
// official 10k test set as shipped in the lab data file.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeDataset } from '@/models/mnist-mlp/reference/dataset';
import { evaluate } from '@/models/mnist-mlp/reference/training';
import { decodeWeights } from '@/models/mnist-mlp/reference/weights';

const modelDir = new URL('../../../models/mnist-mlp/', import.meta.url);
const lab = decodeDataset(gunzipSync(readFileSync(new URL('mnist-lab.dlmn.gz', modelDir))));

describe('shipped digit data', () => {
  it('holds 10k training, 2k validation and the official 10k test images', () => {
    expect(Object.fromEntries(Object.entries(lab).map(([k, v]) => [k, v.count]))).toEqual({
      train: 10000,
      val: 2000,
      test: 10000,
    });
  });
});

describe.each([
  { file: 'weights.bin', sizes: [784, 16, 16, 10], atLeast: 0.96 },
  { file: 'presets/large/weights.bin', sizes: [784, 128, 64, 10], atLeast: 0.98 },
])('pretrained $file', ({ file, sizes, atLeast }) => {
  it('reaches its stated test accuracy', () => {
    const { net, header } = decodeWeights(readFileSync(new URL(file, modelDir)));
    expect(header.sizes).toEqual(sizes);
    const result = evaluate(net, lab.test!);
    const stated = (header.meta as { accuracy: { test: number } }).accuracy.test;
    expect(result.accuracy).toBe(stated);
    expect(result.accuracy).toBeGreaterThanOrEqual(atLeast);
  });
});
