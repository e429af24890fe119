import type { Rng } from '@/lib/rng';
import type { SamplingSettings } from '@/platform/protocol/gpt';

// Next-token distributions as the lectures define them: softmax(z / T), then
// top-k and top-p (nucleus) filtering over the whole vocabulary, renormalised.
// Pure, so the lab recomputes them from cached logits while a slider moves.

export interface Distribution {
  /** Probability of every vocabulary id after temperature and filtering (0 for filtered ids). */
  probs: Float32Array;
  /** Ids with non-zero probability, most likely first. */
  order: Int32Array;
  /** Entropy in nats. */
  entropy: number;
}

export function argmax(z: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < z.length; i++) if (z[i] > z[best]) best = i;
  return best;
}

const orderCache = new WeakMap<object, Int32Array>();

/**
 * Ids by decreasing logit (lowest id first on ties). Dividing by a positive temperature keeps
 * this order, so it is computed once per logits array: a slider can move without re-sorting.
 */
export function logitOrder(logits: ArrayLike<number>): Int32Array {
  const key = logits as object;
  let order = orderCache.get(key);
  if (!order) {
    order = Int32Array.from({ length: logits.length }, (_, i) => i).sort((a, b) => logits[b] - logits[a] || a - b);
    orderCache.set(key, order);
  }
  return order;
}

/** The distribution the sampler draws from. Temperature 0 is greedy: all mass on the largest logit (lowest id on ties). */
export function distribution(logits: ArrayLike<number>, s: SamplingSettings): Distribution {
  const n = logits.length;
  const probs = new Float32Array(n);
  if (n === 0) return { probs, order: new Int32Array(0), entropy: 0 };
  if (!(s.temperature > 0)) {
    const i = argmax(logits);
    probs[i] = 1;
    return { probs, order: Int32Array.of(i), entropy: 0 };
  }
  let zMax = -Infinity;
  for (let i = 0; i < n; i++) zMax = Math.max(zMax, logits[i]);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = Math.exp((logits[i] - zMax) / s.temperature);
  const sorted = logitOrder(logits);
  let keep = s.topK > 0 ? Math.min(Math.floor(s.topK), n) : n;
  if (s.topP < 1) {
    // Nucleus over what top-k kept: the smallest prefix whose mass reaches topP of it.
    let kept = 0;
    for (let r = 0; r < keep; r++) kept += p[sorted[r]];
    let cum = 0;
    for (let r = 0; r < keep; r++) {
      cum += p[sorted[r]];
      if (cum >= s.topP * kept) {
        keep = r + 1;
        break;
      }
    }
  }
  let mass = 0;
  for (let r = 0; r < keep; r++) mass += p[sorted[r]];
  let entropy = 0;
  for (let r = 0; r < keep; r++) {
    const q = p[sorted[r]] / mass;
    probs[sorted[r]] = q;
    if (q > 0) entropy -= q * Math.log(q);
  }
  return { probs, order: sorted.slice(0, keep), entropy };
}

/** Inverse-CDF draw in `order`, so the same rng state always picks the same id. */
export function sample(d: Distribution, rng: Rng): number {
  const u = rng();
  let cum = 0;
  for (const id of d.order) {
    cum += d.probs[id];
    if (u < cum) return id;
  }
  return d.order[d.order.length - 1];
}

export function validSettings(s: SamplingSettings): string | null {
  if (!Number.isFinite(s.temperature) || s.temperature < 0 || s.temperature > 10) return 'temperature must be between 0 and 10';
  if (!Number.isInteger(s.topK) || s.topK < 0) return 'topK must be a whole number ≥ 0 (0 keeps all)';
  if (!Number.isFinite(s.topP) || s.topP <= 0 || s.topP > 1) return 'topP must be in (0, 1]';
  return null;
}
