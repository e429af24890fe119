// Runs the same training steps through the ONNX step graph and through the
// plain-TypeScript reference network, and measures how far apart they end up.
// The runtime is passed in, so the unit tests run it on WASM in Node and the
// model host runs it on WebGPU in the browser (the diagnostics page shows it).

import type * as Ort from 'onnxruntime-web';
import { buildTrainStepModel } from '@/models/mnist-mlp/graph/train-step';
import { drawDropoutMasks } from '@/models/mnist-mlp/graph/dropout';
import { initialTrainState } from '@/models/mnist-mlp/graph/state';
import { outName, trainStepSignature } from '@/models/mnist-mlp/graph/signature';
import type { StepOptimizer, TrainStepConfig } from '@/models/mnist-mlp/graph/config';
import type { Activation, Vec } from '@/models/mnist-mlp/reference/activations';
import type { Cost } from '@/models/mnist-mlp/reference/costs';
import { argmaxRow, createNetwork, initNetwork } from '@/models/mnist-mlp/reference/network';
import { createOptimizer, parameters } from '@/models/mnist-mlp/reference/optimizers';
import { mulberry32 } from '@/lib/rng';
import { createTrainer, trainStep } from '@/models/mnist-mlp/reference/training';

export interface Batch {
  /** [m, n_0] inputs. */
  x: Float32Array;
  labels: Uint8Array;
  /** Soft targets [m, n_L] replacing the one-hot labels (the reference's Y), e.g. a teacher's probabilities. */
  Y?: Float32Array;
}

export interface StepCase {
  sizes: number[];
  activation: Activation;
  cost: Cost;
  optimizer: StepOptimizer;
  eta: number;
  l1: number;
  l2: number;
  /** Dropout probability; the graph gets mask inputs whenever masks is true. */
  p: number;
  masks: boolean;
  batches: Batch[];
  seed: number;
}

export interface Drift {
  /** Largest |graph - reference| over every parameter and optimizer-state entry, every step. */
  maxAbs: number;
  /** Largest max|graph - reference| / max|reference| of one tensor (parameter or optimizer state), every step. */
  maxRel: number;
  /** Largest |C_graph - C_ref| / |C_ref| over the steps. */
  costRel: number;
  /** Steps where the correct counts differed. */
  correctMismatches: number;
  steps: number;
}

/** Random inputs in [0, 1] with about half zeros, like MNIST's background, and random labels. */
export function randomBatches(nIn: number, nOut: number, m: number, count: number, seed: number): Batch[] {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const x = new Float32Array(m * nIn);
    for (let i = 0; i < x.length; i++) x[i] = rng() < 0.5 ? 0 : rng();
    const labels = Uint8Array.from({ length: m }, () => Math.floor(rng() * nOut));
    return { x, labels };
  });
}

function tensorDrift(graph: ArrayLike<number>, ref: ArrayLike<number>): { abs: number; rel: number } {
  if (graph.length !== ref.length) throw new Error(`length ${graph.length} vs ${ref.length}`);
  let abs = 0;
  let scale = 0;
  for (let i = 0; i < ref.length; i++) {
    abs = Math.max(abs, Math.abs(graph[i]! - ref[i]!));
    scale = Math.max(scale, Math.abs(ref[i]!));
  }
  return { abs, rel: scale === 0 ? abs : abs / scale };
}

