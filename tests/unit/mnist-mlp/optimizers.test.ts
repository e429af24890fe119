// Each update rule against numbers worked out by hand on a two-parameter case:
// theta = [1, -2], first gradient g = [0.5, -0.1].
import { describe, expect, it } from 'vitest';
import { createOptimizer, optimizerStep, type OptimizerConfig } from '@/models/mnist-mlp/reference/optimizers';

function run(config: OptimizerConfig, gradients: number[][]): number[] {
  const theta = new Float64Array([1, -2]);
  const opt = createOptimizer(config, [theta]);
  for (const g of gradients) optimizerStep(opt, [theta], [new Float64Array(g)]);
  return [...theta];
}

function expectClose(actual: number[], expected: number[], digits = 12): void {
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, digits));
}

describe('optimizers, one hand-computed step', () => {
  it('sgd: theta - eta g', () => {
    // eta 0.1: 1 - 0.05 = 0.95; -2 + 0.01 = -1.99
    expectClose(run({ kind: 'sgd', eta: 0.1 }, [[0.5, -0.1]]), [0.95, -1.99]);
  });

  it('momentum (beta 0.9): velocity is an exponentially weighted average of g', () => {
    // step 1: v = 0.1 * g = [0.05, -0.01]; theta = [1 - 0.005, -2 + 0.001]
    expectClose(run({ kind: 'momentum', eta: 0.1 }, [[0.5, -0.1]]), [0.995, -1.999]);
    // step 2, same g: v = 0.9 * 0.05 + 0.05 = 0.095 and -0.019; theta = [0.995 - 0.0095, -1.999 + 0.0019]
    expectClose(run({ kind: 'momentum', eta: 0.1 }, [[0.5, -0.1], [0.5, -0.1]]), [0.9855, -1.9971]);
  });

  it('rmsprop (decay 0.9): divides by the root of the squared-gradient average', () => {
    // s = 0.1 g^2, so the step is eta * sign(g) / sqrt(0.1) = 0.01 * 3.16227766...
    const stepSize = 0.01 / Math.sqrt(0.1);
    expectClose(run({ kind: 'rmsprop', eta: 0.01, decay: 0.9, epsilon: 0 }, [[0.5, -0.1]]), [1 - stepSize, -2 + stepSize]);
    // with the default eps = 1e-8: 1 - 0.005 / (0.158113883 + 1e-8) and -2 + 0.001 / (0.0316227766 + 1e-8)
    expectClose(run({ kind: 'rmsprop', eta: 0.01 }, [[0.5, -0.1]]), [0.968377225398, -1.968377233398], 11);
  });

  it('rmsprop (decay 0.99)', () => {
    // s = 0.01 g^2, sqrt(s) = 0.1 |g|, step = eta * sign(g) * 10 = 0.1
    expectClose(run({ kind: 'rmsprop', eta: 0.01, decay: 0.99, epsilon: 0 }, [[0.5, -0.1]]), [0.9, -1.9]);
  });

  it('adam: bias correction makes the first step eta * sign(g)', () => {
    // m = 0.1 g, v = 0.001 g^2; m_hat = g, v_hat = g^2; step = 0.001 * g / (|g| + 1e-8)
    expectClose(run({ kind: 'adam', eta: 0.001 }, [[0.5, -0.1]]), [0.99900000002, -1.9990000001]);
  });

  it('adam: second step', () => {
    // g2 = [0.1, 0.3]. First coordinate:
    //   m = 0.9 * 0.05 + 0.1 * 0.1 = 0.055,        m_hat = 0.055 / (1 - 0.81) = 0.289473684
    //   v = 0.999 * 0.00025 + 0.001 * 0.01 = 0.00025975,  v_hat = 0.00025975 / (1 - 0.998001) = 0.129939970
    //   theta = 0.99900000002 - 0.001 * 0.289473684 / (0.360471871 + 1e-8) = 0.998196959
    // Second coordinate likewise: m = -0.009 + 0.03 = 0.021, v = 0.00000999 + 0.00009 = 0.00009999
    //   theta = -1.9990000001 - 0.001 * (0.021 / 0.19) / (sqrt(0.00009999 / 0.001999) + 1e-8) = -1.999494190
    expectClose(run({ kind: 'adam', eta: 0.001 }, [[0.5, -0.1], [0.1, 0.3]]), [0.998196959064, -1.999494189911], 9);
  });

  it('adam with float32 parameters agrees to float32 precision', () => {
    const theta = new Float32Array([1, -2]);
    const opt = createOptimizer({ kind: 'adam', eta: 0.001 }, [theta]);
    optimizerStep(opt, [theta], [new Float32Array([0.5, -0.1])]);
    expect(opt.t).toBe(1);
    expect(theta[0]).toBeCloseTo(0.999, 6);
    expect(theta[1]).toBeCloseTo(-1.999, 6);
  });
});
