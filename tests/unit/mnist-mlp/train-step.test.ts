// The ONNX training step must follow the reference network step for step: every
// optimizer, both hidden activations, both costs, with and without L1/L2 and
// dropout. The graph runs in float32 with its own summation order while the
// reference accumulates in float64 and stores float32, so they agree to float32
// rounding, not bit for bit.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import {
  buildTrainStepModel,
  initialTrainState,
  trainStepSignature,
  type StepOptimizer,
} from '@/models/mnist-mlp/graph';
import { decodeDataset } from '@/models/mnist-mlp/reference/dataset';
import { argmaxRow } from '@/models/mnist-mlp/reference/network';
import { mulberry32 } from '@/lib/rng';
import { compareSteps, randomBatches, type Batch, type Drift, type StepCase } from '@/tests/unit/mnist-mlp/reference-run';

/** Largest allowed max|graph - ref| / max|ref| per tensor (parameters and optimizer state). */
const REL_TOL = 1e-5;
/** Largest allowed relative difference of the batch cost C. */
const COST_TOL = 1e-5;

const optimizers: { optimizer: StepOptimizer; eta: number }[] = [
  { optimizer: { kind: 'sgd' }, eta: 0.5 },
  { optimizer: { kind: 'momentum', beta: 0.9 }, eta: 0.5 },
  { optimizer: { kind: 'rmsprop', decay: 0.9 }, eta: 0.01 },
  { optimizer: { kind: 'adam' }, eta: 0.01 },
];

const variants = [
  { name: 'plain, no mask inputs', l1: 0, l2: 0, p: 0, masks: false },
  { name: 'L1 + L2, all-ones masks', l1: 1e-3, l2: 1e-2, p: 0, masks: true },
  { name: 'dropout 0.25', l1: 0, l2: 0, p: 0.25, masks: true },
  { name: 'dropout 0.25 + L1 + L2', l1: 1e-3, l2: 1e-2, p: 0.25, masks: true },
];

function expectAgreement(drift: Drift): void {
  expect(drift.maxRel).toBeLessThan(REL_TOL);
  expect(drift.costRel).toBeLessThan(COST_TOL);
  expect(drift.correctMismatches).toBe(0);
}

/** MLP_GRAPH_DRIFT=1 prints every case's measured drift (kept quiet otherwise). */
function report(name: string, drift: Drift): void {
  if (process.env.MLP_GRAPH_DRIFT) console.log(`drift ${name}: ${JSON.stringify(drift)}`);
}

const SMALL = [20, 8, 6, 4];
const STEPS = 12;
const batches = randomBatches(SMALL[0]!, SMALL[3]!, 16, STEPS, 99);

describe('ONNX training step vs the TypeScript reference (20-8-6-4, 12 steps)', () => {
  for (const { optimizer, eta } of optimizers) {
    describe(optimizer.kind, () => {
      for (const activation of ['sigmoid', 'relu'] as const) {
        for (const cost of ['cross-entropy', 'quadratic'] as const) {
          for (const v of variants) {
            it(`${activation}, ${cost}, ${v.name}`, async () => {
              const c: StepCase = { sizes: SMALL, activation, cost, optimizer, eta, batches, seed: 7, ...v };
              const drift = await compareSteps(c);
              report(`${optimizer.kind} ${activation} ${cost} ${v.name}`, drift);
              expectAgreement(drift);
            });
          }
        }
      }
    });
  }
});

