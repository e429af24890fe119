// A fully connected network in the lessons' notation, batched:
//   z^(l) = W^(l) a^(l-1) + b^(l),   a^(l) = sigma(z^(l)),   l = 1..L
// Arrays are indexed by l, so W[l] is W^(l); index 0 is an empty placeholder
// (a[0] is the input). W^(l) is row-major [n_l, n_(l-1)]; a batch of m samples
// is stored as m rows, so z^(l) for the batch is [m, n_l] and row s is sample s.

import { mulSigmaPrime, sigmaForward, type Activation, type Vec } from '@/models/mnist-mlp/reference/activations';
import { outputDelta, outputForward, type Cost } from '@/models/mnist-mlp/reference/costs';
import { initWeights, type Init } from '@/models/mnist-mlp/reference/init';
import type { Rng } from '@/lib/rng';

export type Precision = 'float32' | 'float64';

export interface NetworkConfig {
  /** n_0 (inputs), n_1, ..., n_L (outputs); e.g. [784, 16, 16, 10]. */
  sizes: readonly number[];
  /** sigma for the hidden layers. */
  activation: Activation;
  /** Also fixes the output layer: softmax for cross-entropy, sigmoid for quadratic. */
  cost: Cost;
  /** float64 exists for gradient checks; train in float32. */
  precision?: Precision;
}

export interface Network {
  config: NetworkConfig;
  /** L: number of weight layers. */
  L: number;
  W: Vec[];
  b: Vec[];
}

export interface Gradients {
  nabla_W: Vec[];
  nabla_b: Vec[];
}

/** Per-batch buffers, allocated once for the largest batch and reused. */
export interface Workspace {
  capacity: number;
  /** a[0] is the input batch, filled by the caller. */
  a: Vec[];
  z: Vec[];
  delta: Vec[];
  /** Inverted-dropout multipliers (0 or 1/(1-p)) of hidden layer l, or unused. */
  mask: Vec[];
  /** Scratch list of nonzero input indices of one row. */
  nz: Int32Array;
}

/** Weight penalties added to C: (lambda2 / 2) sum W^2 + lambda1 sum |W| (weights only, not b). */
export interface Regularization {
  l2?: number;
  l1?: number;
}

export interface TrainOptions extends Regularization {
  /** Probability of dropping each hidden unit during training (inverted dropout). */
  dropout?: number;
  /** Needed when dropout > 0. */
  rng?: Rng;
}

function alloc(precision: Precision | undefined, n: number): Vec {
  return precision === 'float64' ? new Float64Array(n) : new Float32Array(n);
}

export function createNetwork(config: NetworkConfig): Network {
  const { sizes } = config;
  const L = sizes.length - 1;
  if (L < 1) throw new Error('a network needs at least an input and an output size');
  const W: Vec[] = [alloc(config.precision, 0)];
  const b: Vec[] = [alloc(config.precision, 0)];
  for (let l = 1; l <= L; l++) {
    W.push(alloc(config.precision, sizes[l]! * sizes[l - 1]!));
    b.push(alloc(config.precision, sizes[l]!));
  }
  return { config, L, W, b };
}

/** Random W^(l) by the chosen scheme, b^(l) = 0. */
export function initNetwork(net: Network, init: Init, rng: Rng): void {
  const { sizes } = net.config;
  for (let l = 1; l <= net.L; l++) {
    initWeights(init, net.W[l]!, sizes[l - 1]!, sizes[l]!, rng);
    net.b[l]!.fill(0);
  }
}

export function createGradients(net: Network): Gradients {
  const p = net.config.precision;
  return {
    nabla_W: net.W.map((w) => alloc(p, w.length)),
    nabla_b: net.b.map((v) => alloc(p, v.length)),
  };
}

export function createWorkspace(net: Network, capacity: number): Workspace {
  const { sizes, precision } = net.config;
  const a: Vec[] = [];
  const z: Vec[] = [];
  const delta: Vec[] = [];
  const mask: Vec[] = [];
  for (let l = 0; l <= net.L; l++) {
    const n = capacity * sizes[l]!;
    a.push(alloc(precision, n));
    // z, delta and mask do not exist for the input layer.
    z.push(alloc(precision, l === 0 ? 0 : n));
    delta.push(alloc(precision, l === 0 ? 0 : n));
    mask.push(alloc(precision, l === 0 || l === net.L ? 0 : n));
  }
  return { capacity, a, z, delta, mask, nz: new Int32Array(Math.max(...sizes)) };
}

