// Backpropagation as graph nodes, the reference's backward() written with
// standard ONNX ops:
//   nabla_W^(l) = (1/m) delta^(l)T a^(l-1) + lambda2 W^(l) + lambda1 sign(W^(l))
//   nabla_b^(l) = (1/m) sum over the batch of delta^(l)
//   delta^(l-1) = (delta^(l) W^(l)) (.) mask^(l-1) (.) sigma'(z^(l-1))
// The penalty terms touch weights only, never biases, as in the reference.

import type { GraphBuilder } from '@/models/host/graph';
import type { ResolvedConfig } from '@/models/mnist-mlp/graph/config';
import { axes, scalar } from '@/models/mnist-mlp/graph/constants';
import type { ForwardValues } from '@/models/mnist-mlp/graph/forward';

export interface GradientValues {
  /** nabla_W[l], nabla_b[l] for l = 1..L (index 0 unused). */
  nabla_W: string[];
  nabla_b: string[];
}

export interface BackwardInputs {
  fwd: ForwardValues;
  /** delta^(L), per sample. */
  deltaL: string;
  W: readonly string[];
  /** masks[l] for hidden layer l, or none without dropout. */
  masks?: readonly string[];
  /** 1/m as float32 [1]. */
  invM: string;
  /** lambda1, lambda2 as float32 [1]. */
  l1: string;
  l2: string;
}

export function addBackward(g: GraphBuilder, config: ResolvedConfig, input: BackwardInputs): GradientValues {
  const { L, activation } = config;
  const { fwd, W, masks, invM, l1, l2 } = input;
  const nabla_W: string[] = new Array<string>(L + 1).fill('');
  const nabla_b: string[] = new Array<string>(L + 1).fill('');
  const batchAxis = axes(g, [0]);
  // Only the constants this activation needs, and none without hidden layers: ORT warns about unused initializers.
  const zero = activation === 'relu' && L > 1 ? scalar(g, 0, 'zero') : '';
  const one = activation === 'sigmoid' && L > 1 ? scalar(g, 1, 'one') : '';
  let delta = input.deltaL;
  for (let l = L; l >= 1; l--) {
    // transA = 1 sums delta a^T over the batch in one product, already in W's [n_l, n_(l-1)] layout.
    const dataTerm = g.op('Mul', [g.op('Gemm', [delta, fwd.a[l - 1]!], { transA: 1 }), invM]);
    const l2Term = g.op('Mul', [l2, W[l]!]);
    const l1Term = g.op('Mul', [l1, addSign(g, W[l]!)]);
    nabla_W[l] = g.op('Add', [g.op('Add', [dataTerm, l2Term]), l1Term], {}, `nabla_W${l}`);
    nabla_b[l] = g.op('Mul', [g.op('ReduceSum', [delta, batchAxis], { keepdims: 0 }), invM], {}, `nabla_b${l}`);
    if (l === 1) break; // nobody needs dC/da^(0)

    let back = g.op('MatMul', [delta, W[l]!]);
    const mask = masks?.[l - 1];
    if (mask) back = g.op('Mul', [back, mask]);
    if (activation === 'relu') {
      // ReLU' is 1 where z > 0 and 0 elsewhere, the kink included, as in the reference.
      delta = g.op('Where', [g.op('Greater', [fwd.z[l - 1]!, zero]), back, zero], {}, `delta${l - 1}`);
    } else {
      // sigma' = sigma (1 - sigma) from the unmasked sigma(z): a^(l-1) itself is already masked and rescaled.
      const s = fwd.sigma[l - 1]!;
      delta = g.op('Mul', [back, g.op('Mul', [s, g.op('Sub', [one, s])])], {}, `delta${l - 1}`);
    }
  }
  return { nabla_W, nabla_b };
}

/** (lambda2 / 2) sum W^2 + lambda1 sum |W| over every layer: the reference's penalty(). */
export function addPenalty(g: GraphBuilder, W: readonly string[], L: number, l1: string, l2: string): string {
  const squares: string[] = [];
  const absolutes: string[] = [];
  for (let l = 1; l <= L; l++) {
    squares.push(g.op('ReduceSumSquare', [W[l]!], { keepdims: 0 }));
    absolutes.push(g.op('ReduceL1', [W[l]!], { keepdims: 0 }));
  }
  const sumSq = squares.reduce((sum, v) => g.op('Add', [sum, v]));
  const sumAbs = absolutes.reduce((sum, v) => g.op('Add', [sum, v]));
  const l2Part = g.op('Mul', [g.op('Mul', [scalar(g, 0.5, 'half'), l2]), sumSq]);
  return g.op('Add', [l2Part, g.op('Mul', [l1, sumAbs])], {}, 'penalty');
}

/**
 * sign(W) with sign(0) = 0, like Math.sign, as (W > 0) - (W < 0): ONNX's Sign
 * would do, but comparisons and Cast run on the GPU in every WebGPU build.
 */
function addSign(g: GraphBuilder, W: string): string {
  const zero = scalar(g, 0, 'zero');
  const positive = g.op('Cast', [g.op('Greater', [W, zero])], { to: 1 });
  const negative = g.op('Cast', [g.op('Less', [W, zero])], { to: 1 });
  return g.op('Sub', [positive, negative]);
}
