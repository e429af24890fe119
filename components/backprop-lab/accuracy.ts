import { cloneNetwork, countCorrect } from '@/models/mnist-mlp/reference/backprop';
import { createWorkspace, type Network } from '@/models/mnist-mlp/reference/network';
import type { DigitSet } from '@/models/mnist-mlp/reference/dataset';
import { yieldToPage } from '@/lib/yield';

/** Images per slice: a few milliseconds of the panel's main thread each, so input stays responsive. */
const SLICE = 100;

/**
 * Accuracy of a copy of the network (the learner may step meanwhile) on the first `count` images
 * of a set, in slices with a yield between them; null when cancelled.
 */
export async function accuracyOf(net: Network, set: DigitSet, count: number, cancelled: () => boolean = () => false): Promise<number | null> {
  const copy = cloneNetwork(net);
  const ws = createWorkspace(copy, SLICE);
  let correct = 0;
  for (let s = 0; s < count; s += SLICE) {
    correct += countCorrect(copy, set.pixels, set.labels, s, Math.min(count, s + SLICE), ws);
    await yieldToPage();
    if (cancelled()) return null;
  }
  return correct / count;
}
