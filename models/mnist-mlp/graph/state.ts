// The state a training run starts from, as plain arrays keyed by graph input
// name (wrap them in the runtime's tensors). The optimizer's averages start at 0
// and t at 0 steps, as a fresh reference optimizer does.

import type { TrainStepConfig } from '@/models/mnist-mlp/graph/config';
import type { LayerWeights } from '@/models/mnist-mlp/graph/inference';
import { trainStepSignature } from '@/models/mnist-mlp/graph/signature';

export function initialTrainState(
  weights: LayerWeights,
  config: TrainStepConfig = {},
): Record<string, Float32Array> {
  const signature = trainStepSignature(config);
  const state: Record<string, Float32Array> = {};
  const L = signature.params.length / 2;
  for (let l = 1; l <= L; l++) {
    state[`W${l}`] = Float32Array.from(weights.W[l] ?? []);
    state[`b${l}`] = Float32Array.from(weights.b[l] ?? []);
  }
  const size = (name: string): number => signature.shapes[name]!.reduce((n, d) => n * d, 1);
  for (const name of signature.optimizerState) state[name] = new Float32Array(size(name));
  state.t = new Float32Array(1);
  for (const name of signature.params) {
    if (state[name]!.length !== size(name)) throw new Error(`${name} must hold ${size(name)} values`);
  }
  return state;
}

/**
 * The parameters of a step's state (or outputs fed back as state) as layer
 * weights, e.g. for buildInferenceModel once training stops.
 */
export function weightsFromState(state: Record<string, ArrayLike<number>>, L: number): LayerWeights {
  const W: ArrayLike<number>[] = [[]];
  const b: ArrayLike<number>[] = [[]];
  for (let l = 1; l <= L; l++) {
    const w = state[`W${l}`];
    const bias = state[`b${l}`];
    if (!w || !bias) throw new Error(`state has no W${l}/b${l}`);
    W.push(w);
    b.push(bias);
  }
  return { W, b };
}
