import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-web';
import { GraphBuilder, float, tensor } from '@/models/host/graph';
import {
  buildSelfTestModel,
  maxAbsDiff,
  selfTestCase,
  selfTestReference,
  SELFTEST_IN,
  SELFTEST_N,
  SELFTEST_OUT,
} from '@/models/host/selftest/graph';

ort.env.wasm.numThreads = 1;

async function run(model: Uint8Array, feeds: Record<string, ort.Tensor>) {
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'] });
  try {
    return await session.run(feeds);
  } finally {
    await session.release();
  }
}

describe('GraphBuilder -> onnxruntime-web (wasm)', () => {
  it('matmul + softmax matches the TypeScript reference', async () => {
    const c = selfTestCase();
    const out = await run(buildSelfTestModel(c), {
      x: new ort.Tensor('float32', c.x, [SELFTEST_N, SELFTEST_IN]),
    });
    const p = out.p!.data as Float32Array;
    expect(out.p!.dims).toEqual([SELFTEST_N, SELFTEST_OUT]);
    expect(maxAbsDiff(p, selfTestReference(c))).toBeLessThan(1e-6);
    // Rows are distributions.
    for (let r = 0; r < SELFTEST_N; r++) {
      const row = p.subarray(r * SELFTEST_OUT, (r + 1) * SELFTEST_OUT);
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    }
  });

  it('writes float and int attributes apart (Gemm alpha/beta/transB)', async () => {
    const g = new GraphBuilder();
    const a = g.input('a', 'float32', [2, 3]);
    const B = g.initializer('B', Float32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]); // used transposed
    const C = g.initializer('C', Float32Array.from([10, 20]), [2]);
    g.output(g.op('Gemm', [a, B, C], { alpha: float(2), beta: 0.5, transB: 1 }), 'float32', [2, 2], 'y');
    const x = Float32Array.from([1, 0, -1, 2, 1, 0]);
    const out = await run(g.toModel(), { a: new ort.Tensor('float32', x, [2, 3]) });
    // y = 2 * a B^T + 0.5 C, worked out by hand.
    expect(Array.from(out.y!.data as Float32Array)).toEqual([2 * (1 - 3) + 5, 2 * (4 - 6) + 10, 2 * (2 + 2) + 5, 2 * (8 + 5) + 10]);
  });

  it('handles tensor attributes, int64 shapes and multiple outputs', async () => {
    const g = new GraphBuilder();
    const x = g.input('x', 'float32', ['N', 4]);
    const k = g.op('Constant', [], { value: tensor(Float32Array.from([1, 2, 3, 4]), [4]) });
    const shape = g.constant(BigInt64Array.from([-1n, 2n]), [2], 'shape');
    const r = g.op('Reshape', [g.op('Mul', [x, k]), shape]);
    const [left, right] = g.opN('Split', [r, g.constant(BigInt64Array.from([1n, 1n]), [2])], 2, { axis: 1 });
    g.output(left!, 'float32', ['M', 1], 'left');
    g.output(right!, 'float32', ['M', 1], 'right');
    const out = await run(g.toModel(), {
      x: new ort.Tensor('float32', Float32Array.from([1, 1, 1, 1, 2, 2, 2, 2]), [2, 4]),
    });
    expect(Array.from(out.left!.data as Float32Array)).toEqual([1, 3, 2, 6]);
    expect(Array.from(out.right!.data as Float32Array)).toEqual([2, 4, 4, 8]);
  });

  it('rejects unknown inputs, duplicate names and shape/data mismatches', () => {
    const g = new GraphBuilder();
    g.input('x', 'float32', [1]);
    expect(() => g.op('Relu', ['nope'])).toThrow(/unknown input/);
    expect(() => g.input('x', 'float32', [1])).toThrow(/duplicate/);
    g.initializer('W', new Float32Array(3), [2, 2]);
    expect(() => g.toModel()).toThrow(/3 values for shape \[2, 2\]/);
  });
});
