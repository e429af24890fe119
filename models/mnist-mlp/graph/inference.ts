// The inference graph of a trained MLP for the Digit lab's drawing pad.
//   input  pixels  float32 [N, n_0]  in [0, 1] (MNIST: 0 background, 1 ink)
//   output probs   float32 [N, n_L]  a^(L), exactly what the reference forward gives:
//          softmax for cross-entropy nets, plain per-unit sigmoids for quadratic-cost
//          nets (not normalised, as the reference's prediction is argmax a^(L) either way)
//   outputs a1 .. a{L-1}  float32 [N, n_l]  (with activations: true) hidden activations,
//          for drawing the network lighting up
// Weights become initializers: the model is a snapshot, rebuilt after training.

import { GraphBuilder } from '@/models/host/graph';
import type { Vec } from '@/models/mnist-mlp/reference/activations';
import { resolveConfig, type MlpGraphConfig } from '@/models/mnist-mlp/graph/config';
import { addForward } from '@/models/mnist-mlp/graph/forward';

/** Parameters indexed like the reference network: W[l] is W^(l) ([n_l, n_(l-1)] row-major), index 0 unused. */
export interface LayerWeights {
  W: readonly (Vec | ArrayLike<number>)[];
  b: readonly (Vec | ArrayLike<number>)[];
}

export interface InferenceOptions {
  /** Also output every hidden layer's activation a1..a{L-1}. Default true. */
  activations?: boolean;
}

export const INFERENCE_OPSET = 17;

/** A reference Network is a LayerWeights, so buildInferenceModel(net, net.config) works. */
export function buildInferenceModel(
  weights: LayerWeights,
  config: MlpGraphConfig = {},
  options: InferenceOptions = {},
): Uint8Array {
  const resolved = resolveConfig(config);
  const { sizes, L } = resolved;
  const g = new GraphBuilder('mlp_inference');
  const pixels = g.input('pixels', 'float32', ['N', sizes[0]!]);
  const W = [''];
  const b = [''];
  for (let l = 1; l <= L; l++) {
    const w = weights.W[l];
    const bias = weights.b[l];
    const count = sizes[l]! * sizes[l - 1]!;
    if (!w || w.length !== count) throw new Error(`W${l} must hold ${count} values`);
    if (!bias || bias.length !== sizes[l]!) throw new Error(`b${l} must hold ${sizes[l]!} values`);
    W.push(g.initializer(`W${l}`, Float32Array.from(w), [sizes[l]!, sizes[l - 1]!]));
    b.push(g.initializer(`b${l}`, Float32Array.from(bias), [sizes[l]!]));
  }
  const fwd = addForward(g, resolved, pixels, W, b);
  if (options.activations ?? true) for (let l = 1; l < L; l++) g.output(fwd.a[l]!, 'float32', ['N', sizes[l]!]);
  g.output(fwd.a[L]!, 'float32', ['N', sizes[L]!], 'probs');
  return g.toModel({ opset: INFERENCE_OPSET });
}
