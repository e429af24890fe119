import { compareSteps, randomBatches } from '@/models/mnist-mlp/graph/check';
import { DEFAULT_SIZES } from '@/models/mnist-mlp/graph/config';
import type { Backend, BackendPreference, TrainCheckReport } from '@/platform/protocol/protocol';
import { ortRuntime } from '@/models/host/ort-env';
import { probeWebGpu } from '@/models/host/webgpu';
import { DIGIT_CLASSES, DIGIT_PIXELS, OPTIMIZERS } from '@/platform/protocol/training';

/** float32 on a GPU (fused multiply-adds, other summation orders) stays well inside this. */
export const TRAIN_CHECK_TOLERANCE = 1e-4;

/**
 * The digit lab's training step, checked where it really runs: a few steps of
 * the 784-16-16-10 network through the ONNX step graph on this browser's
 * backend, against the plain-TypeScript reference, for every optimizer.
 */
export async function runTrainCheck(pref: BackendPreference): Promise<TrainCheckReport> {
  const ort = ortRuntime();
  const probe = await probeWebGpu();
  const backend: Backend = pref !== 'wasm' && probe.available ? 'webgpu' : 'wasm';
  const results: TrainCheckReport['results'] = [];
  for (const kind of OPTIMIZERS) {
    const t0 = performance.now();
    const d = await compareSteps(
      {
        sizes: [...DEFAULT_SIZES],
        activation: 'relu',
        cost: 'cross-entropy',
        optimizer: { kind },
        eta: kind === 'sgd' ? 0.1 : kind === 'momentum' ? 0.05 : 0.003,
        l1: 1e-4,
        l2: 1e-4,
        p: 0.2,
        masks: true,
        batches: randomBatches(DIGIT_PIXELS, DIGIT_CLASSES, 16, 5, 7),
        seed: 11,
      },
      ort,
      [backend],
    );
    results.push({ optimizer: kind, maxAbs: d.maxAbs, maxRel: d.maxRel, costRel: d.costRel, correctMismatches: d.correctMismatches, steps: d.steps, ms: performance.now() - t0 });
  }
  const pass = results.every((r) => r.maxRel <= TRAIN_CHECK_TOLERANCE && r.costRel <= TRAIN_CHECK_TOLERANCE);
  return { status: pass ? 'pass' : 'fail', backend, tolerance: TRAIN_CHECK_TOLERANCE, results };
}
