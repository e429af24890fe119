// Adam's bias correction c = 1 / (1 - beta^t) in float32. The graph computes it
// through tanh (see optimizer.ts) because the obvious 1 - Pow(beta, t) cancels:
// this pins both the accuracy of the tanh form and the size of the problem it avoids.
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '@/models/host/graph';
import { scalar } from '@/models/mnist-mlp/graph/constants';
import { addBiasCorrection } from '@/models/mnist-mlp/graph/optimizer';

ort.env.wasm.numThreads = 1;

const steps = [1, 2, 3, 5, 10, 50, 100, 1000, 5000, 20000, 1e6];

async function corrections(beta: number, naive: boolean): Promise<Float32Array> {
  const g = new GraphBuilder();
  const t = g.input('t', 'float32', [steps.length]);
  const c = naive
    ? g.op('Reciprocal', [g.op('Sub', [scalar(g, 1), g.op('Pow', [scalar(g, beta), t])])])
    : addBiasCorrection(g, beta, t);
  g.output(c, 'float32', [steps.length], 'c');
  const session = await ort.InferenceSession.create(g.toModel(), { executionProviders: ['wasm'] });
  try {
    const out = await session.run({ t: new ort.Tensor('float32', Float32Array.from(steps), [steps.length]) });
    return out.c!.data as Float32Array;
  } finally {
    await session.release();
  }
}

function worstRelative(beta: number, c: Float32Array): number {
  return Math.max(...steps.map((t, i) => Math.abs(c[i]! - 1 / (1 - beta ** t)) * (1 - beta ** t)));
}

describe('Adam bias correction in float32', () => {
  it('matches 1 / (1 - beta^t) in float64 to float32 precision for beta1 and beta2', async () => {
    for (const beta of [0.9, 0.99, 0.999, 0.9999]) {
      expect(worstRelative(beta, await corrections(beta, false))).toBeLessThan(1e-6);
    }
  });

  it('is far more accurate than 1 - Pow(beta, t) for beta2 = 0.999', async () => {
    const naive = worstRelative(0.999, await corrections(0.999, true));
    const tanh = worstRelative(0.999, await corrections(0.999, false));
    expect(naive).toBeGreaterThan(5e-6);
    expect(tanh).toBeLessThan(naive / 10);
  });
});
