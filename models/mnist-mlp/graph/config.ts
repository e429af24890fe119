// What a Digit-lab graph is built for. Everything here changes the graph's
// structure, so changing it means building a new model; the numbers a learner
// drags around while training (eta, l1, l2, the dropout masks) are graph inputs
// instead, see README.md.

import { DIGIT_CLASSES, DIGIT_PIXELS } from '@/platform/protocol/training';
import type { Activation } from '@/models/mnist-mlp/reference/activations';
import type { Cost } from '@/models/mnist-mlp/reference/costs';
import type { OptimizerConfig } from '@/models/mnist-mlp/reference/optimizers';

/** The reference optimizer settings without eta, which the step graph takes as an input. */
export type StepOptimizer = Omit<OptimizerConfig, 'eta'>;

export interface MlpGraphConfig {
  /** n_0 (inputs), n_1, ..., n_L (outputs). Default [784, 16, 16, 10], the lessons' network. */
  sizes?: readonly number[];
  /** sigma of the hidden layers. Default 'sigmoid', as in the lessons. */
  activation?: Activation;
  /** Also fixes the output layer: softmax for cross-entropy, sigmoid for quadratic. Default 'cross-entropy'. */
  cost?: Cost;
}

export interface TrainStepConfig extends MlpGraphConfig {
  /** Update rule and its constants (beta, decay, beta1, beta2, epsilon). Default plain SGD. */
  optimizer?: StepOptimizer;
  /**
   * Whether the graph takes dropout masks mask1..mask{L-1}. Default true, so a
   * learner can switch dropout on and off without a rebuild (all-ones masks are
   * no dropout); false gives a slightly leaner graph for runs that never drop.
   */
  dropout?: boolean;
}

export interface ResolvedConfig {
  sizes: readonly number[];
  activation: Activation;
  cost: Cost;
  /** L: number of weight layers. */
  L: number;
}

export interface ResolvedTrainConfig extends ResolvedConfig {
  optimizer: StepOptimizer;
  dropout: boolean;
}

export const DEFAULT_SIZES: readonly number[] = [DIGIT_PIXELS, 16, 16, DIGIT_CLASSES];

export function resolveConfig(config: MlpGraphConfig = {}): ResolvedConfig {
  const sizes = config.sizes ?? DEFAULT_SIZES;
  if (sizes.length < 2) throw new Error('an MLP needs at least an input and an output size');
  for (const n of sizes) if (!Number.isInteger(n) || n < 1) throw new Error(`bad layer size ${n}`);
  return {
    sizes,
    activation: config.activation ?? 'sigmoid',
    cost: config.cost ?? 'cross-entropy',
    L: sizes.length - 1,
  };
}

export function resolveTrainConfig(config: TrainStepConfig = {}): ResolvedTrainConfig {
  return { ...resolveConfig(config), optimizer: config.optimizer ?? { kind: 'sgd' }, dropout: config.dropout ?? true };
}
