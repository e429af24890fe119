// Two principal components of a few vectors, by power iteration on the
// centred Gram matrix (T x T, T <= context), which is cheaper than the
// n_embd x n_embd covariance when T is small and exact enough for a scatter.

export interface Pca2 {
  /** [T][2] coordinates on the first two components. */
  points: number[][];
  /** Share of the total variance along each component. */
  explained: [number, number];
}

export function pca2(vectors: ArrayLike<number>[]): Pca2 {
  const T = vectors.length;
  if (T === 0) return { points: [], explained: [0, 0] };
  const d = vectors[0].length;
  const mean = new Float64Array(d);
  for (const v of vectors) for (let c = 0; c < d; c++) mean[c] += v[c] / T;
  const X = vectors.map((v) => Float64Array.from({ length: d }, (_, c) => v[c] - mean[c]));
  const G = X.map((a) => X.map((b) => a.reduce((s, x, c) => s + x * b[c], 0)));
  const total = G.reduce((s, row, i) => s + row[i], 0);
  const comps: Float64Array[] = [];
  const lambdas: number[] = [];
  for (let k = 0; k < 2; k++) {
    // Deterministic start that is not orthogonal to the top component in practice.
    let u = Float64Array.from({ length: T }, (_, i) => 1 + ((i * 7919) % 13) / 13);
    let lambda = 0;
    for (let iter = 0; iter < 200; iter++) {
      for (const prev of comps) {
        const dot = u.reduce((s, x, i) => s + x * prev[i], 0);
        u = u.map((x, i) => x - dot * prev[i]);
      }
      const w = new Float64Array(T);
      for (let i = 0; i < T; i++) for (let j = 0; j < T; j++) w[i] += G[i][j] * u[j];
      const norm = Math.hypot(...w);
      if (norm < 1e-12) {
        lambda = 0;
        u = new Float64Array(T);
        break;
      }
      const next = w.map((x) => x / norm);
      const delta = next.reduce((s, x, i) => s + Math.abs(x - u[i]), 0);
      u = next;
      lambda = norm;
      if (delta < 1e-10) break;
    }
    comps.push(u);
    lambdas.push(lambda);
  }
  // Gram eigenvector u with eigenvalue lambda gives scores sqrt(lambda) * u.
  const points = Array.from({ length: T }, (_, i) => comps.map((u, k) => u[i] * Math.sqrt(lambdas[k])));
  const explained: [number, number] = total > 0 ? [lambdas[0] / total, lambdas[1] / total] : [0, 0];
  return { points, explained };
}
