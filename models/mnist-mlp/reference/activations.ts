import type { ACTIVATIONS } from '@/platform/protocol/training';
// Hidden-layer non-linearities sigma and their derivatives sigma'.
// Everything works in place on whole batches so the training loop allocates nothing.

/** Either precision: float32 for training, float64 for gradient checks. */
export type Vec = Float32Array | Float64Array;

export type Activation = (typeof ACTIVATIONS)[number];

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** a[i] = sigma(z[i]) for i < n. */
export function sigmaForward(kind: Activation, z: Vec, a: Vec, n: number): void {
  if (kind === 'relu') {
    for (let i = 0; i < n; i++) {
      const v = z[i]!;
      a[i] = v > 0 ? v : 0;
    }
  } else {
    for (let i = 0; i < n; i++) a[i] = 1 / (1 + Math.exp(-z[i]!));
  }
}

/**
 * delta[i] *= sigma'(z[i]) for i < n. Reads z rather than a, because with
 * dropout a has already been masked and rescaled.
 */
export function mulSigmaPrime(kind: Activation, z: Vec, delta: Vec, n: number): void {
  if (kind === 'relu') {
    // The kink at 0 gets derivative 0, as in most frameworks.
    for (let i = 0; i < n; i++) if (!(z[i]! > 0)) delta[i] = 0;
  } else {
    for (let i = 0; i < n; i++) {
      const s = 1 / (1 + Math.exp(-z[i]!));
      delta[i] = delta[i]! * s * (1 - s);
    }
  }
}
