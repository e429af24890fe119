// Writes model.onnx next to a weights file: the inference graph of graph/inference.ts
// (input pixels [N, 784] in [0, 1], output probs [N, 10], hidden activations a1, a2).
//   npx tsx models/mnist-mlp/export-onnx.ts                     # models/mnist-mlp/weights.bin -> model.onnx
//   npx tsx models/mnist-mlp/export-onnx.ts presets/large       # a preset folder

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeWeights } from '@/models/mnist-mlp/reference/weights';
import { buildInferenceModel } from '@/models/mnist-mlp/graph';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, process.argv[2] ?? '.');
const { net } = decodeWeights(readFileSync(join(dir, 'weights.bin')));
const model = buildInferenceModel(net, net.config);
writeFileSync(join(dir, 'model.onnx'), model);
console.log(`${relative(process.cwd(), join(dir, 'model.onnx'))}: ${net.config.sizes.join('-')}, ${model.length} bytes`);