/** Parameter count: sum over l of n_l * n_(l-1) + n_l. */
export function parameterCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 1; l < sizes.length; l++) n += sizes[l]! * sizes[l - 1]! + sizes[l]!;
  return n;
}

/**
 * Indices k with a[row + k] != 0, written to nz; returns how many. Inputs are
 * mostly zeros (MNIST background, inactive ReLUs), and skipping them is exact.
 */
function nonzeros(a: Vec, row: number, n: number, nz: Int32Array): number {
  let count = 0;
  for (let k = 0; k < n; k++) if (a[row + k] !== 0) nz[count++] = k;
  return count;
}

/** z[s, j] = b[j] + sum_k W[j, k] * a[s, k] for the m rows of a batch. */
function affine(W: Vec, b: Vec, aPrev: Vec, z: Vec, m: number, nIn: number, nOut: number, nz: Int32Array): void {
  for (let s = 0; s < m; s++) {
    const rowIn = s * nIn;
    const rowOut = s * nOut;
    const count = nonzeros(aPrev, rowIn, nIn, nz);
    if (count < nIn / 2) {
      for (let j = 0; j < nOut; j++) {
        const rowW = j * nIn;
        let sum = 0;
        for (let i = 0; i < count; i++) {
          const k = nz[i]!;
          sum += W[rowW + k]! * aPrev[rowIn + k]!;
        }
        z[rowOut + j] = b[j]! + sum;
      }
      continue;
    }
    for (let j = 0; j < nOut; j++) {
      const rowW = j * nIn;
      // Four partial sums let the CPU overlap the multiply-adds.
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let k = 0;
      for (; k + 3 < nIn; k += 4) {
        s0 += W[rowW + k]! * aPrev[rowIn + k]!;
        s1 += W[rowW + k + 1]! * aPrev[rowIn + k + 1]!;
        s2 += W[rowW + k + 2]! * aPrev[rowIn + k + 2]!;
        s3 += W[rowW + k + 3]! * aPrev[rowIn + k + 3]!;
      }
      for (; k < nIn; k++) s0 += W[rowW + k]! * aPrev[rowIn + k]!;
      z[rowOut + j] = b[j]! + (s0 + s1 + (s2 + s3));
    }
  }
}

/**
 * Forward pass for rows 0..m-1 of ws.a[0]; fills z^(l) and a^(l) for every l.
 * With options.dropout > 0 (training only) each hidden a^(l) is multiplied by a
 * fresh mask of 0 or 1/(1-p), so the expected activation matches inference.
 */
export function forward(net: Network, ws: Workspace, m: number, options?: TrainOptions): void {
  if (m > ws.capacity) throw new Error(`batch of ${m} exceeds workspace capacity ${ws.capacity}`);
  const { sizes, activation, cost } = net.config;
  const p = options?.dropout ?? 0;
  for (let l = 1; l <= net.L; l++) {
    const nIn = sizes[l - 1]!;
    const nOut = sizes[l]!;
    const z = ws.z[l]!;
    const a = ws.a[l]!;
    affine(net.W[l]!, net.b[l]!, ws.a[l - 1]!, z, m, nIn, nOut, ws.nz);
    if (l === net.L) {
      outputForward(cost, z, a, m, nOut);
    } else {
      sigmaForward(activation, z, a, m * nOut);
      if (p > 0) {
        const rng = options?.rng;
        if (!rng) throw new Error('dropout needs options.rng');
        const mask = ws.mask[l]!;
        const keep = 1 / (1 - p);
        for (let i = 0, n = m * nOut; i < n; i++) {
          const v = rng() < p ? 0 : keep;
          mask[i] = v;
          a[i] = a[i]! * v;
        }
      }
    }
  }
}

/** Summed penalty (lambda2/2) sum W^2 + lambda1 sum |W| over all layers. */
export function penalty(net: Network, reg: Regularization | undefined): number {
  const l2 = reg?.l2 ?? 0;
  const l1 = reg?.l1 ?? 0;
  if (l2 === 0 && l1 === 0) return 0;
  let sq = 0;
  let abs = 0;
  for (let l = 1; l <= net.L; l++) {
    const W = net.W[l]!;
    for (let i = 0; i < W.length; i++) {
      const w = W[i]!;
      sq += w * w;
      abs += Math.abs(w);
    }
  }
  return 0.5 * l2 * sq + l1 * abs;
}

