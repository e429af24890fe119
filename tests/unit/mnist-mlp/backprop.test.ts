// The Backprop lab's gradients (models/mnist-mlp/reference/backprop.ts) checked against the
// definition of the derivative and against PyTorch, in the lessons' convention:
// quadratic C_0 = sum_j (a_j - y_j)^2, cross-entropy C_0 = -ln a_target.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Backprop, countCorrect, descend, float64Network, lessonScale, type ExampleTrace } from '@/models/mnist-mlp/reference/backprop';
import { decodeDataset } from '@/models/mnist-mlp/reference/dataset';
import { createNetwork, createWorkspace, forward, initNetwork, type Network } from '@/models/mnist-mlp/reference/network';
import { decodeWeights } from '@/models/mnist-mlp/reference/weights';
import type { Activation } from '@/models/mnist-mlp/reference/activations';
import type { Cost } from '@/models/mnist-mlp/reference/costs';
import { mulberry32 } from '@/lib/rng';

const modelDir = new URL('../../../models/mnist-mlp/', import.meta.url);
const test = decodeDataset(gunzipSync(readFileSync(new URL('mnist-lab.dlmn.gz', modelDir)))).test!;
const shipped = decodeWeights(readFileSync(new URL('weights.bin', modelDir))).net;
const digit = (i: number) => Array.from(test.pixels.subarray(i * 784, (i + 1) * 784), (p) => p / 255);

/**
 * C_0 from z^(L), written out here rather than taken from costs.ts, in a form whose rounding is
 * relative to C_0 itself: a confident network has C_0 near 1e-6, and -ln a_target or (a - 1)^2
 * computed from a ~ 1 would lose the tiny differences a finite difference needs.
 *   cross-entropy: C_0 = ln(1 + sum_{j != t} e^(z_j - z_t))
 *   quadratic:     C_0 = sigma(-z_t)^2 + sum_{j != t} sigma(z_j)^2   (1 - sigma(z) = sigma(-z))
 */
function lessonCost(net: Network, x: number[], target: number): number {
  const ws = createWorkspace(net, 1);
  ws.a[0]!.set(x);
  forward(net, ws, 1);
  const zL = ws.z[net.L]!;
  const sig = (v: number) => 1 / (1 + Math.exp(-v));
  let c = 0;
  if (net.config.cost === 'cross-entropy') {
    for (let j = 0; j < zL.length; j++) if (j !== target) c += Math.exp(zL[j]! - zL[target]!);
    return Math.log1p(c);
  }
  for (let j = 0; j < zL.length; j++) c += (j === target ? sig(-zL[j]!) : sig(zL[j]!)) ** 2;
  return c;
}

function network(activation: Activation, cost: Cost, seed: number): Network {
  if (activation === 'relu' && cost === 'cross-entropy') {
    return float64Network(shipped.config, shipped.W, shipped.b);
  }
  const net = createNetwork({ sizes: [784, 16, 16, 10], activation, cost, precision: 'float64' });
  const rng = mulberry32(seed);
  initNetwork(net, activation === 'relu' ? 'he' : 'xavier', rng);
  for (let l = 1; l <= net.L; l++) for (let j = 0; j < net.b[l]!.length; j++) net.b[l]![j] = 0.2 * (rng() - 0.5);
  return net;
}

