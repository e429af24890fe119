// An independent recomputation of the Backprop lab's export: forward and
// backward written out here from the exported W, b, x and target, in the lessons' convention,
// sharing no code with the extension.

export interface BackpropJson {
  format: string;
  network: string;
  sizes: number[];
  activation: 'relu' | 'sigmoid';
  cost: 'cross-entropy' | 'quadratic';
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
  after: { a_L: number[]; cost_value: number };
  steps: number;
}

export interface Recomputed {
  a: number[][];
  z: number[][];
  cost: number;
  delta: number[][];
  gradW: number[][][];
}

const sig = (v: number) => 1 / (1 + Math.exp(-v));

export function recompute(e: Pick<BackpropJson, 'sizes' | 'activation' | 'cost' | 'W' | 'b' | 'x' | 'target'>): Recomputed {
  const L = e.sizes.length - 1;
  const a: number[][] = [e.x];
  const z: number[][] = [[]];
  for (let l = 1; l <= L; l++) {
    const W = e.W[l]!;
    const zl = W.map((row, j) => row.reduce((s, w, k) => s + w * a[l - 1]![k]!, e.b[l]![j]!));
    z.push(zl);
    if (l < L) a.push(zl.map((v) => (e.activation === 'relu' ? Math.max(0, v) : sig(v))));
    else if (e.cost === 'cross-entropy') {
      const m = Math.max(...zl);
      const ex = zl.map((v) => Math.exp(v - m));
      const s = ex.reduce((p, q) => p + q, 0);
      a.push(ex.map((v) => v / s));
    } else a.push(zl.map(sig));
  }
  const aL = a[L]!;
  const y = aL.map((_, j) => (j === e.target ? 1 : 0));
  const cost = e.cost === 'cross-entropy' ? -Math.log(aL[e.target]!) : aL.reduce((s, v, j) => s + (v - y[j]!) ** 2, 0);
  const delta: number[][] = Array.from({ length: L + 1 }, () => []);
  delta[L] = aL.map((v, j) => (e.cost === 'cross-entropy' ? v - y[j]! : 2 * (v - y[j]!) * v * (1 - v)));
  for (let l = L - 1; l >= 1; l--) {
    const W = e.W[l + 1]!;
    delta[l] = z[l]!.map((zk, k) => {
      const back = W.reduce((s, row, j) => s + row[k]! * delta[l + 1]![j]!, 0);
      const sp = e.activation === 'relu' ? (zk > 0 ? 1 : 0) : sig(zk) * (1 - sig(zk));
      return back * sp;
    });
  }
  const gradW: number[][][] = [[]];
  for (let l = 1; l <= L; l++) gradW.push(delta[l]!.map((d) => a[l - 1]!.map((v) => d * v)));
  return { a, z, cost, delta, gradW };
}

/** Largest |x - y| over two nested arrays of the same shape, divided by the largest |y| (or 1 when all are 0). */
export function relDiff(x: unknown, y: unknown): number {
  const xs = (x as unknown[]).flat(3) as number[];
  const ys = (y as unknown[]).flat(3) as number[];
  if (xs.length !== ys.length) return Infinity;
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < xs.length; i++) {
    diff = Math.max(diff, Math.abs(xs[i]! - ys[i]!));
    scale = Math.max(scale, Math.abs(ys[i]!));
  }
  return diff / (scale || 1);
}
