import type { ExampleTrace } from '@/models/mnist-mlp/reference/backprop';
import type { Network } from '@/models/mnist-mlp/reference/network';

// The JSON export: everything needed to recompute the view independently, in the lessons'
// notation. Per-layer lists are indexed by l = 0..L with index 0 null,
// except a, whose a[0] is the input x; W[l] is n_l rows of n_(l-1) numbers.

export interface BackpropExport {
  format: 'dl-tutor-backprop';
  version: 1;
  network: string;
  sizes: number[];
  activation: string;
  cost: string;
  W: (number[][] | null)[];
  b: (number[] | null)[];
  x: number[];
  target: number;
  z: (number[] | null)[];
  a: number[][];
  cost_value: number;
  delta: (number[] | null)[];
  grad_W: (number[][] | null)[];
  grad_b: (number[] | null)[];
  eta: number;
  /** What one step W - eta grad_W, b - eta grad_b does to this example. */
  after: { a_L: number[]; cost_value: number };
  /** Steps taken from the network as loaded (undo takes them back). */
  steps: number;
}

const list = (v: ArrayLike<number>): number[] => Array.from(v);
const rows = (v: ArrayLike<number>, n: number, m: number): number[][] => Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, k) => v[j * m + k]!));

export function buildExport(
  name: string,
  net: Network,
  x: ArrayLike<number>,
  target: number,
  trace: ExampleTrace,
  eta: number,
  after: { a_L: ArrayLike<number>; cost_value: number },
  steps: number,
): BackpropExport {
  const { sizes, activation, cost } = net.config;
  const L = net.L;
  const layers = <T,>(f: (l: number) => T): (T | null)[] => Array.from({ length: L + 1 }, (_, l) => (l === 0 ? null : f(l)));
  return {
    format: 'dl-tutor-backprop',
    version: 1,
    network: name,
    sizes: [...sizes],
    activation,
    cost,
    W: layers((l) => rows(net.W[l]!, sizes[l]!, sizes[l - 1]!)),
    b: layers((l) => list(net.b[l]!)),
    x: list(x),
    target,
    z: layers((l) => list(trace.z[l]!)),
    a: trace.a.map(list),
    cost_value: trace.cost_value,
    delta: layers((l) => list(trace.delta[l]!)),
    grad_W: layers((l) => rows(trace.grad_W[l]!, sizes[l]!, sizes[l - 1]!)),
    grad_b: layers((l) => list(trace.grad_b[l]!)),
    eta,
    after: { a_L: list(after.a_L), cost_value: after.cost_value },
    steps,
  };
}
