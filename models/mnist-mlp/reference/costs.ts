import type { COSTS } from '@/platform/protocol/training';
// Output layer and cost C, paired the two ways the lessons use:
//   'cross-entropy': a^(L) = softmax(z^(L)),  C = -(1/n) sum_x ln a^(L)_y
//   'quadratic':     a^(L) = sigma(z^(L)),    C = 1/(2n) sum_x ||y - a^(L)||^2
// with y the one-hot vector of the label (or a given target distribution).
// Each pairing gives a simple delta^(L).

import type { Vec } from '@/models/mnist-mlp/reference/activations';

export type Cost = (typeof COSTS)[number];

/** Output activation for rows 0..m-1 of z (row length nL). */
export function outputForward(cost: Cost, z: Vec, a: Vec, m: number, nL: number): void {
  if (cost === 'quadratic') {
    for (let i = 0, n = m * nL; i < n; i++) a[i] = 1 / (1 + Math.exp(-z[i]!));
    return;
  }
  for (let s = 0; s < m; s++) {
    const row = s * nL;
    // Subtracting the max keeps exp from overflowing; softmax is shift-invariant.
    let max = -Infinity;
    for (let j = 0; j < nL; j++) if (z[row + j]! > max) max = z[row + j]!;
    let sum = 0;
    for (let j = 0; j < nL; j++) {
      const e = Math.exp(z[row + j]! - max);
      a[row + j] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let j = 0; j < nL; j++) a[row + j] = a[row + j]! * inv;
  }
}

/**
 * Writes delta^(L) = dC_x/dz^(L) for each sample (not yet averaged) and
 * returns the summed cost over the m samples.
 *   cross-entropy + softmax: delta^(L) = a^(L) - y
 *   quadratic + sigmoid:     delta^(L) = (a^(L) - y) * sigma'(z^(L))
 * y is the one-hot vector of labels[s], or row s of Y when Y is given (soft
 * targets, e.g. a teacher network's probabilities in distillation).
 */
export function outputDelta(
  cost: Cost,
  z: Vec,
  a: Vec,
  labels: ArrayLike<number>,
  delta: Vec,
  m: number,
  nL: number,
  Y?: Vec,
): number {
  let total = 0;
  for (let s = 0; s < m; s++) {
    const row = s * nL;
    const label = labels[s]!;
    if (cost === 'cross-entropy') {
      // ln a_j from z directly (log-sum-exp): exact even when a_j underflows.
      let max = -Infinity;
      for (let j = 0; j < nL; j++) if (z[row + j]! > max) max = z[row + j]!;
      let sum = 0;
      for (let j = 0; j < nL; j++) sum += Math.exp(z[row + j]! - max);
      const logSum = max + Math.log(sum);
      if (Y) {
        for (let j = 0; j < nL; j++) {
          const yj = Y[row + j]!;
          if (yj !== 0) total += yj * (logSum - z[row + j]!);
          delta[row + j] = a[row + j]! - yj;
        }
      } else {
        total += logSum - z[row + label]!;
        for (let j = 0; j < nL; j++) delta[row + j] = a[row + j]! - (j === label ? 1 : 0);
      }
    } else {
      for (let j = 0; j < nL; j++) {
        const aj = a[row + j]!;
        const diff = aj - (Y ? Y[row + j]! : j === label ? 1 : 0);
        total += 0.5 * diff * diff;
        delta[row + j] = diff * aj * (1 - aj);
      }
    }
  }
  return total;
}