describe('ONNX training step: the lab-sized network and odd batches', () => {
  const modelDir = new URL('../../../models/mnist-mlp/', import.meta.url);
  const test = decodeDataset(gunzipSync(readFileSync(new URL('mnist-lab.dlmn.gz', modelDir)))).test!;
  const m = 32;
  // Real digits: sparse inputs (mostly background) like the lab will feed.
  const mnist: Batch[] = Array.from({ length: 8 }, (_, k) => {
    const x = new Float32Array(m * 784);
    for (let i = 0; i < x.length; i++) x[i] = test.pixels[k * m * 784 + i]! / 255;
    return { x, labels: test.labels.slice(k * m, (k + 1) * m) };
  });
  const lab = [784, 16, 16, 10];

  for (const { optimizer, eta } of optimizers) {
    it(`784-16-16-10 on MNIST, ${optimizer.kind}, ReLU, cross-entropy, dropout 0.2 + L2`, async () => {
      const drift = await compareSteps({
        sizes: lab, activation: 'relu', cost: 'cross-entropy', optimizer, eta: eta / 5,
        l1: 0, l2: 1e-3, p: 0.2, masks: true, batches: mnist, seed: 3,
      });
      report(`784 ${optimizer.kind} relu cross-entropy dropout+L2`, drift);
      expectAgreement(drift);
    });
  }

  it('784-16-16-10 on MNIST, momentum, sigmoid, quadratic, L1', async () => {
    const drift = await compareSteps({
      sizes: lab, activation: 'sigmoid', cost: 'quadratic', optimizer: { kind: 'momentum' }, eta: 1,
      l1: 1e-4, l2: 0, p: 0, masks: false, batches: mnist, seed: 4,
    });
    expectAgreement(drift);
  });

  it('one graph serves every batch size (a short last batch)', async () => {
    const sizes = [20, 8, 6, 4];
    const mixed = [
      ...randomBatches(20, 4, 16, 3, 5),
      ...randomBatches(20, 4, 5, 2, 6),
      ...randomBatches(20, 4, 1, 1, 7),
    ];
    const drift = await compareSteps({
      sizes, activation: 'relu', cost: 'cross-entropy', optimizer: { kind: 'adam' }, eta: 0.01,
      l1: 1e-3, l2: 1e-3, p: 0.3, masks: true, batches: mixed, seed: 8,
    });
    expectAgreement(drift);
  });

  it('soft targets y (distillation) follow the reference too', async () => {
    const sizes = [20, 8, 6, 4];
    const rng = mulberry32(12);
    const soft = randomBatches(20, 4, 16, 6, 9).map((batch) => {
      const Y = new Float32Array(16 * 4);
      for (let s = 0; s < 16; s++) {
        let sum = 0;
        for (let j = 0; j < 4; j++) sum += Y[s * 4 + j] = rng() + (j === batch.labels[s] ? 2 : 0);
        for (let j = 0; j < 4; j++) Y[s * 4 + j] = Y[s * 4 + j]! / sum;
      }
      return { ...batch, Y };
    });
    for (const cost of ['cross-entropy', 'quadratic'] as const) {
      const drift = await compareSteps({
        sizes, activation: 'sigmoid', cost, optimizer: { kind: 'rmsprop' }, eta: 0.01,
        l1: 0, l2: 0, p: 0, masks: false, batches: soft, seed: 10,
      });
      expectAgreement(drift);
    }
  });
});

describe('ONNX training step: correct count', () => {
  it('breaks ties between saturated outputs like the reference argmaxRow (first index wins)', async () => {
    // Quadratic-cost outputs are sigmoids; sigma(30) rounds to exactly 1 in float32, so units 1 and 2 tie.
    const config = { sizes: [4, 3], cost: 'quadratic', dropout: false } as const;
    const state = initialTrainState({ W: [[], new Float32Array(12)], b: [[], Float32Array.of(0, 30, 30)] }, config);
    const labels = [1, 2, 0, 1, 2];
    const y = new Float32Array(labels.length * 3);
    labels.forEach((label, s) => (y[s * 3 + label] = 1));
    const session = await ort.InferenceSession.create(buildTrainStepModel(config));
    try {
      const feeds: Record<string, ort.Tensor> = {
        x: new ort.Tensor('float32', new Float32Array(labels.length * 4), [labels.length, 4]),
        y: new ort.Tensor('float32', y, [labels.length, 3]),
        eta: new ort.Tensor('float32', Float32Array.of(0), [1]),
        l1: new ort.Tensor('float32', Float32Array.of(0), [1]),
        l2: new ort.Tensor('float32', Float32Array.of(0), [1]),
      };
      for (const [name, value] of Object.entries(state)) {
        feeds[name] = new ort.Tensor('float32', value, trainStepSignature(config).shapes[name]!);
      }
      const out = await session.run(feeds);
      const aL = Float32Array.of(1 / (1 + Math.exp(0)), 1, 1);
      expect(argmaxRow(aL, 0, 3)).toBe(1);
      expect((out.correct!.data as Float32Array)[0]).toBe(2); // the two rows labelled 1
    } finally {
      await session.release();
    }
  });
});
