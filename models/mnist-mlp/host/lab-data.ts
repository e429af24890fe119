import { decodeDataset, gunzipIfNeeded, type DigitSet } from '@/models/mnist-mlp/reference/dataset';
import { RpcFailure } from '@/platform/protocol/protocol';
// The MNIST subset shipped for in-browser training: 10k train, 2k validation, the 10k test set.
import labDataUrl from '@/models/mnist-mlp/mnist-lab.dlmn.gz?url';

let loading: Promise<Record<string, DigitSet>> | null = null;

export function labData(): Promise<Record<string, DigitSet>> {
  loading ??= (async () => {
    let bytes: Uint8Array;
    try {
      const res = await fetch(new URL(labDataUrl, location.href));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      loading = null;
      throw new RpcFailure('model-missing', `training data missing: ${labDataUrl} (${e instanceof Error ? e.message : String(e)})`);
    }
    try {
      // A cut-off download fails here, in the gzip stream: the file is there but damaged.
      return decodeDataset(await gunzipIfNeeded(bytes));
    } catch (e) {
      loading = null;
      throw new RpcFailure('model-corrupt', `training data is corrupt: ${labDataUrl} (${e instanceof Error ? e.message : String(e)})`);
    }
  })();
  return loading;
}

/** Rows [from, to) of a split as x (pixels / 255) and one-hot y. */
export function batchOf(set: DigitSet, order: ArrayLike<number>, from: number, to: number, nOut: number): { x: Float32Array; y: Float32Array; labels: Uint8Array } {
  const n = to - from;
  const d = set.rows * set.cols;
  const x = new Float32Array(n * d);
  const y = new Float32Array(n * nOut);
  const labels = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const i = order[from + r]!;
    const src = set.pixels.subarray(i * d, (i + 1) * d);
    for (let k = 0; k < d; k++) x[r * d + k] = src[k]! / 255;
    labels[r] = set.labels[i]!;
    y[r * nOut + labels[r]!] = 1;
  }
  return { x, y, labels };
}
