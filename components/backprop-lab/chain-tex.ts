import type { ExampleTrace } from '@/models/mnist-mlp/reference/backprop';
import type { Network } from '@/models/mnist-mlp/reference/network';
import type { Link } from '@/components/backprop-lab/net-geometry';
import { num } from '@/components/backprop-lab/format';

export interface ChainRule {
  /** The symbolic chain rule (KaTeX source). */
  symbolic: string;
  /** The same with this example's numbers, as plain text. */
  numeric: string;
  /** The factors' values, in the order the formula shows them. */
  factors: number[];
  /** Their product: dC_0/dw for the link. */
  product: number;
}

/** sigma'(z) of a hidden layer. */
function sigmaPrime(activation: string, z: number): number {
  if (activation === 'relu') return z > 0 ? 1 : 0;
  const s = 1 / (1 + Math.exp(-z));
  return s * (1 - s);
}

/**
 * Lesson 4's chain rule for one weight w^(l)_jk, in the network's real layer numbers:
 *   dC0/dw = dz/dw * da/dz * dC0/da = a^(l-1)_k sigma'(z^(l)_j) dC0/da^(l)_j
 * with dC0/da = 2 (a - y) at a quadratic output, and sum_i w^(l+1)_ij delta^(l+1)_i below it.
 * A softmax output couples the outputs, so there the two last factors are one, delta = a - y.
 */
export function chainRule(net: Network, trace: ExampleTrace, target: number, link: Link): ChainRule {
  const { sizes, activation, cost } = net.config;
  const L = net.L;
  const { l, j, k } = link;
  const aPrev = trace.a[l - 1]![k]!;
  const z = trace.z[l]![j]!;
  const a = trace.a[l]![j]!;
  const w = `w^{(${l})}_{${j},${k}}`;
  const dzdw = `\\frac{\\partial z^{(${l})}_{${j}}}{\\partial ${w}}`;
  const dadz = `\\frac{\\partial a^{(${l})}_{${j}}}{\\partial z^{(${l})}_{${j}}}`;
  const dCda = `\\frac{\\partial C_0}{\\partial a^{(${l})}_{${j}}}`;
  const lhs = `\\frac{\\partial C_0}{\\partial ${w}}`;
  const ak = `a^{(${l - 1})}_{${k}}`;
  if (l === L && cost === 'cross-entropy') {
    const y = j === target ? 1 : 0;
    const factors = [aPrev, a - y];
    const product = aPrev * (a - y);
    return {
      symbolic: `${lhs} = ${dzdw}\\,\\frac{\\partial C_0}{\\partial z^{(${l})}_{${j}}} = ${ak}\\,\\left(a^{(${l})}_{${j}} - y_{${j}}\\right)`,
      numeric: `= ${num(aPrev)} × (${num(a)} − ${y}) = ${num(product)}`,
      factors,
      product,
    };
  }
  if (l === L) {
    const y = j === target ? 1 : 0;
    const sp = a * (1 - a);
    const factors = [aPrev, sp, 2 * (a - y)];
    const product = aPrev * sp * 2 * (a - y);
    return {
      symbolic: `${lhs} = ${dzdw}\\,${dadz}\\,${dCda} = ${ak}\\,\\sigma'\\!\\left(z^{(${l})}_{${j}}\\right)\\,2\\left(a^{(${l})}_{${j}} - y_{${j}}\\right)`,
      numeric: `= ${num(aPrev)} × ${num(sp)} × 2(${num(a)} − ${y}) = ${num(product)}`,
      factors,
      product,
    };
  }
  const sp = sigmaPrime(activation, z);
  const dC = trace.dC_da[l]![j]!;
  const product = aPrev * sp * dC;
  const nNext = sizes[l + 1]!;
  return {
    symbolic: `${lhs} = ${dzdw}\\,${dadz}\\,${dCda} = ${ak}\\,\\sigma'\\!\\left(z^{(${l})}_{${j}}\\right) \\sum_{i=0}^{${nNext - 1}} w^{(${l + 1})}_{i,${j}}\\,\\delta^{(${l + 1})}_i = ${ak}\\,\\delta^{(${l})}_{${j}}`,
    numeric: `= ${num(aPrev)} × ${num(sp)} × ${num(dC)} = ${num(product)}`,
    factors: [aPrev, sp, dC],
    product,
  };
}
