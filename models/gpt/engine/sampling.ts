import type { Rng } from '@/lib/rng';
import type { SamplingSettings } from '@/platform/protocol/gpt';

// Next-token distributions as the lectures define them: softmax(z / T), then
// top-k and top-p (nucleus) filtering over the whole vocabulary, renormalised.
// Pure, so the lab recomputes them from cached logits while a slider moves.
//
// An optional `allowed` mask (the UTF-8 constraint, utf8-mask.ts) comes first: blocked ids
// get probability 0 and the softmax is taken over the allowed ids only, i.e. the model's
// distribution conditioned on the text staying valid; top-k and top-p then cut that
// conditioned distribution (top-k keeps the k most likely *allowed* ids). Masking after
// top-k could leave nothing to draw (inside a Chinese character every top-40 token may be
// invalid), and masking after top-p would change what "p" means. Greedy takes the best
// allowed id.

export interface Distribution {
  /** Probability of every vocabulary id after temperature and filtering (0 for filtered ids). */
  probs: Float32Array;
  /** Ids with non-zero probability, most likely first. */
  order: Int32Array;
  /** Entropy in nats. */
  entropy: number;
  /**
   * Probability mass the `allowed` mask removed: of softmax(z / T) over the whole vocabulary,
   * before top-k/top-p (greedy: 1 if the largest logit was blocked, else 0). 0 without a mask.
   */
  masked: number;
}

/** Index of the largest value (lowest index on ties); with `allowed`, of the largest allowed one (-1 if none is). */
export function argmax(z: ArrayLike<number>, allowed?: ArrayLike<number>): number {
  if (!allowed) {
    let best = 0;
    for (let i = 1; i < z.length; i++) if (z[i] > z[best]) best = i;
    return best;
  }
  let best = -1;
  for (let i = 0; i < z.length; i++) if (allowed[i] && (best < 0 || z[i] > z[best])) best = i;
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
    order = sortedIds(logits);
    orderCache.set(key, order);
  }
  return order;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * The same order as sorting ids with the comparator (b's logit - a's logit || a - b), 10x faster:
 * a comparator sort of 8192 ids took 2-5 ms per sampled step, as long as the model's forward pass.
 * Each id gets one float64 key, (rank of its logit from the top) * n + id, where the rank is the
 * logit's float32 bit pattern made to sort as unsigned integers, reversed; the typed array's
 * native numeric sort then needs no callback. Keys stay below 2^53, so they are exact integers.
 * Like the comparator, -0 ties with 0; NaN goes last.
 */
function sortedIds(logits: ArrayLike<number>): Int32Array {
  const n = logits.length;
  if (n > 1 << 21) return Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => logits[b] - logits[a] || a - b);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = logits[i];
    f32[0] = z === 0 || Number.isNaN(z) ? (z === 0 ? 0 : -Infinity) : z;
    const bits = u32[0]!;
    // Ascending rank of the float: negatives reversed below positives.
    const ascending = bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
    keys[i] = (0xffffffff - ascending) * n + i;
  }
  keys.sort();
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[r] = keys[r]! % n;
  return order;
}

/**
 * The distribution the sampler draws from. Temperature 0 is greedy: all mass on the largest logit
 * (lowest id on ties). `allowed` (1 = allowed, 0 = blocked, per id) removes ids before everything
 * else (see the top of this file); a mask that allows nothing is ignored.
 */
export function distribution(logits: ArrayLike<number>, s: SamplingSettings, allowed?: ArrayLike<number>): Distribution {
  const n = logits.length;
  const probs = new Float32Array(n);
  if (n === 0) return { probs, order: new Int32Array(0), entropy: 0, masked: 0 };
  if (!(s.temperature > 0)) {
    const free = argmax(logits);
    const best = allowed ? argmax(logits, allowed) : free;
    const i = best >= 0 ? best : free;
    probs[i] = 1;
    return { probs, order: Int32Array.of(i), entropy: 0, masked: allowed && best >= 0 && !allowed[free] ? 1 : 0 };
  }
  // Exponents from the largest allowed logit, so the allowed ids never underflow together.
  let mask = allowed;
  let zMax = -Infinity;
  let nAllowed = 0;
  for (let i = 0; i < n; i++) {
    if (!mask || mask[i]) {
      zMax = Math.max(zMax, logits[i]);
      nAllowed++;
    }
  }
  if (nAllowed === 0) {
    mask = undefined;
    for (let i = 0; i < n; i++) zMax = Math.max(zMax, logits[i]);
  }
  const p = new Float64Array(n);
  let blockedMass = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp((logits[i] - zMax) / s.temperature);
    if (!mask || mask[i]) p[i] = e;
    else blockedMass += e;
  }
  const byLogit = logitOrder(logits);
  let sorted = byLogit;
  if (mask) {
    // The allowed ids in logit order: one pass over the cached order, no sort.
    const kept = new Int32Array(n);
    let m = 0;
    for (let r = 0; r < n; r++) if (mask[byLogit[r]]) kept[m++] = byLogit[r];
    sorted = kept.subarray(0, m);
  }
  const count = sorted.length;
  let keep = s.topK > 0 ? Math.min(Math.floor(s.topK), count) : count;
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
  let allowedMass = 0;
  for (let r = 0; r < keep; r++) mass += p[sorted[r]];
  if (mask) for (let r = 0; r < count; r++) allowedMass += p[sorted[r]];
  let entropy = 0;
  for (let r = 0; r < keep; r++) {
    const q = p[sorted[r]] / mass;
    probs[sorted[r]] = q;
    if (q > 0) entropy -= q * Math.log(q);
  }
  // allowedMass >= 1 (the largest allowed id contributes e^0); blocked ids far above it overflow to Infinity: all removed.
  const masked = !mask ? 0 : Number.isFinite(blockedMass) ? blockedMass / (blockedMass + allowedMass) : 1;
  return { probs, order: sorted.slice(0, keep), entropy, masked };
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
