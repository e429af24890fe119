// The reference's update rules (utils/mlp/optimizers.ts) as graph nodes, with g
// the batch-averaged gradient:
//   sgd:      theta -= eta g
//   momentum: v = beta v + (1 - beta) g;     theta -= eta v
//   rmsprop:  s = rho s + (1 - rho) g^2;     theta -= eta g / (sqrt(s) + eps)
//   adam:     m = beta1 m + (1 - beta1) g;   v = beta2 v + (1 - beta2) g^2
//             theta -= eta (m c1) / (sqrt(v c2) + eps),  c_i = 1 / (1 - beta_i^t)
// The constants (beta, rho, eps) are baked in; eta is an input. Each new value
// is written straight to its output name NAME_out.

import type { GraphBuilder } from '@/models/host/graph';
import type { StepOptimizer } from '@/models/mnist-mlp/graph/config';
import { scalar } from '@/models/mnist-mlp/graph/constants';
import { outName } from '@/models/mnist-mlp/graph/signature';

export interface ParamGradient {
  /** Input name of the parameter, e.g. W1. */
  name: string;
  /** nabla of C with respect to it. */
  grad: string;
}

/** Adds the update of every parameter; state inputs are named PREFIX_NAME (see signature.ts). */
export function addOptimizerUpdate(
  g: GraphBuilder,
  optimizer: StepOptimizer,
  params: readonly ParamGradient[],
  eta: string,
  t: string,
): void {
  // The reference counts the step before using it: step t + 1 corrects with beta^(t+1).
  const tNext = g.op('Add', [t, scalar(g, 1, 'one')], {}, outName('t'));
  const step = (name: string, change: string): void => {
    g.op('Sub', [name, g.op('Mul', [eta, change])], {}, outName(name));
  };
  const average = (prefix: string, name: string, decay: number, value: string): string =>
    g.op(
      'Add',
      [
        g.op('Mul', [scalar(g, decay, 'decay'), `${prefix}_${name}`]),
        g.op('Mul', [scalar(g, 1 - decay, 'one_minus_decay'), value]),
      ],
      {},
      outName(`${prefix}_${name}`),
    );

  switch (optimizer.kind) {
    case 'sgd':
      for (const p of params) step(p.name, p.grad);
      return;
    case 'momentum': {
      const beta = optimizer.beta ?? 0.9;
      for (const p of params) step(p.name, average('v', p.name, beta, p.grad));
      return;
    }
    case 'rmsprop': {
      const rho = optimizer.decay ?? 0.9;
      const eps = scalar(g, optimizer.epsilon ?? 1e-8, 'eps');
      for (const p of params) {
        const s = average('s', p.name, rho, g.op('Mul', [p.grad, p.grad]));
        step(p.name, g.op('Div', [p.grad, g.op('Add', [g.op('Sqrt', [s]), eps])]));
      }
      return;
    }
    case 'adam': {
      const beta1 = optimizer.beta1 ?? 0.9;
      const beta2 = optimizer.beta2 ?? 0.999;
      const eps = scalar(g, optimizer.epsilon ?? 1e-8, 'eps');
      const c1 = addBiasCorrection(g, beta1, tNext);
      const c2 = addBiasCorrection(g, beta2, tNext);
      for (const p of params) {
        const m = average('m', p.name, beta1, p.grad);
        const v = average('v', p.name, beta2, g.op('Mul', [p.grad, p.grad]));
        const mHat = g.op('Mul', [m, c1]);
        const vHat = g.op('Mul', [v, c2]);
        step(p.name, g.op('Div', [mHat, g.op('Add', [g.op('Sqrt', [vHat]), eps])]));
      }
      return;
    }
  }
}

/**
 * c = 1 / (1 - beta^t) without cancellation. In float32, beta^t for beta2 =
 * 0.999 and small t is a number just under 1, so 1 - beta^t keeps only a few
 * correct digits (1e-5 relative at t = 1). Instead, with h = t ln(beta) / 2:
 *   1 - beta^t = -expm1(2h) = -2 tanh(h) / (1 - tanh(h)),
 * and tanh is accurate to float32 precision near 0, so
 *   c = (tanh(h) - 1) / (2 tanh(h)).
 */
export function addBiasCorrection(g: GraphBuilder, beta: number, t: string): string {
  if (beta === 0) return scalar(g, 1, 'one'); // no averaging, nothing to correct
  if (!(beta > 0 && beta < 1)) throw new Error(`decay rate ${beta} must lie in [0, 1)`);
  const th = g.op('Tanh', [g.op('Mul', [t, scalar(g, Math.log(beta) / 2, 'half_ln_beta')])]);
  return g.op('Div', [g.op('Sub', [th, scalar(g, 1, 'one')]), g.op('Mul', [th, scalar(g, 2, 'two')])]);
}
