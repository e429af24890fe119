import { decodeDataset, gunzipIfNeeded, type DigitSet } from '@/models/mnist-mlp/reference/dataset';
// The MNIST digits the extension ships (models/mnist-mlp/README.md, "Data"), read by an extension page.
import labDataUrl from '@/models/mnist-mlp/mnist-lab.dlmn.gz?url';

/** The fixed evaluation subset of the Backprop lab: the first 1,000 images of MNIST's official test set. */
export const EVAL_COUNT = 1000;

export interface LabDigits {
  /** MNIST's official 10k test images: image 0 is the lab's sample, 0..999 its accuracy check. */
  test: DigitSet;
  /** The 10k training images the extension ships: mini-batches draw from these. */
  train: DigitSet;
}

let loading: Promise<LabDigits> | null = null;

/** The shipped digits, fetched and unpacked once per page; a failure is thrown with the file named, and the next call retries. */
export function labDigits(): Promise<LabDigits> {
  loading ??= (async () => {
    try {
      const res = await fetch(new URL(labDataUrl, location.href));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const sets = decodeDataset(await gunzipIfNeeded(await res.arrayBuffer()));
      if (!sets.test || !sets.train || sets.test.count < EVAL_COUNT) throw new Error('the test or train split is missing');
      return { test: sets.test, train: sets.train };
    } catch (e) {
      loading = null;
      throw new Error(`digit data missing or corrupt: ${labDataUrl} (${e instanceof Error ? e.message : String(e)})`);
    }
  })();
  return loading;
}

/** Image i of a set as 784 inputs in [0, 1]. */
export function digitImage(set: DigitSet, i: number): Float32Array {
  const d = set.rows * set.cols;
  const out = new Float32Array(d);
  for (let k = 0; k < d; k++) out[k] = set.pixels[i * d + k]! / 255;
  return out;
}
