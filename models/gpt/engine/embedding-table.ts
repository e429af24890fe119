// The token-embedding matrix wte as the int8 model holds it (onnx/wte_int8.bin,
// written by export_embeddings.py), for whole-vocabulary similarity queries.

export class WteTable {
  /** Row-major [vocab][n_embd], dequantised. */
  readonly rows: Float32Array;
  /** 1 / |row|, 0 for an all-zero row. */
  private readonly invNorm: Float32Array;

  constructor(
    readonly vocab: number,
    readonly n_embd: number,
    rows: Float32Array,
  ) {
    this.rows = rows;
    this.invNorm = new Float32Array(vocab);
    for (let i = 0; i < vocab; i++) {
      let s = 0;
      for (let c = 0; c < n_embd; c++) s += rows[i * n_embd + c] ** 2;
      this.invNorm[i] = s > 0 ? 1 / Math.sqrt(s) : 0;
    }
  }

  /** Parses the file; throws with a reason when it is not one. */
  static parse(bytes: Uint8Array): WteTable {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 12 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'WTE8') throw new Error('not a WTE8 embedding file');
    const vocab = view.getUint32(4, true);
    const n_embd = view.getUint32(8, true);
    if (bytes.byteLength !== 12 + vocab * 4 + vocab * n_embd) throw new Error(`expected ${12 + vocab * 4 + vocab * n_embd} bytes, found ${bytes.byteLength}`);
    const rows = new Float32Array(vocab * n_embd);
    for (let i = 0; i < vocab; i++) {
      const scale = view.getFloat32(12 + i * 4, true);
      const base = 12 + vocab * 4 + i * n_embd;
      for (let c = 0; c < n_embd; c++) rows[i * n_embd + c] = ((bytes[base + c] << 24) >> 24) * scale;
    }
    return new WteTable(vocab, n_embd, rows);
  }

  row(id: number): Float32Array {
    return this.rows.subarray(id * this.n_embd, (id + 1) * this.n_embd);
  }

  /** The k rows most similar to `v` by cosine, skipping `exclude`. */
  nearest(v: ArrayLike<number>, k: number, exclude: ReadonlySet<number> = new Set()): { id: number; cosine: number }[] {
    const d = this.n_embd;
    let vv = 0;
    for (let c = 0; c < d; c++) vv += v[c] * v[c];
    const inv = vv > 0 ? 1 / Math.sqrt(vv) : 0;
    const best: { id: number; cosine: number }[] = [];
    for (let i = 0; i < this.vocab; i++) {
      if (exclude.has(i)) continue;
      let dot = 0;
      const base = i * d;
      for (let c = 0; c < d; c++) dot += this.rows[base + c] * v[c];
      const cosine = dot * inv * this.invNorm[i];
      if (best.length < k || cosine > best[best.length - 1].cosine) {
        best.push({ id: i, cosine });
        best.sort((a, b) => b.cosine - a.cosine);
        if (best.length > k) best.pop();
      }
    }
    return best;
  }
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}
