// Training end to end on problems small enough to run in milliseconds.
import { describe, expect, it } from 'vitest';
import type { DigitSet } from '@/models/mnist-mlp/reference/dataset';
import {
  backward,
  createGradients,
  createNetwork,
  createWorkspace,
  forward,
  initNetwork,
  type NetworkConfig,
} from '@/models/mnist-mlp/reference/network';
import { createOptimizer, gradientList, optimizerStep, parameters, type OptimizerKind } from '@/models/mnist-mlp/reference/optimizers';
import { mulberry32 } from '@/lib/rng';
import { createTrainer, evaluate, trainEpoch } from '@/models/mnist-mlp/reference/training';

/** Three Gaussian blobs in the plane, one per class. */
function blobs(n: number, seed: number): { x: Float32Array; y: Uint8Array } {
  const rng = mulberry32(seed);
  const centres = [
    [-1, -1],
    [1, -1],
    [0, 1],
  ];
  const x = new Float32Array(2 * n);
  const y = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    const c = s % 3;
    y[s] = c;
    x[2 * s] = centres[c]![0]! + 0.4 * (rng() - 0.5);
    x[2 * s + 1] = centres[c]![1]! + 0.4 * (rng() - 0.5);
  }
  return { x, y };
}

describe('training reduces the cost', () => {
  const cases: { config: NetworkConfig; kind: OptimizerKind; eta: number }[] = [
    { config: { sizes: [2, 8, 3], activation: 'relu', cost: 'cross-entropy' }, kind: 'sgd', eta: 0.5 },
    { config: { sizes: [2, 8, 3], activation: 'sigmoid', cost: 'quadratic' }, kind: 'sgd', eta: 3 },
    { config: { sizes: [2, 8, 8, 3], activation: 'relu', cost: 'cross-entropy' }, kind: 'momentum', eta: 0.5 },
    { config: { sizes: [2, 8, 3], activation: 'sigmoid', cost: 'cross-entropy' }, kind: 'rmsprop', eta: 0.01 },
    { config: { sizes: [2, 8, 8, 3], activation: 'relu', cost: 'quadratic' }, kind: 'adam', eta: 0.02 },
  ];
  for (const { config, kind, eta } of cases) {
    it(`${config.sizes.join('-')} ${config.activation} ${config.cost} with ${kind}`, () => {
      const { x, y } = blobs(60, 1);
      const net = createNetwork(config);
      initNetwork(net, config.activation === 'relu' ? 'he' : 'xavier', mulberry32(2));
      const ws = createWorkspace(net, 60);
      const grads = createGradients(net);
      const opt = createOptimizer({ kind, eta }, parameters(net));
      ws.a[0]!.set(x);
      const costs: number[] = [];
      for (let step = 0; step < 300; step++) {
        forward(net, ws, 60);
        costs.push(backward(net, ws, y, 60, grads));
        optimizerStep(opt, parameters(net), gradientList(net, grads));
      }
      expect(costs[costs.length - 1]!).toBeLessThan(0.3 * costs[0]!);
      forward(net, ws, 60);
      const aL = ws.a[net.L]!;
      let correct = 0;
      for (let s = 0; s < 60; s++) {
        const row = [aL[3 * s]!, aL[3 * s + 1]!, aL[3 * s + 2]!];
        if (row.indexOf(Math.max(...row)) === y[s]) correct++;
      }
      expect(correct).toBe(60);
    });
  }
});

/** 6x6 "digits": class 0 has a vertical bar, class 1 a horizontal bar, at random places. */
function bars(n: number, seed: number): DigitSet {
  const rng = mulberry32(seed);
  const pixels = new Uint8Array(n * 36);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const pos = 1 + Math.floor(rng() * 4);
    labels[i] = label;
    for (let t = 1; t < 5; t++) pixels[i * 36 + (label === 0 ? t * 6 + pos : pos * 6 + t)] = 255;
  }
  return { count: n, rows: 6, cols: 6, labels, pixels };
}

describe('mini-batch training loop', () => {
  it('learns a toy image task with shuffling, dropout, L2 and augmentation, reproducibly', () => {
    const runOnce = (): { before: number; after: number; weights: number[] } => {
      const train = bars(200, 5);
      const test = bars(100, 6);
      const net = createNetwork({ sizes: [36, 12, 2], activation: 'relu', cost: 'cross-entropy' });
      const rng = mulberry32(9);
      initNetwork(net, 'he', rng);
      const trainer = createTrainer(net, createOptimizer({ kind: 'adam', eta: 0.01 }, parameters(net)), 16);
      const order = new Uint32Array(train.count).map((_, i) => i);
      const before = evaluate(net, test).cost;
      for (let epoch = 0; epoch < 15; epoch++) {
        trainEpoch(trainer, train, order, {
          rng,
          dropout: 0.1,
          l2: 1e-4,
          augment: { shift: 0.5, rotate: 3, scale: 0.03, shear: 0 },
        });
      }
      const result = evaluate(net, test);
      expect(result.accuracy).toBeGreaterThan(0.95);
      return { before, after: result.cost, weights: [...net.W[1]!.subarray(0, 8)] };
    };
    const first = runOnce();
    expect(first.after).toBeLessThan(0.5 * first.before);
    // Same seeds, same numbers: the lab's "reset" must replay a run exactly.
    expect(runOnce().weights).toEqual(first.weights);
  });
});