export async function compareSteps(c: StepCase, ort: typeof Ort, executionProviders: string[] = ['wasm']): Promise<Drift> {
  const { sizes } = c;
  const L = sizes.length - 1;
  const config: TrainStepConfig = {
    sizes,
    activation: c.activation,
    cost: c.cost,
    optimizer: c.optimizer,
    dropout: c.masks,
  };
  const signature = trainStepSignature(config);

  const net = createNetwork({ sizes, activation: c.activation, cost: c.cost });
  initNetwork(net, c.activation === 'relu' ? 'he' : 'xavier', mulberry32(c.seed));
  // Nonzero biases from the start, so the first step already exercises them.
  for (let l = 1; l <= L; l++) for (let j = 0; j < net.b[l]!.length; j++) net.b[l]![j] = 0.1 * Math.sin(7 * l + j);
  const params = parameters(net);
  const opt = createOptimizer({ ...c.optimizer, eta: c.eta }, params);
  const trainer = createTrainer(net, opt, Math.max(...c.batches.map((batch) => batch.labels.length)));
  let state = initialTrainState(net, config);

  const session = await ort.InferenceSession.create(buildTrainStepModel(config), { executionProviders });
  const drift: Drift = { maxAbs: 0, maxRel: 0, costRel: 0, correctMismatches: 0, steps: c.batches.length };
  // Two generators from one seed: the reference draws its own masks, the graph's caller draws the same ones.
  const refRng = mulberry32(c.seed + 1);
  const maskRng = mulberry32(c.seed + 1);
  const scalar = (v: number) => new ort.Tensor('float32', Float32Array.of(v), [1]);
  try {
    for (const batch of c.batches) {
      const m = batch.labels.length;
      trainer.ws.a[0]!.set(batch.x);
      trainer.y.set(batch.labels);
      const refCost = trainStep(trainer, m, { l1: c.l1, l2: c.l2, dropout: c.p, rng: refRng }, batch.Y);
      const aL = trainer.ws.a[L]!;
      let refCorrect = 0;
      for (let s = 0; s < m; s++) {
        const target = batch.Y ? argmaxRow(batch.Y, s, sizes[L]!) : batch.labels[s];
        if (argmaxRow(aL, s, sizes[L]!) === target) refCorrect++;
      }

      let y = batch.Y;
      if (!y) {
        y = new Float32Array(m * sizes[L]!);
        for (let s = 0; s < m; s++) y[s * sizes[L]! + batch.labels[s]!] = 1;
      }
      const feeds: Record<string, Ort.Tensor> = {
        x: new ort.Tensor('float32', batch.x, [m, sizes[0]!]),
        y: new ort.Tensor('float32', y, [m, sizes[L]!]),
        eta: scalar(c.eta),
        l1: scalar(c.l1),
        l2: scalar(c.l2),
      };
      for (const name of signature.state) {
        feeds[name] = new ort.Tensor('float32', state[name]!, signature.shapes[name]!);
      }
      if (c.masks) {
        const masks = drawDropoutMasks(sizes, m, c.p, maskRng);
        for (let l = 1; l < L; l++) {
          if (c.p > 0 && tensorDrift(masks[l]!, trainer.ws.mask[l]!.subarray(0, masks[l]!.length)).abs !== 0) {
            throw new Error(`mask${l} differs from the reference's`);
          }
          feeds[`mask${l}`] = new ort.Tensor('float32', masks[l]!, [m, sizes[l]!]);
        }
      }
      const out = await session.run(feeds);
      const next: Record<string, Float32Array> = {};
      for (const name of signature.state) next[name] = (await out[outName(name)]!.getData()) as Float32Array;
      state = next;

      const cost = ((await out.cost!.getData()) as Float32Array)[0]!;
      drift.costRel = Math.max(drift.costRel, Math.abs(cost - refCost) / Math.abs(refCost));
      if (((await out.correct!.getData()) as Float32Array)[0] !== refCorrect) drift.correctMismatches++;
      if (state.t![0] !== opt.t) throw new Error(`t_out ${state.t![0]} but the reference took ${opt.t} steps`);

      const refState: Record<string, Vec> = {};
      signature.params.forEach((name, i) => (refState[name] = params[i]!));
      // The reference keeps RMSProp's s in `second`; the graph lists state in first-then-second order.
      const averages = c.optimizer.kind === 'rmsprop' ? opt.second : [...opt.first, ...opt.second];
      signature.optimizerState.forEach((name, i) => (refState[name] = averages[i]!));
      for (const name of [...signature.params, ...signature.optimizerState]) {
        const d = tensorDrift(state[name]!, refState[name]!);
        drift.maxAbs = Math.max(drift.maxAbs, d.abs);
        drift.maxRel = Math.max(drift.maxRel, d.rel);
      }
    }
  } finally {
    await session.release();
  }
  return drift;
}
