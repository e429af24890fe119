import type { Backend, BackendChoice } from '@/platform/protocol/protocol';
import type { GptEngine } from '@/models/gpt/engine/engine';
import { probeWebGpu } from '@/models/host/webgpu';
import { recall, remember } from '@/models/host/remembered';
import { BACKENDS } from '@/platform/protocol/backend';
import { isOneOf } from '@/lib/one-of';

// 'auto' is a measurement, not an assumption: a CPU-emulated adapter runs this model ~40x slower
// than WASM, and a small model can be faster on WASM than on a real GPU too.

/** About 64 tokens of lecture prose: long enough to be a real forward pass, short enough to time in a moment. */
const PROBE_TEXT =
  'A neural network learns by gradient descent: backpropagation computes how the cost changes with each weight and bias, ' +
  'and every step moves the parameters a little way downhill, so the predictions improve.';
const WARMUP = 1;
const RUNS = 3;

/** Median ms of a warm greedy next-token pass over the probe text, by `now` (ms). */
export async function timeForward(engine: Pick<GptEngine, 'nextToken'>, now: () => number = () => performance.now()): Promise<number> {
  const settings = { temperature: 0, topK: 0, topP: 1 };
  for (let i = 0; i < WARMUP; i++) await engine.nextToken(PROBE_TEXT, settings, 1);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = now();
    await engine.nextToken(PROBE_TEXT, settings, 1);
    ms.push(now() - t0);
  }
  return ms.sort((a, b) => a - b)[RUNS >> 1]!;
}

export interface ChoiceDeps {
  /** Identifies the model (its file and shape): a new model is measured again. */
  modelId: string;
  /** Opens the engine on one backend; the caller releases the loser. */
  open(backend: Backend): Promise<Pick<GptEngine, 'nextToken'>>;
  /** Where choices are remembered (the host's IndexedDB; a map in tests). */
  memory?: { recall<T>(key: string): Promise<T | undefined>; remember(key: string, value: unknown): Promise<void> };
  probe?: typeof probeWebGpu;
  /** The clock the passes are timed by (performance.now; a test's own clock, so no test depends on the machine's speed). */
  now?: () => number;
}

/** Which backend 'auto' runs the GPT on here, with the timings behind the choice. */
export async function chooseBackend(deps: ChoiceDeps): Promise<{ choice: BackendChoice }> {
  const memory = deps.memory ?? { recall, remember };
  const probe = await (deps.probe ?? probeWebGpu)();
  if (!probe.available) return { choice: { backend: 'wasm', why: 'no-webgpu', reason: probe.reason ?? 'no WebGPU', timings: {}, remembered: false } };
  if (probe.adapter?.isFallbackAdapter) {
    const reason = 'the WebGPU adapter is a fallback (software, CPU-emulated) one, so WebAssembly is used';
    return { choice: { backend: 'wasm', why: 'fallback-adapter', reason, timings: {}, remembered: false } };
  }
  const browser = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? '';
  const key = JSON.stringify(['gpt-backend', deps.modelId, browser, probe.adapter]);
  const known = await memory.recall<BackendChoice>(key);
  if (known && isOneOf(BACKENDS, known.backend)) return { choice: { ...known, remembered: true } };

  const timings: Partial<Record<Backend, number>> = {};
  timings.wasm = await timeForward(await deps.open('wasm'), deps.now);
  try {
    timings.webgpu = await timeForward(await deps.open('webgpu'), deps.now);
  } catch (e) {
    const reason = `WebGPU did not open for this model (${e instanceof Error ? e.message : String(e)})`;
    return { choice: { backend: 'wasm', why: 'webgpu-failed', reason, timings, remembered: false } };
  }
  const backend: Backend = timings.webgpu! < timings.wasm ? 'webgpu' : 'wasm';
  const [fast, slow] = backend === 'webgpu' ? ['WebGPU', 'WebAssembly'] : ['WebAssembly', 'WebGPU'];
  const ratio = Math.max(timings.wasm, timings.webgpu!) / Math.max(1e-3, Math.min(timings.wasm, timings.webgpu!));
  const choice: BackendChoice = {
    backend,
    why: 'measured',
    reason: `measured: a forward pass took ${timings.wasm.toFixed(1)} ms on WebAssembly and ${timings.webgpu!.toFixed(1)} ms on WebGPU; ${fast} is ${ratio.toFixed(1)}x faster than ${slow}`,
    timings,
    remembered: false,
  };
  await memory.remember(key, choice);
  return { choice };
}
