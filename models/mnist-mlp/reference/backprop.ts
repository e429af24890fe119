// Backpropagation of one example (lessons 3 and 4) and of a mini-batch, for the Backprop lab,
// on the reference network's own forward() and backward(): nothing here re-derives them.
//
// One difference of convention: the lessons write the quadratic cost of one example as
//   C_0 = sum_j (a_j^(L) - y_j)^2,        so  dC_0/da_j^(L) = 2 (a_j^(L) - y_j),
// while the reference (and the training graph) use half of it, 1/2 sum_j (a_j - y_j)^2. The lab
// speaks the lessons' language, so for the quadratic cost every delta, gradient and cost the
// reference returns is doubled here (LESSON_SCALE). Cross-entropy, C_0 = -ln a_target^(L), is the
// same in both.

import type { Vec } from '@/models/mnist-mlp/reference/activations';
import type { Cost } from '@/models/mnist-mlp/reference/costs';
import { backward, createGradients, createNetwork, createWorkspace, forward, type Gradients, type Network, type NetworkConfig, type Workspace } from '@/models/mnist-mlp/reference/network';

/** Factor from the reference's cost to the lessons' C_0. */
export function lessonScale(cost: Cost): number {
  return cost === 'quadratic' ? 2 : 1;
}

/** Everything lessons 3 and 4 name, for one example. Arrays indexed by layer l = 0..L (index 0: the input, or empty). */
export interface ExampleTrace {
  /** a[0] = x, a[l] = sigma(z[l]); a[L] the output (softmax or sigmoid). */
  a: Float64Array[];
  /** z[l] = W[l] a[l-1] + b[l]; z[0] is empty. */
  z: Float64Array[];
  /** delta[l] = dC_0/dz[l]; delta[0] is empty. */
  delta: Float64Array[];
  /** dC_0/da[l] for l = 1..L: how the cost moves with each activation (index 0 empty). */
  dC_da: Float64Array[];
  /** dC_0/dW[l] = delta[l] a[l-1]^T, row-major [n_l, n_(l-1)]; index 0 empty. */
  grad_W: Float64Array[];
  /** dC_0/db[l] = delta[l]; index 0 empty. */
  grad_b: Float64Array[];
  /** C_0 in the lessons' convention. */
  cost_value: number;
}

export interface BatchGradient {
  /** Mean over the examples of dC_0/dW[l] (index 0 empty). */
  grad_W: Float64Array[];
  grad_b: Float64Array[];
  /** Mean C_0 over the examples. */
  cost_value: number;
}

const EMPTY = new Float64Array(0);

/** A float64 copy of weights given as W[l], b[l] (index 0 unused), in the reference's layout. */
export function float64Network(config: Omit<NetworkConfig, 'precision'>, W: readonly ArrayLike<number>[], b: readonly ArrayLike<number>[]): Network {
  const net = createNetwork({ ...config, precision: 'float64' });
  const { sizes } = config;
  for (let l = 1; l <= net.L; l++) {
    const w = W[l];
    const bias = b[l];
    if (!w || w.length !== sizes[l]! * sizes[l - 1]!) throw new Error(`W${l} must hold ${sizes[l]! * sizes[l - 1]!} values`);
    if (!bias || bias.length !== sizes[l]!) throw new Error(`b${l} must hold ${sizes[l]!} values`);
    net.W[l]!.set(w);
    net.b[l]!.set(bias);
  }
  return net;
}

export function cloneNetwork(net: Network): Network {
  return { config: net.config, L: net.L, W: net.W.map((w) => w.slice()), b: net.b.map((v) => v.slice()) };
}

/**
 * Forward and backward passes on one network, with buffers kept between calls: the lab recomputes
 * on every pointer move, and the mini-batch reuses a workspace of its largest size.
 */
export class Backprop {
  private ws1: Workspace;
  private wsBatch: Workspace | null = null;
  private grads: Gradients;

  constructor(readonly net: Network) {
    if (net.config.precision !== 'float64') throw new Error('the Backprop lab computes in float64');
    this.ws1 = createWorkspace(net, 1);
    this.grads = createGradients(net);
  }

  /** The network's guess for input x: the index of the largest output (no copies, no backward pass). */
  guess(x: ArrayLike<number>): number {
    const { net, ws1: ws } = this;
    const nL = net.config.sizes[net.L]!;
    if (x.length !== net.config.sizes[0]) throw new Error(`the input has ${x.length} values, the network reads ${net.config.sizes[0]}`);
    ws.a[0]!.set(x);
    forward(net, ws, 1);
    const aL = ws.a[net.L]!;
    let best = 0;
    for (let j = 1; j < nL; j++) if (aL[j]! > aL[best]!) best = j;
    return best;
  }

