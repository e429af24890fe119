// Update rules, with g = dC/dtheta averaged over the mini-batch and eta the
// learning rate. Running averages are exponentially weighted, as in the lessons:
//   sgd:      theta -= eta g
//   momentum: v = beta v + (1 - beta) g;            theta -= eta v
//   rmsprop:  s = rho s + (1 - rho) g^2;            theta -= eta g / (sqrt(s) + eps)
//   adam:     m = beta1 m + (1 - beta1) g;  v = beta2 v + (1 - beta2) g^2
//             m_hat = m / (1 - beta1^t);    v_hat = v / (1 - beta2^t)
//             theta -= eta m_hat / (sqrt(v_hat) + eps)
// The bias correction in Adam matters early on: m and v start at 0, so without
// it the first steps would be far too small.

import type { Vec } from '@/models/mnist-mlp/reference/activations';
import type { Gradients, Network } from '@/models/mnist-mlp/reference/network';
import type { OPTIMIZERS } from '@/platform/protocol/training';

export type OptimizerKind = (typeof OPTIMIZERS)[number];

export interface OptimizerConfig {
  kind: OptimizerKind;
  eta: number;
  /** momentum: weight of the old velocity (default 0.9). */
  beta?: number;
  /** rmsprop: decay rho of the squared-gradient average (default 0.9; 0.99 is the other common choice). */
  decay?: number;
  /** adam (defaults 0.9 and 0.999). */
  beta1?: number;
  beta2?: number;
  /** rmsprop and adam (default 1e-8). */
  epsilon?: number;
}

export interface Optimizer {
  config: OptimizerConfig;
  /** Learning rate, mutable so a schedule can change it between steps. */
  eta: number;
  /** Steps taken so far (Adam's t). */
  t: number;
  /** First-moment state (velocity v, or Adam's m), one buffer per parameter array. */
  first: Vec[];
  /** Second-moment state (s, or Adam's v). */
  second: Vec[];
}

/** W^(1), b^(1), ..., W^(L), b^(L): the order used by optimizers and files. */
export function parameters(net: Network): Vec[] {
  const list: Vec[] = [];
  for (let l = 1; l <= net.L; l++) list.push(net.W[l]!, net.b[l]!);
  return list;
}

/** Gradients in the same order as parameters(). */
export function gradientList(net: Network, grads: Gradients): Vec[] {
  const list: Vec[] = [];
  for (let l = 1; l <= net.L; l++) list.push(grads.nabla_W[l]!, grads.nabla_b[l]!);
  return list;
}

export function createOptimizer(config: OptimizerConfig, params: Vec[]): Optimizer {
  const like = (p: Vec): Vec => (p instanceof Float64Array ? new Float64Array(p.length) : new Float32Array(p.length));
  const needsFirst = config.kind === 'momentum' || config.kind === 'adam';
  const needsSecond = config.kind === 'rmsprop' || config.kind === 'adam';
  return {
    config,
    eta: config.eta,
    t: 0,
    first: needsFirst ? params.map(like) : [],
    second: needsSecond ? params.map(like) : [],
  };
}

/** One update of every parameter array in place. */
export function optimizerStep(opt: Optimizer, params: Vec[], grads: Vec[]): void {
  const { config } = opt;
  const eta = opt.eta;
  opt.t++;
  for (let p = 0; p < params.length; p++) {
    const theta = params[p]!;
    const g = grads[p]!;
    const n = theta.length;
    switch (config.kind) {
      case 'sgd':
        for (let i = 0; i < n; i++) theta[i] = theta[i]! - eta * g[i]!;
        break;
      case 'momentum': {
        const beta = config.beta ?? 0.9;
        const v = opt.first[p]!;
        for (let i = 0; i < n; i++) {
          const vi = beta * v[i]! + (1 - beta) * g[i]!;
          v[i] = vi;
          theta[i] = theta[i]! - eta * vi;
        }
        break;
      }
      case 'rmsprop': {
        const rho = config.decay ?? 0.9;
        const eps = config.epsilon ?? 1e-8;
        const s = opt.second[p]!;
        for (let i = 0; i < n; i++) {
          const gi = g[i]!;
          const si = rho * s[i]! + (1 - rho) * gi * gi;
          s[i] = si;
          theta[i] = theta[i]! - (eta * gi) / (Math.sqrt(si) + eps);
        }
        break;
      }
      case 'adam': {
        const beta1 = config.beta1 ?? 0.9;
        const beta2 = config.beta2 ?? 0.999;
        const eps = config.epsilon ?? 1e-8;
        const c1 = 1 / (1 - Math.pow(beta1, opt.t));
        const c2 = 1 / (1 - Math.pow(beta2, opt.t));
        const m = opt.first[p]!;
        const v = opt.second[p]!;
        for (let i = 0; i < n; i++) {
          const gi = g[i]!;
          const mi = beta1 * m[i]! + (1 - beta1) * gi;
          const vi = beta2 * v[i]! + (1 - beta2) * gi * gi;
          m[i] = mi;
          v[i] = vi;
          theta[i] = theta[i]! - (eta * (mi * c1)) / (Math.sqrt(vi * c2) + eps);
        }
        break;
      }
    }
  }
}
