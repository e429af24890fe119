import type { GptLens } from '@/platform/protocol/protocol';
import { unpackF32, unpackI32 } from '@/platform/protocol/packed';

/**
 * The logit lens unpacked once, read by index: the grid paints from typed arrays, so a hover
 * never walks nested arrays. Layer ℓ = 0 is the embeddings, ℓ = n_layer the model's own output.
 */
export interface LensTable {
  /** n_layer + 1 rows. */
  layers: number;
  T: number;
  k: number;
  ids: Int32Array;
  probs: Float32Array;
  displays: Record<string, string>;
}

export function lensTable(lens: GptLens): LensTable {
  const ids = unpackI32(lens.ids);
  const probs = unpackF32(lens.probs);
  const [layers = 0, T = 0, k = 0] = lens.ids.shape;
  return { layers, T, k, ids, probs, displays: lens.displays };
}

export interface Guess {
  id: number;
  display: string;
  prob: number;
}

/** The j-th most probable token at layer ℓ, position t. */
export function guess(tab: LensTable, l: number, t: number, j = 0): Guess {
  const o = (l * tab.T + t) * tab.k + j;
  const id = tab.ids[o];
  return { id, display: tab.displays[id] ?? `#${id}`, prob: tab.probs[o] };
}

/** All k guesses of one cell, most probable first. */
export function topK(tab: LensTable, l: number, t: number): Guess[] {
  return Array.from({ length: tab.k }, (_, j) => guess(tab, l, t, j));
}

/** The packed tables as nested arrays, [layer][position][k], for the JSON export. */
export function nested(tab: LensTable, of: 'ids' | 'probs'): number[][][] {
  const src = tab[of];
  return Array.from({ length: tab.layers }, (_, l) =>
    Array.from({ length: tab.T }, (_, t) => Array.from(src.subarray((l * tab.T + t) * tab.k, (l * tab.T + t + 1) * tab.k))),
  );
}
