import type { Backend } from '@/platform/protocol/backend';

// The digits every lab, validator and network shares: MNIST's 28×28 grayscale images of 0 to 9.
// They live here, the lowest layer that needs them (the validator checks drawings' lengths);
// the MLP's DEFAULT_SIZES, the preprocessing and the labs derive from them.
export const DIGIT_SIDE = 28;
/** Inputs of every digit network: one per pixel. */
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;
/** Outputs of every digit network: one per digit. */
export const DIGIT_CLASSES = 10;

// The training lab's choices, each listed once: types and validators derive from these lists.
export const ACTIVATIONS = ['sigmoid', 'relu'] as const;
export const COSTS = ['cross-entropy', 'quadratic'] as const;
export const OPTIMIZERS = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
export const INITS = ['xavier', 'he', 'small-uniform'] as const;

/** Everything a learner chooses in the training lab. */
export interface TrainConfig {
  /** Hidden layer sizes: [16, 16] is the lessons' network. */
  hidden: number[];
  activation: (typeof ACTIVATIONS)[number];
  cost: (typeof COSTS)[number];
  optimizer: (typeof OPTIMIZERS)[number];
  eta: number;
  batch: number;
  epochs: number;
  l1: number;
  l2: number;
  /** Probability of dropping a hidden neuron in training. */
  dropout: number;
  init: (typeof INITS)[number];
  seed: number;
  /** The learner's own labelled drawings, added to the training split (DIGIT_PIXELS bytes each). */
  extra?: { pixels: number[]; labels: number[] };
}

export interface TrainProgress {
  epoch: number;
  step: number;
  stepsPerEpoch: number;
  /** Mean cost over the steps since the last report. */
  loss: number;
  /** Fraction right over the steps since the last report. */
  trainAcc: number;
  /** Set once per epoch. */
  valAcc?: number;
  samplesPerSec: number;
}

export interface TrainSummary {
  status: 'done' | 'paused' | 'diverged';
  backend: Backend;
  epochsDone: number;
  steps: number;
  /** Test accuracy on the 10k official test images (when done). */
  testAcc?: number;
  /** confusion[label][predicted] over the test set. */
  confusion?: number[][];
  /** The first misclassified test images. */
  misclassified?: { index: number; label: number; predicted: number; pixels: number[] }[];
  /** The trained network, to keep and to use in the popup (when done). */
  weights?: NetWeights;
}

/** A digit network as numbers: what a training run returns, what the learner saves, what the popup runs. */
export interface NetWeights {
  sizes: number[];
  activation: TrainConfig['activation'];
  cost: TrainConfig['cost'];
  /** W[l-1] is W^(l), row-major [n_l, n_(l-1)]; b[l-1] is b^(l). */
  W: number[][];
  b: number[][];
}
