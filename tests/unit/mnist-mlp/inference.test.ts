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

describe("the popup's classifier (the reference forward, no onnxruntime) vs the inference graph", () => {
  it('gives the graph session its activations for the shipped network', async () => {
    const { decodeWeights } = await import('@/models/mnist-mlp/reference/weights');
    const { readFileSync } = await import('node:fs');
    const { LocalClassifier } = await import('@/models/mnist-mlp/local-classifier');
    const { net } = decodeWeights(new Uint8Array(readFileSync(new URL('../../../models/mnist-mlp/weights.bin', import.meta.url))));
    const sizes = [...net.config.sizes];
    const local = await LocalClassifier.create({ sizes, activation: net.config.activation, cost: net.config.cost, W: net.W, b: net.b });
    const pixels = randomBatches(sizes[0]!, sizes[net.L]!, N, 1, 5)[0]!.x;
    const { values } = await runInference(net, pixels, true);
    for (let s = 0; s < N; s++) {
      const row = pixels.subarray(s * sizes[0]!, (s + 1) * sizes[0]!);
      const layers = await local.classify(row);
      expect(layers).toHaveLength(net.L + 1);
      expect(maxDiff(layers[0]!, row)).toBe(0);
      for (let l = 1; l <= net.L; l++) {
        const name = l === net.L ? 'probs' : `a${l}`;
        const graph = (values[name]!.data as Float32Array).subarray(s * sizes[l]!, (s + 1) * sizes[l]!);
        // float32 sums in a different order: relative to the size of the activations (ReLU's reach 10s).
        const scale = Math.max(1, ...Array.from(graph, Math.abs));
        expect(maxDiff(layers[l]!, graph) / scale).toBeLessThan(1e-5);
      }
    }
  });

  it('refuses weights that do not fit the sizes, and a drawing of the wrong size', async () => {
    const { LocalClassifier } = await import('@/models/mnist-mlp/local-classifier');
    const net = createNetwork({ sizes: [20, 8, 4], activation: 'relu', cost: 'cross-entropy' });
    await expect(LocalClassifier.create({ sizes: [20, 9, 4], activation: 'relu', cost: 'cross-entropy', W: net.W, b: net.b })).rejects.toThrow(/W1 must hold 180 values/);
    const ok = await LocalClassifier.create({ sizes: [20, 8, 4], activation: 'relu', cost: 'cross-entropy', W: net.W, b: net.b });
    await expect(ok.classify(new Float32Array(19))).rejects.toThrow(/19 pixels, the network reads 20/);
  });
});
