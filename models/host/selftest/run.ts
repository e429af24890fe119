import type { BackendPreference, SelfTestReport } from '@/platform/protocol/protocol';
import { ortRuntime } from '@/models/host/ort-env';
import { inTurn, type SessionStore } from '@/models/host/sessions';
import { probeWebGpu } from '@/models/host/webgpu';
import {
  buildSelfTestModel,
  maxAbsDiff,
  selfTestCase,
  selfTestReference,
  SELFTEST_IN,
  SELFTEST_N,
  SELFTEST_OUT,
} from '@/models/host/selftest/graph';

/** float32 on any backend keeps a softmax over 64-term dot products well inside this. */
export const SELFTEST_TOLERANCE = 1e-4;
const TIMED_RUNS = 9;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Runs the self-test graph on the requested backend and checks it against the
 * TypeScript reference. Reports what actually ran, how long each part took,
 * and whether the output stayed on the GPU until it was read.
 */
export async function runSelfTest(
  store: SessionStore,
  backend: BackendPreference,
  hostStartedAt: number,
  progress: (stage: string) => void,
  signal: AbortSignal,
): Promise<SelfTestReport> {
  const ort = ortRuntime();
  const c = selfTestCase();
  const tb = performance.now();
  const model = buildSelfTestModel(c);
  const buildMs = performance.now() - tb;

  progress('loading');
  const { loaded, reused } = await store.get(
    `selftest:${backend}`,
    { kind: 'bytes', label: 'selftest (matmul + softmax)', build: () => model },
    { backend, gpuOutputs: true },
  );
  const probe = await probeWebGpu();

  const x = new ort.Tensor('float32', c.x, [SELFTEST_N, SELFTEST_IN]);
  let gpuResidentOutput = false;
  const runOnce = async (): Promise<Float32Array> => {
    const out = await inTurn(() => loaded.session.run({ x }));
    const p = out.p!;
    gpuResidentOutput = p.location === 'gpu-buffer';
    // getData downloads a GPU buffer; dispose frees it (a no-op on CPU tensors).
    const data = (await p.getData()) as Float32Array;
    p.dispose();
    return data;
  };

  progress('running');
  const t1 = performance.now();
  const first = await runOnce();
  const firstRunMs = performance.now() - t1;
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS && !signal.aborted; i++) {
    const t = performance.now();
    await runOnce();
    times.push(performance.now() - t);
  }

  const error = maxAbsDiff(first, selfTestReference(c));
  const shapeOk = first.length === SELFTEST_N * SELFTEST_OUT;
  const pass = shapeOk && error <= SELFTEST_TOLERANCE;
  return {
    status: pass ? 'pass' : 'fail',
    reason: pass ? undefined : shapeOk ? `max error ${error.toExponential(2)} > ${SELFTEST_TOLERANCE}` : 'wrong output shape',
    backend: loaded.backend,
    requested: backend,
    fallbackReason: loaded.fallbackReason,
    adapter: loaded.backend === 'webgpu' ? probe.adapter : null,
    maxAbsError: error,
    tolerance: SELFTEST_TOLERANCE,
    gpuResidentOutput,
    sessionReused: reused,
    timings: {
      buildMs,
      createSessionMs: reused ? 0 : loaded.createMs,
      firstRunMs,
      runMedianMs: times.length ? median(times) : firstRunMs,
      runs: times.length,
    },
    hostStartedAt,
  };
}
