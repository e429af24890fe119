// The mini-batch loop shared by the pretraining script and the in-browser lab:
// shuffle, cut into batches, forward, backward, optimizer step; plus evaluation.

import type { Vec } from '@/models/mnist-mlp/reference/activations';
import { augmentImage, type AugmentOptions } from '@/models/mnist-mlp/reference/augment';
import { outputDelta } from '@/models/mnist-mlp/reference/costs';
import type { DigitSet } from '@/models/mnist-mlp/reference/dataset';
import {
  argmaxRow,
  backward,
  createGradients,
  createWorkspace,
  forward,
  type Gradients,
  type Network,
  type TrainOptions,
  type Workspace,
} from '@/models/mnist-mlp/reference/network';
import { gradientList, optimizerStep, parameters, type Optimizer } from '@/models/mnist-mlp/reference/optimizers';
import { shuffleInPlace, type Rng } from '@/lib/rng';

/** Everything a training run reuses from batch to batch, allocated once. */
export interface Trainer {
  net: Network;
  optimizer: Optimizer;
  ws: Workspace;
  grads: Gradients;
  params: Vec[];
  nablas: Vec[];
  /** Labels of the current batch. */
  y: Uint8Array;
  batchSize: number;
}

export function createTrainer(net: Network, optimizer: Optimizer, batchSize: number): Trainer {
  const grads = createGradients(net);
  return {
    net,
    optimizer,
    ws: createWorkspace(net, batchSize),
    grads,
    params: parameters(net),
    nablas: gradientList(net, grads),
    y: new Uint8Array(batchSize),
    batchSize,
  };
}

/**
 * Copies images order[start..start+m) of set (or images start..start+m when
 * order is null) into the rows of a, scaled to [0, 1], and their labels into y.
 */
export function loadBatch(
  set: DigitSet,
  order: ArrayLike<number> | null,
  start: number,
  m: number,
  a: Vec,
  y: Uint8Array,
  augment?: { options: AugmentOptions; rng: Rng },
): void {
  const size = set.rows * set.cols;
  const k = 1 / 255;
  for (let s = 0; s < m; s++) {
    const i = order ? order[start + s]! : start + s;
    y[s] = set.labels[i]!;
    if (augment) {
      augmentImage(set.pixels, i * size, a, s * size, set.rows, set.cols, augment.options, augment.rng);
    } else {
      const src = i * size;
      const dst = s * size;
      for (let p = 0; p < size; p++) a[dst + p] = set.pixels[src + p]! * k;
    }
  }
}

/**
 * One gradient step on a prepared batch (rows of trainer.ws.a[0], labels
 * trainer.y, optional soft targets Y); returns C.
 */
export function trainStep(trainer: Trainer, m: number, options: TrainOptions, Y?: Vec): number {
  forward(trainer.net, trainer.ws, m, options);
  const cost = backward(trainer.net, trainer.ws, trainer.y, m, trainer.grads, options, Y);
  optimizerStep(trainer.optimizer, trainer.params, trainer.nablas);
  return cost;
}

export interface EpochOptions extends TrainOptions {
  rng: Rng;
  augment?: AugmentOptions;
  /** Called before each step with the step index within the epoch, e.g. to set optimizer.eta. */
  beforeStep?: (step: number, stepsPerEpoch: number) => void;
  /** Soft targets for the loaded batch (inputs a0, labels y), e.g. from a teacher network. */
  targets?: (a0: Vec, y: Uint8Array, m: number) => Vec;
}

/** One pass over set in a fresh random order; returns the mean batch cost. */
export function trainEpoch(trainer: Trainer, set: DigitSet, order: Uint32Array, options: EpochOptions): number {
  shuffleInPlace(order, options.rng);
  const steps = Math.ceil(set.count / trainer.batchSize);
  const augment = options.augment ? { options: options.augment, rng: options.rng } : undefined;
  let total = 0;
  for (let step = 0; step < steps; step++) {
    const start = step * trainer.batchSize;
    const m = Math.min(trainer.batchSize, set.count - start);
    loadBatch(set, order, start, m, trainer.ws.a[0]!, trainer.y, augment);
    options.beforeStep?.(step, steps);
    const Y = options.targets?.(trainer.ws.a[0]!, trainer.y, m);
    total += trainStep(trainer, m, options, Y);
  }
  return total / steps;
}

export interface Evaluation {
  accuracy: number;
  /** Mean data cost (no penalty). */
  cost: number;
  correct: number;
  count: number;
}

/** Accuracy and mean cost of net on the whole set (no dropout, no augmentation). */
export function evaluate(net: Network, set: DigitSet, batchSize = 500): Evaluation {
  const ws = createWorkspace(net, batchSize);
  const y = new Uint8Array(batchSize);
  const { sizes, cost: costKind } = net.config;
  const nL = sizes[net.L]!;
  let correct = 0;
  let cost = 0;
  for (let start = 0; start < set.count; start += batchSize) {
    const m = Math.min(batchSize, set.count - start);
    loadBatch(set, null, start, m, ws.a[0]!, y);
    forward(net, ws, m);
    const aL = ws.a[net.L]!;
    cost += outputDelta(costKind, ws.z[net.L]!, aL, y, ws.delta[net.L]!, m, nL);
    for (let s = 0; s < m; s++) if (argmaxRow(aL, s, nL) === y[s]) correct++;
  }
  return { accuracy: correct / set.count, cost: cost / set.count, correct, count: set.count };
}
