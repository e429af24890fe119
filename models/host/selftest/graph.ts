import { GraphBuilder } from '@/models/host/graph';

// The self-test computes p = softmax(x W + b): small enough to check by hand,
// yet it exercises a GEMM-like kernel, broadcasting and a reduction on
// whichever backend runs it.
export const SELFTEST_N = 8;
export const SELFTEST_IN = 64;
export const SELFTEST_OUT = 10;

/** Deterministic values in [-1, 1): the test needs no randomness to be repeatable. */
function pattern(length: number, seed: number): Float32Array {
  const out = new Float32Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

export interface SelfTestCase {
  x: Float32Array; // [N, IN]
  W: Float32Array; // [IN, OUT]
  b: Float32Array; // [OUT]
}

export function selfTestCase(): SelfTestCase {
  return {
    x: pattern(SELFTEST_N * SELFTEST_IN, 1),
    W: pattern(SELFTEST_IN * SELFTEST_OUT, 2),
    b: pattern(SELFTEST_OUT, 3),
  };
}

export function buildSelfTestModel(c: SelfTestCase): Uint8Array {
  const g = new GraphBuilder('selftest');
  const x = g.input('x', 'float32', ['N', SELFTEST_IN]);
  const W = g.initializer('W', c.W, [SELFTEST_IN, SELFTEST_OUT]);
  const b = g.initializer('b', c.b, [SELFTEST_OUT]);
  const z = g.op('Add', [g.op('MatMul', [x, W]), b]);
  const p = g.op('Softmax', [z], { axis: -1 });
  g.output(p, 'float32', ['N', SELFTEST_OUT], 'p');
  return g.toModel();
}

/** The same computation in plain TypeScript, in float64. */
export function selfTestReference(c: SelfTestCase, n = SELFTEST_N): Float64Array {
  const p = new Float64Array(n * SELFTEST_OUT);
  for (let r = 0; r < n; r++) {
    let max = -Infinity;
    for (let j = 0; j < SELFTEST_OUT; j++) {
      let z = c.b[j]!;
      for (let k = 0; k < SELFTEST_IN; k++) z += c.x[r * SELFTEST_IN + k]! * c.W[k * SELFTEST_OUT + j]!;
      p[r * SELFTEST_OUT + j] = z;
      max = Math.max(max, z);
    }
    let sum = 0;
    for (let j = 0; j < SELFTEST_OUT; j++) {
      const e = Math.exp(p[r * SELFTEST_OUT + j]! - max);
      p[r * SELFTEST_OUT + j] = e;
      sum += e;
    }
    for (let j = 0; j < SELFTEST_OUT; j++) p[r * SELFTEST_OUT + j]! /= sum;
  }
  return p;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!(d <= m)) m = Number.isNaN(d) ? Infinity : d;
  }
  return m;
}
