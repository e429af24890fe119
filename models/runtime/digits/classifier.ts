import { decodeWeights } from '../../../utils/mlp/weights';
import { buildInferenceModel } from '../../mnist-mlp/graph';
import { RpcFailure, type BackendPreference, type DigitResult } from '../../../utils/messaging/protocol';
import { ortRuntime } from '../ort-env';
import type { SessionStore } from '../sessions';
// The pretrained 784-16-16-10 network, shipped in the package (Vite emits the file).
import defaultWeightsUrl from '../../mnist-mlp/weights.bin?url';

/** 'default' is the shipped network; any other name is a network the learner trained and loaded. */
export type DigitModel = string;

interface Loaded {
  bytes: Uint8Array;
  sizes: readonly number[];
  W: Float32Array[];
}

const cache = new Map<DigitModel, Promise<Loaded>>();

/** Registers a learner's network (already validated by the caller's parseNet and by the protocol). */
export function loadCustomDigitModel(id: string, net: { sizes: number[]; activation: 'sigmoid' | 'relu'; cost: 'cross-entropy' | 'quadratic'; W: number[][]; b: number[][] }): void {
  const bytes = buildInferenceModel({ W: [[], ...net.W], b: [[], ...net.b] }, { sizes: net.sizes, activation: net.activation, cost: net.cost }, { activations: true });
  cache.set(id, Promise.resolve({ bytes, sizes: net.sizes, W: net.W.map((w) => Float32Array.from(w)) }));
}

async function readWeights(model: DigitModel): Promise<Loaded> {
  let entry = cache.get(model);
  if (!entry && model !== 'default') throw new RpcFailure('model-missing', `no digit network named ${model} is loaded`);
  if (!entry) {
    entry = (async () => {
      const path = defaultWeightsUrl;
      let buf: ArrayBuffer;
      try {
        const res = await fetch(new URL(path, location.href));
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        buf = await res.arrayBuffer();
      } catch (e) {
        throw new RpcFailure('model-missing', `digit model file missing: ${path} (${e instanceof Error ? e.message : String(e)})`);
      }
      let net;
      try {
        net = decodeWeights(buf).net;
      } catch (e) {
        throw new RpcFailure('model-corrupt', `digit model file is corrupt: ${path} (${e instanceof Error ? e.message : String(e)})`);
      }
      const bytes = buildInferenceModel(net, net.config, { activations: true });
      return { bytes, sizes: net.config.sizes, W: net.W.slice(1).map((w) => Float32Array.from(w)) };
    })();
    entry.catch(() => cache.delete(model));
    cache.set(model, entry);
  }
  return entry;
}

/** Classifies one 28x28 input and returns every layer's activations, for the popup's live view. */
export async function classifyDigit(store: SessionStore, pixels: number[], model: DigitModel, backend: BackendPreference): Promise<DigitResult> {
  const ort = ortRuntime();
  const w = await readWeights(model);
  const { loaded } = await store.get(`digits`, { kind: 'bytes', label: `digit model (${model})`, build: () => w.bytes }, { backend });
  const t0 = performance.now();
  const x = new ort.Tensor('float32', Float32Array.from(pixels), [1, pixels.length]);
  const out = await loaded.session.run({ pixels: x });
  const L = w.sizes.length - 1;
  const activations: number[][] = [pixels];
  for (let l = 1; l < L; l++) activations.push(Array.from((await out[`a${l}`]!.getData()) as Float32Array));
  const probs = Array.from((await out.probs!.getData()) as Float32Array);
  activations.push(probs);
  for (const t of Object.values(out)) t.dispose();
  return { probs, activations, sizes: [...w.sizes], backend: loaded.backend, runMs: performance.now() - t0 };
}

/**
 * The weights, for drawing connections (asked for once when the popup opens).
 * Also opens the session, so the first stroke doesn't pay for it.
 */
export async function digitWeights(store: SessionStore, model: DigitModel, backend: BackendPreference): Promise<{ sizes: number[]; W: number[][] }> {
  const w = await readWeights(model);
  // One digit session at a time: switching networks releases the previous one.
  await store.get(`digits`, { kind: 'bytes', label: `digit model (${model})`, build: () => w.bytes }, { backend });
  return { sizes: [...w.sizes], W: w.W.map((m) => Array.from(m)) };
}
