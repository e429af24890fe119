// Every digit number has one home (platform/protocol/training.ts); these hold the places that
// must agree with it, where a mismatch would feed a network an image of the wrong size.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_SIZES } from '@/models/mnist-mlp/graph';
import { decodeWeights } from '@/models/mnist-mlp/reference/weights';
import { DIGIT_CLASSES, DIGIT_PIXELS, DIGIT_SIDE } from '@/platform/protocol/training';
import { parseClientMsg } from '@/platform/protocol/validate';
import { preprocessStrokes } from '@/features/digits/preprocess';
import { decodeDrawing, encodeDrawing } from '@/features/digits/handoff';
import { parseNet } from '@/features/digits/net-shape';
import { polyline } from '@/tests/unit/digits/image-stats';

const trainStart = (extra: { pixels: number[]; labels: number[] }) => ({
  kind: 'request',
  id: 'a1',
  type: 'host.train.start',
  payload: {
    runId: 'r1',
    backend: 'wasm',
    config: { hidden: [16, 16], activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', eta: 0.003, batch: 64, epochs: 1, l1: 0, l2: 0, dropout: 0, init: 'he', seed: 1, extra },
  },
});

describe('one size for digits everywhere', () => {
  it("the lessons' MLP reads DIGIT_SIDE² pixels and answers DIGIT_CLASSES digits", () => {
    expect(DIGIT_PIXELS).toBe(DIGIT_SIDE * DIGIT_SIDE);
    expect(DEFAULT_SIZES[0]).toBe(DIGIT_PIXELS);
    expect(DEFAULT_SIZES.at(-1)).toBe(DIGIT_CLASSES);
  });

  it('the shipped pretrained network has the default sizes', () => {
    const { header } = decodeWeights(new Uint8Array(readFileSync('models/mnist-mlp/weights.bin')));
    expect(header.sizes).toEqual([...DEFAULT_SIZES]);
  });

  it("the pad's preprocessing makes one input per network input", () => {
    const img = preprocessStrokes([polyline([[140, 40], [140, 240]])], 20);
    expect(img?.length).toBe(DEFAULT_SIZES[0]);
  });

  it('a drawing handed to the side panel round-trips at that size and no other', () => {
    expect(decodeDrawing(encodeDrawing(new Float32Array(DIGIT_PIXELS).fill(0.5)))?.length).toBe(DIGIT_PIXELS);
    expect(decodeDrawing(encodeDrawing(new Float32Array(DIGIT_PIXELS - 1)))).toBeNull();
  });

  it('a saved network must have the default input and output sizes', () => {
    const net = (sizes: number[]) => ({
      sizes,
      activation: 'relu',
      cost: 'cross-entropy',
      W: sizes.slice(1).map((n, l) => new Array(n * sizes[l]!).fill(0)),
      b: sizes.slice(1).map((n) => new Array(n).fill(0)),
    });
    expect(parseNet(net([...DEFAULT_SIZES]))).not.toBeNull();
    expect(parseNet(net([DIGIT_PIXELS + 1, 2, DIGIT_CLASSES]))).toBeNull();
    expect(parseNet(net([DIGIT_PIXELS, 2, DIGIT_CLASSES + 1]))).toBeNull();
  });

  it("the validator takes the learner's drawings at DIGIT_PIXELS bytes each, labelled 0..DIGIT_CLASSES-1", () => {
    const one = (label: number, n = DIGIT_PIXELS) => ({ pixels: new Array<number>(n).fill(0), labels: [label] });
    expect(parseClientMsg(trainStart(one(DIGIT_CLASSES - 1))).ok).toBe(true);
    expect(parseClientMsg(trainStart(one(DIGIT_CLASSES))).ok).toBe(false);
    expect(parseClientMsg(trainStart(one(0, DIGIT_PIXELS - 1))).ok).toBe(false);
  });
});
