// Output layer and cost as the reference defines them (utils/mlp/costs.ts):
//   cross-entropy: C_x = -sum_j y_j ln a^(L)_j,        delta^(L) = a^(L) - y
//   quadratic:     C_x = 1/2 sum_j (a^(L)_j - y_j)^2,  delta^(L) = (a^(L) - y) (.) a^(L) (.) (1 - a^(L))
// delta^(L) stays per sample (not yet divided by m), like the reference's ws.delta.

import type { GraphBuilder } from '@/models/host/graph';
import type { ResolvedConfig } from '@/models/mnist-mlp/graph/config';
import { axes, scalar } from '@/models/mnist-mlp/graph/constants';
import type { ForwardValues } from '@/models/mnist-mlp/graph/forward';

export interface OutputLayer {
  /** delta^(L) = dC_x/dz^(L), [B, n_L]. */
  delta: string;
  /** Summed data cost over the batch, shape []. */
  total: string;
}

export function addOutputCost(g: GraphBuilder, config: ResolvedConfig, fwd: ForwardValues, y: string): OutputLayer {
  const { L, cost } = config;
  const zL = fwd.z[L]!;
  const aL = fwd.a[L]!;
  if (cost === 'cross-entropy') {
    // ln a_j = (z_j - max) - ln sum_k exp(z_k - max), from z rather than from a: finite even where
    // a_j underflows to 0, the same care the reference takes. Spelled out instead of LogSoftmax,
    // which not every WebGPU build of ORT runs on the GPU.
    const shifted = g.op('Sub', [zL, g.op('ReduceMax', [zL], { axes: [1], keepdims: 1 })]);
    const logSum = g.op('Log', [g.op('ReduceSum', [g.op('Exp', [shifted]), axes(g, [1])], { keepdims: 1 })]);
    const logA = g.op('Sub', [shifted, logSum], {}, 'ln_a');
    const total = g.op('Neg', [g.op('ReduceSum', [g.op('Mul', [y, logA])], { keepdims: 0 })], {}, 'cost_sum');
    return { delta: g.op('Sub', [aL, y], {}, `delta${L}`), total };
  }
  const diff = g.op('Sub', [aL, y], {}, 'a_minus_y');
  const total = g.op('Mul', [scalar(g, 0.5, 'half'), g.op('ReduceSumSquare', [diff], { keepdims: 0 })], {}, 'cost_sum');
  const sigmaPrime = g.op('Mul', [aL, g.op('Sub', [scalar(g, 1, 'one'), aL])]);
  return { delta: g.op('Mul', [diff, sigmaPrime], {}, `delta${L}`), total };
}

/**
 * How many rows have their largest output where y has its largest entry.
 * Ties go to the first index, as the reference's argmaxRow breaks them (sigmoid
 * outputs do tie once they saturate at 1 in float32). Float ops only, no ArgMax:
 * ArgMax yields int64, which WebGPU runs on the CPU.
 */
export function addCorrectCount(g: GraphBuilder, nL: number, aL: string, y: string): string {
  // before[k][j] = 1 when k < j, so (isMax @ before)[j] counts the maxima left of j.
  const before = new Float32Array(nL * nL);
  for (let k = 0; k < nL; k++) for (let j = k + 1; j < nL; j++) before[k * nL + j] = 1;
  const strictlyBefore = g.constant(before, [nL, nL], 'before');
  const half = scalar(g, 0.5, 'half');
  const firstMax = (v: string): string => {
    const isMax = g.op('Cast', [g.op('Equal', [v, g.op('ReduceMax', [v], { axes: [1], keepdims: 1 })])], { to: 1 });
    const noneBefore = g.op('Cast', [g.op('Less', [g.op('MatMul', [isMax, strictlyBefore]), half])], { to: 1 });
    return g.op('Mul', [isMax, noneBefore]);
  };
  return g.op('ReduceSum', [g.op('Mul', [firstMax(aL), firstMax(y)])], { keepdims: 0 }, 'correct_sum');
}
