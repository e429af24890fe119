// The Backprop lab's "take one step" (W - eta * grad_W in float64, reference/backprop.ts) against
// the training lab's ONNX step graph (plain SGD, a batch of one) run in onnxruntime-web on the same
// weights and digit: the same new weights to float32 rounding. The graph's quadratic cost is
// 1/2 sum (a - y)^2, half the lessons' C_0, so it gets twice the learning rate there.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { buildTrainStepModel, initialTrainState, outName, trainStepSignature, type TrainStepConfig } from '@/models/mnist-mlp/graph';
import { Backprop, descend, float64Network, lessonScale } from '@/models/mnist-mlp/reference/backprop';
import { decodeDataset } from '@/models/mnist-mlp/reference/dataset';
import { createNetwork, initNetwork, type Network } from '@/models/mnist-mlp/reference/network';
import { decodeWeights } from '@/models/mnist-mlp/reference/weights';
import type { Cost } from '@/models/mnist-mlp/reference/costs';
import type { Activation } from '@/models/mnist-mlp/reference/activations';
import { mulberry32 } from '@/lib/rng';

ort.env.wasm.numThreads = 1;

const modelDir = new URL('../../../models/mnist-mlp/', import.meta.url);
const test = decodeDataset(gunzipSync(readFileSync(new URL('mnist-lab.dlmn.gz', modelDir)))).test!;
const shipped = decodeWeights(readFileSync(new URL('weights.bin', modelDir))).net;

async function graphStep(net: Network, x: Float32Array, target: number, eta: number): Promise<Record<string, Float32Array>> {
  const { sizes, activation, cost } = net.config;
  const L = sizes.length - 1;
  const config: TrainStepConfig = { sizes: [...sizes], activation, cost, optimizer: { kind: 'sgd' }, dropout: false };
  const signature = trainStepSignature(config);
  const state = initialTrainState(net, config);
  const session = await ort.InferenceSession.create(buildTrainStepModel(config), { executionProviders: ['wasm'] });
  const y = new Float32Array(sizes[L]!);
  y[target] = 1;
  const scalar = (v: number) => new ort.Tensor('float32', Float32Array.of(v), [1]);
  const feeds: Record<string, ort.Tensor> = {
    x: new ort.Tensor('float32', x, [1, sizes[0]!]),
    y: new ort.Tensor('float32', y, [1, sizes[L]!]),
    eta: scalar(eta * lessonScale(cost)),
    l1: scalar(0),
    l2: scalar(0),
  };
  for (const name of signature.state) feeds[name] = new ort.Tensor('float32', state[name]!, signature.shapes[name]!);
  const out = await session.run(feeds);
  const next: Record<string, Float32Array> = {};
  for (const name of signature.params) next[name] = (await out[outName(name)]!.getData()) as Float32Array;
  await session.release();
  return next;
}

function network(activation: Activation, cost: Cost): Network {
  const net = createNetwork({ sizes: [784, 16, 16, 10], activation, cost });
  if (activation === 'relu' && cost === 'cross-entropy') {
    for (let l = 1; l <= 3; l++) {
      net.W[l]!.set(shipped.W[l]!);
      net.b[l]!.set(shipped.b[l]!);
    }
  } else initNetwork(net, activation === 'relu' ? 'he' : 'xavier', mulberry32(21));
  return net;
}

describe('one step of the Backprop lab vs the ONNX training step (SGD, batch 1)', () => {
  const cases: { activation: Activation; cost: Cost; index: number; target: (label: number) => number; eta: number }[] = [
    { activation: 'relu', cost: 'cross-entropy', index: 0, target: (l) => l, eta: 0.5 },
    { activation: 'relu', cost: 'cross-entropy', index: 1, target: (l) => (l + 3) % 10, eta: 0.1 },
    { activation: 'sigmoid', cost: 'quadratic', index: 2, target: (l) => l, eta: 1 },
    { activation: 'relu', cost: 'quadratic', index: 4, target: (l) => (l + 5) % 10, eta: 0.5 },
  ];
  for (const c of cases) {
    it(`${c.activation}, ${c.cost}, MNIST test digit ${c.index}: the same new weights within float32 rounding`, async () => {
      const net32 = network(c.activation, c.cost);
      const x = new Float32Array(784);
      for (let i = 0; i < 784; i++) x[i] = test.pixels[c.index * 784 + i]! / 255;
      const target = c.target(test.labels[c.index]!);
      const graph = await graphStep(net32, x, target, c.eta);

      const net = float64Network(net32.config, net32.W, net32.b);
      const trace = new Backprop(net).example(x, target);
      descend(net, trace, c.eta);
      let moved = 0;
      for (let l = 1; l <= 3; l++) {
        for (const [name, ours, before] of [[`W${l}`, net.W[l]!, net32.W[l]!], [`b${l}`, net.b[l]!, net32.b[l]!]] as const) {
          const theirs = graph[name]!;
          expect(theirs.length).toBe(ours.length);
          let worst = 0;
          let scale = 0;
          for (let i = 0; i < ours.length; i++) {
            worst = Math.max(worst, Math.abs(theirs[i]! - ours[i]!));
            scale = Math.max(scale, Math.abs(ours[i]!));
            moved = Math.max(moved, Math.abs(ours[i]! - before[i]!));
          }
          // float32 carries 2^-24 relative: a few units of the tensor's largest entry's last place.
          expect(worst, name).toBeLessThan(4 * 2 ** -24 * scale);
        }
      }
      // The step did something measurable, far above that tolerance.
      expect(moved).toBeGreaterThan(1e-4);
    });
  }
});
