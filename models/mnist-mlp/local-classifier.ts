import { createNetwork, createWorkspace, forward, type Network, type Workspace } from '@/models/mnist-mlp/reference/network';
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
 * The digit pad's classifier: the reference forward pass (the same a^(l) = sigma(W^(l) a^(l-1) + b^(l))
 * the training graphs are checked against) in the popup itself. For 13k parameters it answers in
 * tens of microseconds, with no message round trip between a stroke and its bars. An onnxruntime
 * session here would cost more than it computes: starting onnxruntime's WASM (compiling it and
 * registering its kernels) took about a second of the popup's main thread on the 2-core build
 * machine, a frozen popup just as it opens, and the extension's pages share that thread.
 */
export class LocalClassifier {
  private constructor(
    private readonly network: Network,
    private readonly ws: Workspace,
    readonly net: DigitNet,
  ) {}

  static async create(net: DigitNet): Promise<LocalClassifier> {
    const { sizes } = net;
    if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`the network's sizes ${sizes.join('-')} are not a network`);
    const network = createNetwork({ sizes, activation: net.activation, cost: net.cost });
    for (let l = 1; l < sizes.length; l++) {
      const w = net.W[l];
      const bias = net.b[l];
      const count = sizes[l]! * sizes[l - 1]!;
      if (!w || w.length !== count) throw new Error(`W${l} must hold ${count} values`);
      if (!bias || bias.length !== sizes[l]!) throw new Error(`b${l} must hold ${sizes[l]!} values`);
      network.W[l]!.set(w);
      network.b[l]!.set(bias);
    }
    return new LocalClassifier(network, createWorkspace(network, 1), net);
  }

  /** a^(0) (the input) through a^(L); a^(L) is the class probabilities. Fresh arrays each call. */
  async classify(pixels: Float32Array): Promise<Float32Array[]> {
    const n0 = this.net.sizes[0]!;
    if (pixels.length !== n0) throw new Error(`the drawing has ${pixels.length} pixels, the network reads ${n0}`);
    this.ws.a[0]!.set(pixels);
    forward(this.network, this.ws, 1);
    return [Float32Array.from(pixels), ...this.ws.a.slice(1, this.network.L + 1).map((a) => Float32Array.from(a))];
  }

  release(): void {
    // Nothing outside the JS heap is held.
  }
}
