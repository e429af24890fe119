// The shipped ONNX models must compute what the reference forward computes with
// the shipped weights, on real test digits.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { buildInferenceModel } from '@/models/mnist-mlp/graph';
import { decodeDataset } from '@/models/mnist-mlp/reference/dataset';
import { createWorkspace, forward, type Network } from '@/models/mnist-mlp/reference/network';
import { decodeWeights } from '@/models/mnist-mlp/reference/weights';

ort.env.wasm.numThreads = 1;

const modelDir = new URL('../../../models/mnist-mlp/', import.meta.url);
const test = decodeDataset(gunzipSync(readFileSync(new URL('mnist-lab.dlmn.gz', modelDir)))).test!;
const N = 64;
const pixels = new Float32Array(N * 784);
for (let i = 0; i < pixels.length; i++) pixels[i] = test.pixels[i]! / 255;

async function compare(dir: string): Promise<void> {
  const net: Network = decodeWeights(readFileSync(new URL(`${dir}weights.bin`, modelDir))).net;
  const model = readFileSync(new URL(`${dir}model.onnx`, modelDir));
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'] });
  try {
    const out = await session.run({ pixels: new ort.Tensor('float32', pixels, [N, 784]) });
    const ws = createWorkspace(net, N);
    ws.a[0]!.set(pixels);
    forward(net, ws, N);
    const probs = out.probs!.data as Float32Array;
    expect(out.probs!.dims).toEqual([N, 10]);
    let worst = 0;
    for (let i = 0; i < probs.length; i++) worst = Math.max(worst, Math.abs(probs[i]! - ws.a[net.L]![i]!));
    expect(worst).toBeLessThan(1e-5);
    for (let l = 1; l < net.L; l++) {
      const a = out[`a${l}`]!.data as Float32Array;
      let hidden = 0;
      for (let i = 0; i < a.length; i++) hidden = Math.max(hidden, Math.abs(a[i]! - ws.a[l]![i]!));
      expect(hidden).toBeLessThan(1e-4);
    }
  } finally {
    await session.release();
  }
}

describe('shipped ONNX models', () => {
  it.each(['', 'presets/large/'])('model.onnx in "%s" matches the reference forward of its weights.bin', async (dir) => {
    await compare(dir);
  });

  it.each(['', 'presets/large/'])('the shipped %smodel.onnx is the export of the shipped weights', (dir) => {
    const { net } = decodeWeights(readFileSync(new URL(`${dir}weights.bin`, modelDir)));
    const shipped = readFileSync(new URL(`${dir}model.onnx`, modelDir));
    // Buffer.equals: a byte loop in C++, where toEqual would take seconds on 400 kB.
    expect(shipped.equals(buildInferenceModel(net, net.config))).toBe(true);
  });
});
