// The forward pass as graph nodes, shared by the inference and the training
// graph so the two cannot drift apart:
//   z^(l) = a^(l-1) W^(l)T + b^(l)     (Gemm with transB = 1 reads W^(l) in its stored [n_l, n_(l-1)] layout)
//   a^(l) = sigma(z^(l)) (.) mask^(l)  hidden layers; the mask is inverted dropout, absent at inference
//   a^(L) = softmax(z^(L)) for cross-entropy, sigma(z^(L)) for the quadratic cost
// Values are named z1, a1, ... so the graph reads like the lessons in a viewer.

import type { GraphBuilder } from '@/models/host/graph';
import type { ResolvedConfig } from '@/models/mnist-mlp/graph/config';

export interface ForwardValues {
  /** z[l] for l = 1..L (z[0] unused), as in the reference workspace. */
  z: string[];
  /** sigma(z^(l)) before dropout: sigma' is computed from it, as the reference computes it from z. */
  sigma: string[];
  /** a[0] is the input batch; a[l] the (masked) activation of layer l. */
  a: string[];
}

/**
 * Adds the forward pass for parameter values W[l], b[l] (index l = 1..L).
 * masks[l] (l = 1..L-1), when given, multiplies hidden activations.
 */
export function addForward(
  g: GraphBuilder,
  config: ResolvedConfig,
  a0: string,
  W: readonly string[],
  b: readonly string[],
  masks?: readonly string[],
): ForwardValues {
  const { L, activation, cost } = config;
  const z = [''];
  const sigma = [''];
  const a = [a0];
  for (let l = 1; l <= L; l++) {
    z.push(g.op('Gemm', [a[l - 1]!, W[l]!, b[l]!], { transB: 1 }, `z${l}`));
    if (l < L) {
      const mask = masks?.[l];
      const s = g.op(activation === 'relu' ? 'Relu' : 'Sigmoid', [z[l]!], {}, mask ? `sigma${l}` : `a${l}`);
      sigma.push(s);
      a.push(mask ? g.op('Mul', [s, mask], {}, `a${l}`) : s);
    } else {
      const out =
        cost === 'cross-entropy'
          ? g.op('Softmax', [z[l]!], { axis: -1 }, `a${l}`)
          : g.op('Sigmoid', [z[l]!], {}, `a${l}`);
      sigma.push(out);
      a.push(out);
    }
  }
  return { z, sigma, a };
}
