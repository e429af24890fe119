// Backpropagation must agree with the definition of the derivative:
// dC/dtheta ~ (C(theta + h) - C(theta - h)) / 2h, checked in float64.
import { describe, expect, it } from 'vitest';
import type { Activation, Vec } from '@/models/mnist-mlp/reference/activations';
import type { Cost } from '@/models/mnist-mlp/reference/costs';
import {
  backward,
  createGradients,
  createNetwork,
  createWorkspace,
  forward,
  initNetwork,
  type Network,
  type TrainOptions,
  type Workspace,
} from '@/models/mnist-mlp/reference/network';
import { mulberry32 } from '@/lib/rng';

const sizes = [5, 4, 3, 3];
const m = 4;

/** C written out from a^(L) independently of costs.ts: mean data cost + penalty. */
function costFromOutput(net: Network, ws: Workspace, y: number[], reg: TrainOptions, Y?: Float64Array): number {
  const nL = sizes[sizes.length - 1]!;
  const aL = ws.a[net.L]!;
  let c = 0;
  for (let s = 0; s < m; s++) {
    for (let j = 0; j < nL; j++) {
      const a = aL[s * nL + j]!;
      const target = Y ? Y[s * nL + j]! : j === y[s] ? 1 : 0;
      if (net.config.cost === 'cross-entropy') c -= target * Math.log(a);
      else c += 0.5 * (target - a) * (target - a);
    }
  }
  c /= m;
  for (let l = 1; l <= net.L; l++) {
    for (const w of net.W[l]!) c += 0.5 * (reg.l2 ?? 0) * w * w + (reg.l1 ?? 0) * Math.abs(w);
  }
  return c;
}

function setup(activation: Activation, cost: Cost) {
  const net = createNetwork({ sizes, activation, cost, precision: 'float64' });
  const rng = mulberry32(42);
  initNetwork(net, 'xavier', rng);
  for (let l = 1; l <= net.L; l++) for (let j = 0; j < net.b[l]!.length; j++) net.b[l]![j] = 0.1 * (rng() - 0.5);
  const ws = createWorkspace(net, m);
  for (let i = 0; i < m * sizes[0]!; i++) ws.a[0]![i] = rng() * 2 - 1;
  const y = [0, 2, 1, 2];
  return { net, ws, y };
}

function checkGradients(
  activation: Activation,
  cost: Cost,
  reg: TrainOptions,
  dropoutSeed?: number,
  Y?: Float64Array,
): void {
  const { net, ws, y } = setup(activation, cost);
  // A freshly seeded rng per pass gives the same dropout mask every time.
  const options = (): TrainOptions =>
    dropoutSeed === undefined ? reg : { ...reg, dropout: 0.3, rng: mulberry32(dropoutSeed) };
  const grads = createGradients(net);
  forward(net, ws, m, options());
  const reported = backward(net, ws, y, m, grads, options(), Y);
  expect(reported).toBeCloseTo(costFromOutput(net, ws, y, reg, Y), 12);

  const h = 1e-6;
  const C = (): number => {
    forward(net, ws, m, options());
    return costFromOutput(net, ws, y, reg, Y);
  };
  const compare = (theta: Vec, nabla: Vec): void => {
    for (let i = 0; i < theta.length; i++) {
      const saved = theta[i]!;
      theta[i] = saved + h;
      const plus = C();
      theta[i] = saved - h;
      const minus = C();
      theta[i] = saved;
      const numeric = (plus - minus) / (2 * h);
      expect(Math.abs(nabla[i]! - numeric)).toBeLessThan(1e-7 + 1e-6 * Math.abs(numeric));
    }
  };
  for (let l = 1; l <= net.L; l++) {
    compare(net.W[l]!, grads.nabla_W[l]!);
    compare(net.b[l]!, grads.nabla_b[l]!);
  }
}

describe('backpropagation matches central finite differences', () => {
  for (const activation of ['sigmoid', 'relu'] as const) {
    for (const cost of ['cross-entropy', 'quadratic'] as const) {
      it(`${activation} + ${cost}`, () => checkGradients(activation, cost, {}));
      it(`${activation} + ${cost} with L2 and L1`, () => checkGradients(activation, cost, { l2: 0.03, l1: 0.01 }));
    }
  }
  // Soft targets (rows sum to 1), as in distillation from a teacher network.
  const Y = new Float64Array([0.7, 0.2, 0.1, 0.05, 0.05, 0.9, 0.3, 0.4, 0.3, 0, 0.5, 0.5]);
  it('cross-entropy with soft targets', () => checkGradients('relu', 'cross-entropy', { l2: 0.01 }, undefined, Y));
  it('quadratic with soft targets', () => checkGradients('sigmoid', 'quadratic', {}, undefined, Y));
  it('with inverted dropout (fixed mask)', () => checkGradients('relu', 'cross-entropy', { l2: 0.01 }, 7));
  it('with inverted dropout, sigmoid', () => checkGradients('sigmoid', 'quadratic', {}, 11));
});

describe('forward pass', () => {
  it('computes z = W a + b and a = sigma(z) as written by hand', () => {
    const net = createNetwork({ sizes: [2, 2, 2], activation: 'relu', cost: 'cross-entropy', precision: 'float64' });
    net.W[1]!.set([1, 2, -1, 0.5]); // rows: weights into neuron 1, neuron 2
    net.b[1]!.set([0.5, -1]);
    net.W[2]!.set([1, 0, 1, -1]);
    net.b[2]!.set([0, 0]);
    const ws = createWorkspace(net, 1);
    ws.a[0]!.set([1, 1]);
    forward(net, ws, 1);
    // z1 = [1 + 2 + 0.5, -1 + 0.5 - 1] = [3.5, -1.5]; ReLU -> [3.5, 0]
    expect([...ws.z[1]!]).toEqual([3.5, -1.5]);
    expect([...ws.a[1]!]).toEqual([3.5, 0]);
    // z2 = [3.5, 3.5]: equal logits give softmax [0.5, 0.5]
    expect([...ws.z[2]!]).toEqual([3.5, 3.5]);
    expect(ws.a[2]![0]).toBeCloseTo(0.5, 15);
  });

  it('inverted dropout keeps the expected activation', () => {
    const net = createNetwork({ sizes: [1, 2000, 2], activation: 'relu', cost: 'cross-entropy' });
    net.W[1]!.fill(1);
    const ws = createWorkspace(net, 1);
    ws.a[0]![0] = 1;
    forward(net, ws, 1, { dropout: 0.5, rng: mulberry32(3) });
    const a1 = [...ws.a[1]!];
    const zeros = a1.filter((v) => v === 0).length;
    const mean = a1.reduce((s, v) => s + v, 0) / a1.length;
    expect(zeros).toBeGreaterThan(900);
    expect(zeros).toBeLessThan(1100);
    expect(mean).toBeGreaterThan(0.93);
    expect(mean).toBeLessThan(1.07);
    expect(a1.every((v) => v === 0 || v === 2)).toBe(true);
  });
});
