import { mulberry32 } from '@/lib/rng';
import type { HeadRole, TextHeadRole } from '@/platform/protocol/gpt-inside';

// Measured roles of attention heads. The probe is the standard one for induction heads: a
// beginning-of-text token, then R random tokens, then the same R tokens again. A head that has
// learned "find the earlier occurrence of this token and look at what came next" attends from
// position q of the second copy to q - R + 1. make_fixture.py builds the same probe (same
// generator, seeds and id range) so the fixture test checks these numbers against PyTorch.

export const PROBE_SEEDS = [1, 2, 3, 4];
export const PROBE_REPEAT = 50;
/** A head gets a role's badge from this mean score up. */
export const ROLE_THRESHOLD = 0.4;

/** [eos, r_1..r_R, r_1..r_R]: random ids from the merged tokens (256..eos-1), not raw bytes. */
export function probeIds(seed: number, repeat: number, eos: number): number[] {
  const rng = mulberry32(seed);
  const r = Array.from({ length: repeat }, () => 256 + Math.floor(rng() * (eos - 256)));
  return [eos, ...r, ...r];
}

/**
 * Mean scores per head from attention probabilities laid out [layer][head][q][k] in one flat
 * array (the graph's `attentions` output with batch 1). previous, first and self average over
 * q ≥ 1 (position 0 can only look at itself); induction over the second copy when `repeat` is given.
 */
export function headScores(att: Float32Array, n_layer: number, n_head: number, T: number, repeat?: number): Record<HeadRole, number[][]> {
  const grid = () => Array.from({ length: n_layer }, () => new Array<number>(n_head).fill(0));
  const s = { previous: grid(), first: grid(), self: grid(), induction: grid() };
  if (T < 2) return s;
  for (let l = 0; l < n_layer; l++) {
    for (let h = 0; h < n_head; h++) {
      const base = (l * n_head + h) * T * T;
      let prev = 0;
      let first = 0;
      let self = 0;
      for (let q = 1; q < T; q++) {
        const row = base + q * T;
        prev += att[row + q - 1]!;
        first += att[row]!;
        self += att[row + q]!;
      }
      s.previous[l]![h] = prev / (T - 1);
      s.first[l]![h] = first / (T - 1);
      s.self[l]![h] = self / (T - 1);
      if (repeat && T >= 2 * repeat + 1) {
        let ind = 0;
        for (let q = repeat + 1; q <= 2 * repeat; q++) ind += att[base + q * T + q - repeat + 1]!;
        s.induction[l]![h] = ind / repeat;
      }
    }
  }
  return s;
}

/** Element-wise mean of several runs' score grids. */
export function meanScores<R extends string>(runs: Record<R, number[][]>[]): Record<R, number[][]> {
  const out = {} as Record<R, number[][]>;
  for (const role of Object.keys(runs[0]!) as R[]) {
    out[role] = runs[0]![role].map((row, l) => row.map((_, h) => runs.reduce((sum, r) => sum + r[role][l]![h]!, 0) / runs.length));
  }
  return out;
}

export function textScores(s: Record<HeadRole, number[][]>): Record<TextHeadRole, number[][]> {
  return { previous: s.previous, first: s.first, self: s.self };
}