describe('Backprop lab gradients vs central finite differences (float64, 784-16-16-10)', () => {
  // The O(h^2) truncation stays below 1e-8 relative; the costs' rounding, relative to C_0, far below.
  const h = 1e-4;
  for (const activation of ['relu', 'sigmoid'] as const) {
    for (const cost of ['cross-entropy', 'quadratic'] as const) {
      it(`${activation}, ${cost}: a random subset of every layer's weights and biases within 1e-6`, () => {
        const net = network(activation, cost, 11);
        const x = digit(3);
        const rng = mulberry32(5);
        for (const target of [test.labels[3]!, (test.labels[3]! + 4) % 10]) {
          const trace = new Backprop(net).example(x, target);
          expect(trace.cost_value).toBeCloseTo(lessonCost(net, x, target), 12);
          let worst = 0;
          let checked = 0;
          // A difference of two costs resolves no better than C_0 * 2e-16 / h (about 2e-12 C_0 here):
          // gradients far below C_0 * 1e-5 are held to 1e-6 of that floor, absolutely, instead.
          const floor = 1e-5 * trace.cost_value;
          const check = (param: Float64Array, i: number, analytic: number) => {
            const keep = param[i]!;
            param[i] = keep + h;
            const up = lessonCost(net, x, target);
            param[i] = keep - h;
            const down = lessonCost(net, x, target);
            param[i] = keep;
            const numeric = (up - down) / (2 * h);
            const rel = Math.abs(numeric - analytic) / Math.max(Math.abs(numeric) + Math.abs(analytic), floor);
            if (rel > 1e-6 && process.env.FD_DEBUG) console.log({ activation, cost, target, rel, numeric, analytic, i, floor });
            worst = Math.max(worst, rel);
            checked++;
          };
          for (let l = 1; l <= net.L; l++) {
            const W = net.W[l] as Float64Array;
            const nIn = net.config.sizes[l - 1]!;
            for (let s = 0; s < 40; s++) {
              // In layer 1, half the picks on pixels that have ink: elsewhere both sides are exactly 0.
              let i = Math.floor(rng() * W.length);
              if (l === 1 && s % 2 === 0) {
                const inked = x.flatMap((v, k) => (v > 0 ? [k] : []));
                i = Math.floor(rng() * 16) * nIn + inked[Math.floor(rng() * inked.length)]!;
              }
              check(W, i, trace.grad_W[l]![i]!);
            }
            const b = net.b[l] as Float64Array;
            for (let j = 0; j < b.length; j++) check(b, j, trace.grad_b[l]![j]!);
          }
          expect(checked).toBeGreaterThan(150);
          expect(worst).toBeLessThan(1e-6);
        }
      });
    }
  }

  it('delta, dC/da and grad_W follow lesson 4: delta = dC/da * sigma\'(z), grad_W = delta a^T', () => {
    const net = network('sigmoid', 'quadratic', 3);
    const t: ExampleTrace = new Backprop(net).example(digit(0), 7);
    const L = net.L;
    for (let j = 0; j < 10; j++) {
      const a = t.a[L]![j]!;
      expect(t.dC_da[L]![j]).toBeCloseTo(2 * (a - (j === 7 ? 1 : 0)), 14);
      expect(t.delta[L]![j]).toBeCloseTo(t.dC_da[L]![j]! * a * (1 - a), 14);
    }
    for (let l = 1; l < L; l++) {
      for (let k = 0; k < 16; k++) {
        const s = 1 / (1 + Math.exp(-t.z[l]![k]!));
        expect(t.delta[l]![k]).toBeCloseTo(t.dC_da[l]![k]! * s * (1 - s), 14);
      }
    }
    const nIn = net.config.sizes[L - 1]!;
    for (let j = 0; j < 10; j++) for (let k = 0; k < nIn; k++) expect(t.grad_W[L]![j * nIn + k]).toBeCloseTo(t.delta[L]![j]! * t.a[L - 1]![k]!, 14);
    expect(lessonScale('quadratic')).toBe(2);
  });

  it('the mini-batch gradient is the mean of the examples\' gradients', () => {
    const net = network('relu', 'cross-entropy', 0);
    const bp = new Backprop(net);
    const m = 5;
    const x = new Float64Array(m * 784);
    const targets = [0, 1, 2, 3, 4].map((i) => test.labels[i]!);
    for (let i = 0; i < m; i++) x.set(digit(i), i * 784);
    const mean = bp.batch(x, targets, m);
    const each = targets.map((t, i) => bp.example(digit(i), t));
    for (let l = 1; l <= net.L; l++) {
      for (let i = 0; i < mean.grad_W[l]!.length; i += 97) {
        expect(mean.grad_W[l]![i]).toBeCloseTo(each.reduce((s, e) => s + e.grad_W[l]![i]!, 0) / m, 14);
      }
    }
    expect(mean.cost_value).toBeCloseTo(each.reduce((s, e) => s + e.cost_value, 0) / m, 12);
    // The guess is the largest output, without a backward pass.
    for (let i = 0; i < m; i++) expect(bp.guess(digit(i))).toBe(each[i]!.a[3]!.indexOf(Math.max(...each[i]!.a[3]!)));
  });

  it('one step lowers this example\'s cost, and the accuracy count matches a plain loop', () => {
    const net = network('relu', 'cross-entropy', 0);
    const bp = new Backprop(net);
    const before = bp.example(digit(0), 3);
    descend(net, before, 0.05);
    expect(bp.example(digit(0), 3).cost_value).toBeLessThan(before.cost_value);
    const fresh = float64Network(shipped.config, shipped.W, shipped.b);
    const correct = countCorrect(fresh, test.pixels, test.labels, 0, 1000, createWorkspace(fresh, 128));
    let loop = 0;
    const one = new Backprop(fresh);
    for (let i = 0; i < 1000; i++) {
      const a = one.example(digit(i), 0).a[3]!;
      if (a.indexOf(Math.max(...a)) === test.labels[i]) loop++;
    }
    expect(correct).toBe(loop);
    expect(correct).toBeGreaterThan(900);
  });

  it('refuses a wrong input size or target instead of computing nonsense', () => {
    const bp = new Backprop(network('relu', 'cross-entropy', 0));
    expect(() => bp.example(new Float64Array(10), 1)).toThrow(/784/);
    expect(() => bp.example(digit(0), 10)).toThrow(/target/);
    expect(() => new Backprop(shipped)).toThrow(/float64/);
  });
});

