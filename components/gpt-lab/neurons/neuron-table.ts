import type { GptNeurons } from '@/platform/protocol/protocol';
import { unpackF32 } from '@/platform/protocol/packed';

/** Every MLP neuron's post-GELU activation, [layer][position][neuron], unpacked once. */
export interface NeuronTable {
  layers: number;
  T: number;
  /** Neurons per layer (d_mlp = 4·n_embd). */
  d: number;
  acts: Float32Array;
}

export function neuronTable(n: GptNeurons): NeuronTable {
  const acts = unpackF32(n.activations);
  const [layers = 0, T = 0, d = 0] = n.activations.shape;
  return { layers, T, d, acts };
}

export interface Firing {
  layer: number;
  index: number;
  value: number;
}

/** The k neurons of one layer with the largest activation at position t, largest first. */
export function topNeurons(tab: NeuronTable, layer: number, t: number, k: number): Firing[] {
  const base = (layer * tab.T + t) * tab.d;
  const top: Firing[] = [];
  if (k <= 0) return top;
  for (let i = 0; i < tab.d; i++) {
    const value = tab.acts[base + i];
    if (top.length === k && value <= top[k - 1].value) continue;
    let j = Math.min(top.length, k - 1);
    top[j] = { layer, index: i, value };
    // Insertion into a short sorted list: 512 neurons, k = 10.
    while (j > 0 && top[j - 1].value < value) {
      [top[j - 1], top[j]] = [top[j], top[j - 1]];
      j--;
    }
  }
  return top;
}

/** One neuron's activation at every position. */
export function neuronTrace(tab: NeuronTable, layer: number, index: number): Float32Array {
  const out = new Float32Array(tab.T);
  for (let t = 0; t < tab.T; t++) out[t] = tab.acts[(layer * tab.T + t) * tab.d + index];
  return out;
}

/** The activations as nested arrays, [layer][position][neuron], for the JSON export. */
export function nestedActivations(tab: NeuronTable): number[][][] {
  return Array.from({ length: tab.layers }, (_, l) =>
    Array.from({ length: tab.T }, (_, t) => Array.from(tab.acts.subarray((l * tab.T + t) * tab.d, (l * tab.T + t + 1) * tab.d))),
  );
}
