// The step comparison lives beside the graphs (models/mnist-mlp/graph/check.ts) so
// the browser can run it too; here it runs on onnxruntime-web's WASM in Node.
import * as ort from 'onnxruntime-web';
import { compareSteps as compare, randomBatches, type Batch, type Drift, type StepCase } from '@/models/mnist-mlp/graph/check';

ort.env.wasm.numThreads = 1;

export { randomBatches, type Batch, type Drift, type StepCase };
export const compareSteps = (c: StepCase): Promise<Drift> => compare(c, ort, ['wasm']);
