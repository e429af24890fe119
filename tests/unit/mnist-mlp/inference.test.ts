// The inference graph must compute the reference forward: a^(L) as probs and
// every hidden a^(l) for the UI that lights up the network.
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { buildInferenceModel } from '@/models/mnist-mlp/graph';
import { createNetwork, createWorkspace, forward, initNetwork, type Network } from '@/models/mnist-mlp/reference/network';
import { mulberry32 } from '@/lib/rng';
import { randomBatches } from '@/tests/unit/mnist-mlp/reference-run';

ort.env.wasm.numThreads = 1;

const N = 24;

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

async function runInference(net: Network, pixels: Float32Array, activations?: boolean) {
  const { sizes } = net.config;
  const model = buildInferenceModel(net, net.config, { activations });
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'] });
  try {
    const values = await session.run({ pixels: new ort.Tensor('float32', pixels, [N, sizes[0]!]) });
    return { outputs: session.outputNames, values };
  } finally {
    await session.release();
  }
}

describe('ONNX inference graph vs the reference forward', () => {
  for (const [sizes, activation, cost] of [
    [[784, 16, 16, 10], 'relu', 'cross-entropy'],
    [[784, 16, 16, 10], 'sigmoid', 'quadratic'],
    [[20, 8, 6, 4], 'sigmoid', 'cross-entropy'],
    [[20, 8, 6, 4], 'relu', 'quadratic'],
    [[20, 4], 'relu', 'cross-entropy'],
  ] as const) {
    it(`${sizes.join('-')}, ${activation}, ${cost}`, async () => {
      const net = createNetwork({ sizes, activation, cost });
      initNetwork(net, activation === 'relu' ? 'he' : 'xavier', mulberry32(21));
      for (let l = 1; l <= net.L; l++) {
        for (let j = 0; j < net.b[l]!.length; j++) net.b[l]![j] = 0.2 * Math.cos(3 * l + j);
      }
      const pixels = randomBatches(sizes[0], sizes[net.L]!, N, 1, 22)[0]!.x;
      const { outputs, values } = await runInference(net, pixels);
      const ws = createWorkspace(net, N);
      ws.a[0]!.set(pixels);
      forward(net, ws, N);

      expect(outputs).toEqual([...Array.from({ length: net.L - 1 }, (_, i) => `a${i + 1}`), 'probs']);
      expect(values.probs!.dims).toEqual([N, sizes[net.L]]);
      expect(maxDiff(values.probs!.data as Float32Array, ws.a[net.L]!)).toBeLessThan(1e-6);
      for (let l = 1; l < net.L; l++) {
        expect(values[`a${l}`]!.dims).toEqual([N, sizes[l]]);
        expect(maxDiff(values[`a${l}`]!.data as Float32Array, ws.a[l]!)).toBeLessThan(1e-5);
      }
      if (cost === 'cross-entropy') {
        const probs = values.probs!.data as Float32Array;
        const nL = sizes[net.L]!;
        for (let s = 0; s < N; s++) {
          expect(probs.subarray(s * nL, (s + 1) * nL).reduce((x, v) => x + v, 0)).toBeCloseTo(1, 5);
        }
      }
    });
  }

  it('can leave out the hidden activations', async () => {
    const net = createNetwork({ sizes: [20, 8, 6, 4], activation: 'relu', cost: 'cross-entropy' });
    initNetwork(net, 'he', mulberry32(2));
    const { outputs } = await runInference(net, new Float32Array(N * 20), false);
    expect(outputs).toEqual(['probs']);
  });

  it('rejects weights that do not fit the sizes', () => {
    const net = createNetwork({ sizes: [20, 8, 4], activation: 'relu', cost: 'cross-entropy' });
    expect(() => buildInferenceModel(net, { sizes: [20, 9, 4] })).toThrow(/W1 must hold 180 values/);
  });
});