  /** z, a, delta, dC/da and the gradient of C_0 for input x (n_0 values) and the target class. */
  example(x: ArrayLike<number>, target: number): ExampleTrace {
    const { net, ws1: ws, grads } = this;
    const { sizes, cost } = net.config;
    const L = net.L;
    if (x.length !== sizes[0]) throw new Error(`the input has ${x.length} values, the network reads ${sizes[0]}`);
    if (!Number.isInteger(target) || target < 0 || target >= sizes[L]!) throw new Error(`target ${target} is not an output of this network`);
    ws.a[0]!.set(x);
    forward(net, ws, 1);
    const k = lessonScale(cost);
    const refCost = backward(net, ws, [target], 1, grads);
    const copy = (v: Vec, scale = 1) => {
      const out = new Float64Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = v[i]! * scale;
      return out;
    };
    const a = ws.a.map((v) => copy(v));
    const z = ws.z.map((v, l) => (l === 0 ? EMPTY : copy(v)));
    const delta = ws.delta.map((v, l) => (l === 0 ? EMPTY : copy(v, k)));
    const grad_W = grads.nabla_W.map((v, l) => (l === 0 ? EMPTY : copy(v, k)));
    const grad_b = grads.nabla_b.map((v, l) => (l === 0 ? EMPTY : copy(v, k)));
    // dC_0/da: at the output from the cost itself; below, (W^(l+1))^T delta^(l+1).
    const dC_da: Float64Array[] = [EMPTY];
    for (let l = 1; l < L; l++) {
      const nIn = sizes[l]!;
      const nOut = sizes[l + 1]!;
      const W = net.W[l + 1]!;
      const d = delta[l + 1]!;
      const out = new Float64Array(nIn);
      for (let j = 0; j < nOut; j++) {
        const dj = d[j]!;
        if (dj === 0) continue;
        for (let i = 0; i < nIn; i++) out[i] = out[i]! + W[j * nIn + i]! * dj;
      }
      dC_da.push(out);
    }
    const aL = a[L]!;
    const outGrad = new Float64Array(sizes[L]!);
    for (let j = 0; j < outGrad.length; j++) {
      const y = j === target ? 1 : 0;
      outGrad[j] = cost === 'quadratic' ? 2 * (aL[j]! - y) : j === target ? -1 / aL[j]! : 0;
    }
    dC_da.push(outGrad);
    return { a, z, delta, dC_da, grad_W, grad_b, cost_value: refCost * k };
  }

  /** The mean gradient of C_0 over m examples (rows of x, n_0 values each) with their targets. */
  batch(x: ArrayLike<number>, targets: ArrayLike<number>, m: number): BatchGradient {
    const { net } = this;
    const n0 = net.config.sizes[0]!;
    if (m < 1 || x.length < m * n0 || targets.length < m) throw new Error(`a batch of ${m} needs ${m * n0} inputs and ${m} targets`);
    if (!this.wsBatch || this.wsBatch.capacity < m) this.wsBatch = createWorkspace(net, m);
    const ws = this.wsBatch;
    for (let i = 0; i < m * n0; i++) ws.a[0]![i] = x[i]!;
    forward(net, ws, m);
    const k = lessonScale(net.config.cost);
    const refCost = backward(net, ws, targets, m, this.grads);
    const scaled = (v: Vec, l: number) => {
      if (l === 0) return EMPTY;
      const out = new Float64Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = v[i]! * k;
      return out;
    };
    return { grad_W: this.grads.nabla_W.map(scaled), grad_b: this.grads.nabla_b.map(scaled), cost_value: refCost * k };
  }
}

/** One step of gradient descent in place: W[l] -= eta * grad_W[l], b[l] -= eta * grad_b[l]. */
export function descend(net: Network, grad: { grad_W: readonly ArrayLike<number>[]; grad_b: readonly ArrayLike<number>[] }, eta: number): void {
  for (let l = 1; l <= net.L; l++) {
    const W = net.W[l]!;
    const b = net.b[l]!;
    const gW = grad.grad_W[l]!;
    const gb = grad.grad_b[l]!;
    for (let i = 0; i < W.length; i++) W[i] = W[i]! - eta * gW[i]!;
    for (let j = 0; j < b.length; j++) b[j] = b[j]! - eta * gb[j]!;
  }
}

/** Correct answers of the network on m examples (rows of pixels as bytes 0..255), in chunks of a reused workspace. */
export function countCorrect(net: Network, pixels: Uint8Array, labels: Uint8Array, from: number, to: number, ws: Workspace): number {
  const n0 = net.config.sizes[0]!;
  const nL = net.config.sizes[net.L]!;
  let correct = 0;
  for (let start = from; start < to; start += ws.capacity) {
    const m = Math.min(ws.capacity, to - start);
    const a0 = ws.a[0]!;
    for (let i = 0, base = start * n0; i < m * n0; i++) a0[i] = pixels[base + i]! / 255;
    forward(net, ws, m);
    const aL = ws.a[net.L]!;
    for (let s = 0; s < m; s++) {
      let best = 0;
      for (let j = 1; j < nL; j++) if (aL[s * nL + j]! > aL[s * nL + best]!) best = j;
      if (best === labels[start + s]) correct++;
    }
  }
  return correct;
}
