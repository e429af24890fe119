// The names a training-step graph reads and writes. Every value carried from
// one step to the next has an input NAME and an output NAME_out of the same
// shape, so a caller (and the gpu-buffer loop in the lab) can feed the outputs
// of step t straight back as the inputs of step t+1 without knowing the graph.

import type { OptimizerKind } from '@/models/mnist-mlp/reference/optimizers';
import { resolveTrainConfig, type TrainStepConfig } from '@/models/mnist-mlp/graph/config';

export const outName = (name: string): string => `${name}_out`;

/** Prefixes of the optimizer's running averages, as the reference names them (optimizers.ts). */
export function statePrefixes(kind: OptimizerKind): string[] {
  switch (kind) {
    case 'sgd':
      return [];
    case 'momentum':
      return ['v']; // velocity
    case 'rmsprop':
      return ['s']; // running average of g^2
    case 'adam':
      return ['m', 'v']; // first and second moments
  }
}

export interface TrainStepSignature {
  /** Mini-batch: x float32 [B, n_0] with pixels in [0, 1], y float32 [B, n_L] one-hot (or soft) targets. */
  batch: readonly ['x', 'y'];
  /** W1, b1, ..., WL, bL: the reference's parameters() order. W{l} is [n_l, n_(l-1)], b{l} is [n_l]. */
  params: string[];
  /** The optimizer's running averages, one per parameter: all of one kind, then the other (Adam: m_*, then v_*). */
  optimizerState: string[];
  /**
   * Everything carried between steps, in order: params, optimizerState, then t
   * (float32 [1], steps taken so far; the graph outputs t + 1). Input state[k]
   * is fed from output outName(state[k]) of the previous step.
   */
  state: string[];
  /** Fixed shape of each state value. */
  shapes: Record<string, number[]>;
  /** Float32 [1] inputs a learner may change between steps without a rebuild. */
  hyper: readonly ['eta', 'l1', 'l2'];
  /** Dropout multipliers of hidden layers 1..L-1, float32 [B, n_l], each 0 or 1/(1-p); none without dropout. */
  masks: string[];
  /**
   * Outputs in order: outName of every state value, then cost (float32 [1], C of the batch: mean data
   * cost plus penalty) and correct (float32 [1], how many rows have argmax a^(L) = argmax y).
   */
  outputs: string[];
}

export function trainStepSignature(config: TrainStepConfig = {}): TrainStepSignature {
  const { sizes, L, optimizer, dropout } = resolveTrainConfig(config);
  const params: string[] = [];
  const shapes: Record<string, number[]> = {};
  for (let l = 1; l <= L; l++) {
    params.push(`W${l}`, `b${l}`);
    shapes[`W${l}`] = [sizes[l]!, sizes[l - 1]!];
    shapes[`b${l}`] = [sizes[l]!];
  }
  const optimizerState: string[] = [];
  for (const prefix of statePrefixes(optimizer.kind)) {
    for (const p of params) {
      const name = `${prefix}_${p}`;
      optimizerState.push(name);
      shapes[name] = shapes[p]!;
    }
  }
  shapes.t = [1];
  const state = [...params, ...optimizerState, 't'];
  const masks = dropout ? Array.from({ length: L - 1 }, (_, i) => `mask${i + 1}`) : [];
  return {
    batch: ['x', 'y'],
    params,
    optimizerState,
    state,
    shapes,
    hyper: ['eta', 'l1', 'l2'],
    masks,
    outputs: [...state.map(outName), 'cost', 'correct'],
  };
}
