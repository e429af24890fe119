// The lab's readers of the packed "inside the layers" answers, on hand-made tables.
import { describe, expect, it } from 'vitest';
import { packF32, packI32 } from '@/platform/protocol/packed';
import type { GptHeadRoles, GptLens, GptNeurons, GptTokenization } from '@/platform/protocol/protocol';
import { guess, lensTable, nested, topK } from '@/components/gpt-lab/layers/lens-table';
import { cellAtPoint, CELL_H, CELL_W, rowOf } from '@/components/gpt-lab/layers/lens-paint';
import { nestedActivations, neuronTable, neuronTrace, topNeurons } from '@/components/gpt-lab/neurons/neuron-table';
import { badgesOf, headName, ranked } from '@/components/gpt-lab/shared/head-roles';
import { mulberry32 } from '@/lib/rng';

const tok = { tokens: [], groups: [], truncated: false, usedChars: 0, totalChars: 0, contextSize: 256 } as GptTokenization;

function lens(L: number, T: number, k: number): GptLens {
  const ids = new Int32Array(L * T * k).map((_, i) => i);
  const probs = new Float32Array(L * T * k).map((_, i) => 1 / (1 + (i % k)));
  const displays = Object.fromEntries(Array.from(ids, (id) => [String(id), `tok${id}`]));
  const norms = Array.from({ length: L }, () => new Array<number>(T).fill(1));
  return { tokenization: tok, n_layer: L - 1, k, ids: packI32(ids, [L, T, k]), probs: packF32(probs, [L, T, k]), displays, residualNorms: norms, attnNorms: norms.slice(1), mlpNorms: norms.slice(1) };
}

describe('logit-lens table', () => {
  it('reads [layer][position][k] in order and nests it back for the export', () => {
    const tab = lensTable(lens(5, 3, 4));
    expect([tab.layers, tab.T, tab.k]).toEqual([5, 3, 4]);
    expect(guess(tab, 2, 1, 3)).toEqual({ id: (2 * 3 + 1) * 4 + 3, display: `tok${(2 * 3 + 1) * 4 + 3}`, prob: Math.fround(1 / 4) });
    expect(topK(tab, 4, 2).map((g) => g.id)).toEqual([56, 57, 58, 59]);
    const ids = nested(tab, 'ids');
    expect(ids).toHaveLength(5);
    expect(ids[4][2]).toEqual([56, 57, 58, 59]);
    expect(nested(tab, 'probs')[0][0][1]).toBe(Math.fround(0.5));
  });

  it('puts the output row on top and maps points to cells', () => {
    const tab = lensTable(lens(5, 3, 2));
    expect(rowOf(tab, 4)).toBe(0);
    expect(rowOf(tab, 0)).toBe(4);
    expect(cellAtPoint(tab, 2 * CELL_W + 1, 1)).toEqual({ l: 4, t: 2 });
    expect(cellAtPoint(tab, 0, 4 * CELL_H + 1)).toEqual({ l: 0, t: 0 });
    // The inputs row and past the last column are not cells.
    expect(cellAtPoint(tab, 0, 5 * CELL_H + 1)).toBeNull();
    expect(cellAtPoint(tab, 3 * CELL_W, 0)).toBeNull();
  });
});

describe('neuron table', () => {
  const L = 2;
  const T = 5;
  const d = 64;
  const rng = mulberry32(7);
  const acts = new Float32Array(L * T * d).map(() => rng() * 4 - 0.2);
  const n: GptNeurons = { tokenization: tok, n_layer: L, d_mlp: d, activations: packF32(acts, [L, T, d]) };
  const tab = neuronTable(n);

  it('finds the k largest activations of a layer at a position, largest first', () => {
    for (let l = 0; l < L; l++) {
      for (let t = 0; t < T; t++) {
        const all = Array.from(acts.subarray((l * T + t) * d, (l * T + t + 1) * d), (value, index) => ({ layer: l, index, value }));
        const want = all.sort((a, b) => b.value - a.value).slice(0, 10);
        expect(topNeurons(tab, l, t, 10)).toEqual(want);
      }
    }
    expect(topNeurons(tab, 0, 0, 0)).toEqual([]);
  });

  it('traces one neuron over the text and nests every activation for the export', () => {
    const trace = neuronTrace(tab, 1, 17);
    expect(Array.from(trace)).toEqual(Array.from({ length: T }, (_, t) => acts[(T + t) * d + 17]));
    const all = nestedActivations(tab);
    expect(all[1][3][17]).toBe(acts[(T + 3) * d + 17]);
    expect(all.flat(2)).toHaveLength(L * T * d);
  });
});

describe('head roles', () => {
  const grid = (v: number[][]) => v;
  const roles: GptHeadRoles = {
    n_layer: 2,
    n_head: 2,
    probe: { seeds: [1], repeat: 3, length: 7 },
    threshold: 0.4,
    scores: {
      previous: grid([[0.9, 0.1], [0.2, 0.3]]),
      first: grid([[0.1, 0.5], [0.4, 0.0]]),
      self: grid([[0.0, 0.0], [0.0, 0.0]]),
      induction: grid([[0.0, 0.1], [0.21, 0.05]]),
    },
  };
  it('badges the roles that reach the threshold, in role order', () => {
    expect(badgesOf(roles, 0, 0)).toEqual(['previous']);
    expect(badgesOf(roles, 0, 1)).toEqual(['first']);
    expect(badgesOf(roles, 1, 0)).toEqual(['first']);
    expect(badgesOf(roles, 1, 1)).toEqual([]);
  });
  it('ranks the heads of a role, so the view can name the strongest when none qualifies', () => {
    const best = ranked(roles, 'induction')[0];
    expect(headName(best)).toBe('L1H0');
    expect(best.score).toBe(0.21);
  });
});
