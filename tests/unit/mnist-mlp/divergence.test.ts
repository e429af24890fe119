// When a training run counts as diverged (models/mnist-mlp/host/divergence.ts): a non-finite cost,
// or a cost that stays far above its start. Checked on the lectures' 784-16-16-10 network trained
// by the reference implementation, where too large a learning rate ends with a huge but finite cost.
import { describe, expect, it } from 'vitest';
import { DIVERGED_STEPS, DivergenceWatch } from '@/models/mnist-mlp/host/divergence';
import { backward, createGradients, createNetwork, createWorkspace, forward, initNetwork } from '@/models/mnist-mlp/reference/network';
import { createOptimizer, gradientList, optimizerStep, parameters } from '@/models/mnist-mlp/reference/optimizers';
import { mulberry32 } from '@/lib/rng';

const CHANCE = Math.log(10);

describe('the divergence watch', () => {
  it('a non-finite cost is diverged at once', () => {
    expect(new DivergenceWatch(CHANCE).see(NaN)).toBe(true);
    const w = new DivergenceWatch(CHANCE);
    w.see(2.4);
    expect(w.see(Infinity)).toBe(true);
  });

  it('a cost that stays ten times above its start is diverged after a run of steps, a burst is not', () => {
    const w = new DivergenceWatch(CHANCE);
    expect(w.see(2.4)).toBe(false);
    for (let i = 0; i < DIVERGED_STEPS - 1; i++) expect(w.see(80)).toBe(false);
    expect(w.see(2.0)).toBe(false); // back down: the count starts again
    for (let i = 0; i < DIVERGED_STEPS - 1; i++) expect(w.see(80)).toBe(false);
    expect(w.see(80)).toBe(true);
  });

  it('a saved network resumed at a low cost is held to the cost of guessing, not to its own low start', () => {
    const w = new DivergenceWatch(CHANCE);
    w.see(0.05);
    for (let i = 0; i < 3 * DIVERGED_STEPS; i++) expect(w.see(2.0)).toBe(false);
  });

  /** Ten 28x28 stroke patterns with noise: enough for the network to learn, or to blow up on. */
  function strokes(n: number, seed: number): { x: Float32Array; y: Float32Array } {
    const rng = mulberry32(seed);
    const x = new Float32Array(n * 784);
    const y = new Float32Array(n * 10);
    for (let s = 0; s < n; s++) {
      const c = s % 10;
      y[s * 10 + c] = 1;
      for (let p = 0; p < 784; p++) {
        const [r, q] = [Math.floor(p / 28), p % 28];
        const on = c < 5 ? q === 4 + 4 * c : r === 4 + 4 * (c - 5);
        x[s * 784 + p] = on ? 0.8 + 0.2 * rng() : 0.1 * rng();
      }
    }
    return { x, y };
  }

  const run = (eta: number, steps: number): { diverged: number | null; costs: number[] } => {
    const net = createNetwork({ sizes: [784, 16, 16, 10], activation: 'relu', cost: 'cross-entropy' });
    initNetwork(net, 'he', mulberry32(3));
    const ws = createWorkspace(net, 32);
    const grads = createGradients(net);
    const opt = createOptimizer({ kind: 'sgd', eta }, parameters(net));
    const { x, y } = strokes(32, 5);
    ws.a[0]!.set(x);
    const watch = new DivergenceWatch(CHANCE);
    const costs: number[] = [];
    for (let step = 0; step < steps; step++) {
      forward(net, ws, 32);
      const cost = backward(net, ws, y, 32, grads);
      costs.push(cost);
      if (watch.see(cost)) return { diverged: step, costs };
      optimizerStep(opt, parameters(net), gradientList(net, grads));
    }
    return { diverged: null, costs };
  };

  it('SGD with η = 100000 on the 784-16-16-10 network is caught, η = 0.1 never is', () => {
    const wild = run(100_000, 200);
    expect(wild.diverged, `costs ${wild.costs.slice(0, 8).map((c) => c.toPrecision(3)).join(' ')}`).not.toBeNull();
    const sane = run(0.1, 300);
    expect(sane.diverged).toBeNull();
    expect(sane.costs.at(-1)!).toBeLessThan(0.5 * sane.costs[0]!);
  });
});
