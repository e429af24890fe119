import { fromBase64, toBase64 } from '@/platform/protocol/packed';

// Attention crosses two extension ports (host → background → page), and
// extension messaging copies nested number arrays slowly: a 256-token map is a
// million numbers. It travels as one base64 string of float32 values instead,
// only the causal (lower) triangle of each [T][T] map, since the rest is 0.

export interface PackedAttention {
  n_layer: number;
  n_head: number;
  T: number;
  /** Base64 of float32 little-endian: for each layer, head and query q, keys 0..q. */
  lower: string;
}

const triangle = (T: number) => (T * (T + 1)) / 2;

/** From the graph's output layout [layer, batch=1, head, query, key]. */
export function packAttention(data: Float32Array, n_layer: number, n_head: number, T: number): PackedAttention {
  const out = new Float32Array(n_layer * n_head * triangle(T));
  let o = 0;
  for (let m = 0; m < n_layer * n_head; m++) {
    for (let q = 0; q < T; q++) {
      const row = (m * T + q) * T;
      out.set(data.subarray(row, row + q + 1), o);
      o += q + 1;
    }
  }
  return { n_layer, n_head, T, lower: toBase64(new Uint8Array(out.buffer)) };
}

/**
 * One layer's maps, as the model host streams them: a whole 256-token answer is 2.8 MB of base64,
 * and serializing it for an extension port took one task of 50-90 ms in the offscreen document,
 * whose renderer the side panel shares; a layer at a time keeps each relay a fraction of that.
 */
export interface AttentionLayer {
  layer: number;
  n_head: number;
  T: number;
  /** Base64 of float32 little-endian: for each head of this layer and query q, keys 0..q. */
  lower: string;
}

/** The packed maps cut into one piece per layer (the answer then carries `lower: ''`). */
export function splitLayers(p: PackedAttention): AttentionLayer[] {
  if (p.T === 0) return [];
  const bytes = fromBase64(p.lower);
  const per = p.n_head * triangle(p.T) * 4;
  return Array.from({ length: p.n_layer }, (_, layer) => ({ layer, n_head: p.n_head, T: p.T, lower: toBase64(bytes.subarray(layer * per, (layer + 1) * per)) }));
}

/** One streamed layer back to [head][query][key], zeros above the diagonal. */
export function unpackLayer(piece: AttentionLayer): number[][][] {
  return unpack({ n_layer: 1, n_head: piece.n_head, T: piece.T, lower: piece.lower })[0]!;
}

/** Back to [layer][head][query][key], zeros above the diagonal. */
export function unpackAttention(p: PackedAttention): number[][][][] {
  return unpack(p);
}

function unpack(p: PackedAttention): number[][][][] {
  const bytes = fromBase64(p.lower);
  const f = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  if (f.length !== p.n_layer * p.n_head * triangle(p.T)) throw new Error('attention data has the wrong size');
  let o = 0;
  return Array.from({ length: p.n_layer }, () =>
    Array.from({ length: p.n_head }, () =>
      Array.from({ length: p.T }, (_, q) => {
        const row = new Array<number>(p.T).fill(0);
        for (let k = 0; k <= q; k++) row[k] = f[o + k];
        o += q + 1;
        return row;
      }),
    ),
  );
}