/**
 * Backpropagation after forward() on the same batch, with labels y[0..m-1].
 *   delta^(L) from the cost (costs.ts)
 *   delta^(l) = ((W^(l+1))^T delta^(l+1)) (.) sigma'(z^(l))   [(.) mask with dropout]
 *   dC/dW^(l) = mean over the batch of delta^(l) a^(l-1)^T (+ lambda2 W + lambda1 sign W)
 *   dC/db^(l) = mean over the batch of delta^(l)
 * Overwrites grads; returns the batch cost C (mean data cost + penalty).
 * Y (optional, [m, n_L]) replaces the one-hot targets with given distributions.
 */
export function backward(
  net: Network,
  ws: Workspace,
  y: ArrayLike<number>,
  m: number,
  grads: Gradients,
  options?: TrainOptions,
  Y?: Vec,
): number {
  const { sizes, activation, cost } = net.config;
  const L = net.L;
  const dropout = (options?.dropout ?? 0) > 0;
  const dataCost = outputDelta(cost, ws.z[L]!, ws.a[L]!, y, ws.delta[L]!, m, sizes[L]!, Y);
  const invM = 1 / m;
  const l2 = options?.l2 ?? 0;
  const l1 = options?.l1 ?? 0;

  for (let l = L; l >= 1; l--) {
    const nIn = sizes[l - 1]!;
    const nOut = sizes[l]!;
    const delta = ws.delta[l]!;
    const aPrev = ws.a[l - 1]!;
    const W = net.W[l]!;
    const nablaW = grads.nabla_W[l]!;
    const nablaB = grads.nabla_b[l]!;
    nablaW.fill(0);
    nablaB.fill(0);

    // Sum over samples of delta a^T, one row of nabla_W per output unit.
    const nz = ws.nz;
    for (let s = 0; s < m; s++) {
      const rowIn = s * nIn;
      const rowOut = s * nOut;
      const count = nonzeros(aPrev, rowIn, nIn, nz);
      const sparse = count < nIn / 2;
      for (let j = 0; j < nOut; j++) {
        const d = delta[rowOut + j]!;
        // Dead ReLU units and dropped units pass no gradient: skip their rows.
        if (d === 0) continue;
        nablaB[j] = nablaB[j]! + d;
        const rowW = j * nIn;
        if (sparse) {
          for (let i = 0; i < count; i++) {
            const k = nz[i]!;
            nablaW[rowW + k] = nablaW[rowW + k]! + d * aPrev[rowIn + k]!;
          }
        } else {
          for (let k = 0; k < nIn; k++) nablaW[rowW + k] = nablaW[rowW + k]! + d * aPrev[rowIn + k]!;
        }
      }
    }
    for (let j = 0; j < nOut; j++) nablaB[j] = nablaB[j]! * invM;
    for (let i = 0, n = nablaW.length; i < n; i++) {
      const w = W[i]!;
      nablaW[i] = nablaW[i]! * invM + l2 * w + (l1 === 0 ? 0 : l1 * Math.sign(w));
    }

    if (l === 1) break; // nobody needs dC/da^(0)
    // delta^(l-1) = (W^(l))^T delta^(l), then the local derivative of layer l-1.
    const deltaPrev = ws.delta[l - 1]!;
    deltaPrev.fill(0, 0, m * nIn);
    for (let s = 0; s < m; s++) {
      const rowIn = s * nIn;
      const rowOut = s * nOut;
      for (let j = 0; j < nOut; j++) {
        const d = delta[rowOut + j]!;
        if (d === 0) continue;
        const rowW = j * nIn;
        for (let k = 0; k < nIn; k++) deltaPrev[rowIn + k] = deltaPrev[rowIn + k]! + d * W[rowW + k]!;
      }
    }
    if (dropout) {
      const mask = ws.mask[l - 1]!;
      for (let i = 0, n = m * nIn; i < n; i++) deltaPrev[i] = deltaPrev[i]! * mask[i]!;
    }
    mulSigmaPrime(activation, ws.z[l - 1]!, deltaPrev, m * nIn);
  }
  return dataCost * invM + penalty(net, options);
}

/** Index of the largest output for row s of a^(L): the predicted digit. */
export function argmaxRow(aL: Vec, s: number, nL: number): number {
  const row = s * nL;
  let best = 0;
  for (let j = 1; j < nL; j++) if (aL[row + j]! > aL[row + best]!) best = j;
  return best;
}