interface TorchCase {
  cost: Cost;
  target: number;
  a_L: number[];
  cost_value: number;
  grad_W: (null | number[] | { index: number[]; value: number[]; length: number })[];
  grad_b: (null | number[])[];
}

describe('Backprop lab gradients vs PyTorch (tests/fixtures/backprop/torch-gradients.json)', () => {
  const fixture = JSON.parse(readFileSync(new URL('../../fixtures/backprop/torch-gradients.json', import.meta.url), 'utf8')) as {
    test_index: number;
    label: number;
    cases: TorchCase[];
  };
  it('is about the shipped network on an MNIST test digit', () => {
    expect(fixture.label).toBe(test.labels[fixture.test_index]);
    expect(fixture.cases.map((c) => `${c.cost}:${c.target}`)).toEqual(['cross-entropy:7', 'cross-entropy:3', 'quadratic:7', 'quadratic:3']);
  });
  for (const [k, c] of [0, 1, 2, 3].map((k) => [k, k] as const)) {
    it(`case ${k}: every gradient entry within 1e-9 relative to the layer's largest`, () => {
      const tc = fixture.cases[c]!;
      const net = float64Network({ ...shipped.config, cost: tc.cost }, shipped.W, shipped.b);
      const t = new Backprop(net).example(digit(fixture.test_index), tc.target);
      expect(t.cost_value).toBeCloseTo(tc.cost_value, 10);
      for (let j = 0; j < 10; j++) expect(t.a[3]![j]).toBeCloseTo(tc.a_L[j]!, 12);
      for (let l = 1; l <= 3; l++) {
        const g = tc.grad_W[l]!;
        let dense: Float64Array;
        if (Array.isArray(g)) dense = Float64Array.from(g);
        else {
          dense = new Float64Array(g.length);
          g.index.forEach((i, n) => (dense[i] = g.value[n]!));
        }
        const ours = t.grad_W[l]!;
        expect(ours.length).toBe(dense.length);
        const scale = Math.max(...dense.map(Math.abs));
        let worst = 0;
        for (let i = 0; i < dense.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - dense[i]!));
        expect(worst / scale).toBeLessThan(1e-9);
        const gb = tc.grad_b[l]!;
        for (let j = 0; j < gb.length; j++) expect(Math.abs(t.grad_b[l]![j]! - gb[j]!)).toBeLessThan(1e-9 * Math.max(...gb.map(Math.abs)));
      }
    });
  }
});
