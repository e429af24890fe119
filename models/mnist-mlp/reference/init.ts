// Initial weights. The scale matters: too small and signals die out layer by
// layer, too large and sigmoids saturate or ReLU activations blow up.

import type { Vec } from '@/models/mnist-mlp/reference/activations';
import { gaussian, type Rng } from '@/lib/rng';

export type Init = 'xavier' | 'he' | 'small-uniform';

/**
 * Fills W^(l) (shape [nOut, nIn]).
 *   xavier (Glorot): uniform in +-sqrt(6 / (nIn + nOut)), keeps variance for sigmoid/tanh
 *   he:              normal with std sqrt(2 / nIn), keeps variance through ReLU
 *   small-uniform:   uniform in +-0.05, the naive choice the lessons start from
 */
export function initWeights(kind: Init, W: Vec, nIn: number, nOut: number, rng: Rng): void {
  const n = nIn * nOut;
  if (kind === 'he') {
    const std = Math.sqrt(2 / nIn);
    for (let i = 0; i < n; i++) W[i] = gaussian(rng) * std;
    return;
  }
  const r = kind === 'xavier' ? Math.sqrt(6 / (nIn + nOut)) : 0.05;
  for (let i = 0; i < n; i++) W[i] = (2 * rng() - 1) * r;
}
