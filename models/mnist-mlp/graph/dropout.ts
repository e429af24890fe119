// Dropout masks for the training-step graph, drawn by the caller rather than by
// the graph: ONNX's random ops cannot be seeded per step from outside and differ
// between backends, while a seeded Rng makes a run reproducible and lets the
// reference network be given the very same masks.

import type { Rng } from '@/lib/rng';

/**
 * Inverted-dropout multipliers for hidden layers 1..L-1 of an m-row batch:
 * each entry is 0 with probability p and 1/(1-p) otherwise. Draws from rng in
 * the order the reference's forward() does (layer by layer, row-major), so the
 * same seed yields the same masks. p = 0 gives all-ones masks and draws nothing,
 * again like the reference. Index 0 is an empty placeholder, as in the reference.
 */
export function drawDropoutMasks(sizes: readonly number[], m: number, p: number, rng: Rng): Float32Array[] {
  if (!(p >= 0 && p < 1)) throw new Error(`dropout probability ${p} must lie in [0, 1)`);
  const keep = 1 / (1 - p);
  const masks = [new Float32Array(0)];
  for (let l = 1; l < sizes.length - 1; l++) {
    const mask = new Float32Array(m * sizes[l]!);
    if (p === 0) mask.fill(1);
    else for (let i = 0; i < mask.length; i++) mask[i] = rng() < p ? 0 : keep;
    masks.push(mask);
  }
  return masks;
}
