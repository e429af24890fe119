import { buildInferenceModel, type LayerWeights } from '@/models/mnist-mlp/graph';
import { ortRuntime, type ort } from '@/models/host/ort-env';
import { decodeWeights } from '@/models/mnist-mlp/reference/weights';
import type { NetWeights } from '@/platform/protocol/training';
// The pretrained 784-16-16-10 network, shipped in the package (Vite emits the file).
import defaultWeightsUrl from '@/models/mnist-mlp/weights.bin?url';

export interface DigitNet {
  sizes: number[];
  activation: NetWeights['activation'];
  cost: NetWeights['cost'];
  /** Indexed like the reference network: W[l] is W^(l), index 0 unused. */
  W: ArrayLike<number>[];
  b: ArrayLike<number>[];
}

export async function defaultDigitNet(): Promise<DigitNet> {
  let buf: ArrayBuffer;
  try {
    const res = await fetch(new URL(defaultWeightsUrl, location.href));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    buf = await res.arrayBuffer();
  } catch (e) {
    throw new Error(`digit model file missing: ${defaultWeightsUrl} (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    const { net } = decodeWeights(buf);
    return { sizes: [...net.config.sizes], activation: net.config.activation, cost: net.config.cost, W: net.W, b: net.b };
  } catch (e) {
    throw new Error(`digit model file is corrupt: ${defaultWeightsUrl} (${e instanceof Error ? e.message : String(e)})`);
  }
}

export const savedDigitNet = (n: NetWeights): DigitNet => ({ sizes: n.sizes, activation: n.activation, cost: n.cost, W: [[], ...n.W], b: [[], ...n.b] });

/**
 * The digit pad's classifier, an onnxruntime-web session in the popup itself:
 * a 13k-parameter network answers in well under a millisecond on WASM, so no
 * message round trip stands between a stroke and its bars.
 */
export class LocalClassifier {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly net: DigitNet,
  ) {}

  static async create(net: DigitNet): Promise<LocalClassifier> {
    const ort = ortRuntime();
    const weights: LayerWeights = { W: net.W, b: net.b };
    const model = buildInferenceModel(weights, { sizes: net.sizes, activation: net.activation, cost: net.cost }, { activations: true });
    const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'] });
    return new LocalClassifier(session, net);
  }

  /** a^(0) (the input) through a^(L); a^(L) is the class probabilities. */
  async classify(pixels: Float32Array): Promise<Float32Array[]> {
    const ort = ortRuntime();
    const out = await this.session.run({ pixels: new ort.Tensor('float32', pixels, [1, pixels.length]) });
    const L = this.net.sizes.length - 1;
    const layers = [pixels];
    for (let l = 1; l < L; l++) layers.push(out[`a${l}`]!.data as Float32Array);
    layers.push(out.probs!.data as Float32Array);
    return layers;
  }

  release(): void {
    void this.session.release();
  }
}
