import type { Backend } from '../../../utils/messaging/protocol';

/** Everything a learner chooses in the training lab. */
export interface TrainConfig {
  /** Hidden layer sizes: [16, 16] is the lessons' network. */
  hidden: number[];
  activation: 'sigmoid' | 'relu';
  cost: 'cross-entropy' | 'quadratic';
  optimizer: 'sgd' | 'momentum' | 'rmsprop' | 'adam';
  eta: number;
  batch: number;
  epochs: number;
  l1: number;
  l2: number;
  /** Probability of dropping a hidden neuron in training. */
  dropout: number;
  init: 'xavier' | 'he' | 'small-uniform';
  seed: number;
  /** The learner's own labelled drawings, added to the training split (784 bytes each). */
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
  weights?: { sizes: number[]; activation: TrainConfig['activation']; cost: TrainConfig['cost']; W: number[][]; b: number[][] };
}
