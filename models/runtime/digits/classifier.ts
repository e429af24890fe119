import { decodeWeights } from '../../../utils/mlp/weights';
import { buildInferenceModel } from '../../mnist-mlp/graph';
import { RpcFailure, type BackendPreference, type DigitResult } from '../../../utils/messaging/protocol';
import { ortRuntime } from '../ort-env';
import type { SessionStore } from '../sessions';
// The pretrained 784-16-16-10 network, shipped in the package (Vite emits the file).
import defaultWeightsUrl from '../../mnist-mlp/weights.bin?url';

export const DIGIT_MODELS = { default: defaultWeightsUrl } as const;
export type DigitModel = keyof typeof DIGIT_MODELS;

const cache = new Map<DigitModel, Promise<{ bytes: Uint8Array; sizes: readonly number[]; W: Float32Array[] }>>();

async function readWeights(model: DigitModel) {
  let entry = cache.get(model);
  if (!entry) {
    entry = (async () => {
      const path = DIGIT_MODELS[model];
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
  const { loaded } = await store.get(`digits:${model}`, { kind: 'bytes', label: `digit model (${model})`, build: () => w.bytes }, { backend });
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
  await store.get(`digits:${model}`, { kind: 'bytes', label: `digit model (${model})`, build: () => w.bytes }, { backend });
  return { sizes: [...w.sizes], W: w.W.map((m) => Array.from(m)) };
}
