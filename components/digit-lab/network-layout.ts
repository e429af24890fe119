// Geometry of the 3Blue1Brown-style network picture: the input as a square
// grid of pixels (when its size is a square), every other layer as a column of
// circles. Pure so it can be tested without a DOM.

export interface GridLayer {
  kind: 'grid';
  n: number;
  side: number;
  x0: number;
  y0: number;
  cell: number;
}

export interface ColumnLayer {
  kind: 'column';
  n: number;
  x: number;
  /** y of neuron 0; neuron j is at y0 + j * step. */
  y0: number;
  step: number;
  r: number;
}

export type LayerLayout = GridLayer | ColumnLayer;

export interface NetworkLayout {
  width: number;
  height: number;
  layers: LayerLayout[];
}

const PAD = 8;
/** Room right of the output column for the class labels. */
const LABEL_ROOM = 16;

export function layoutNetwork(sizes: readonly number[], width: number, height: number): NetworkLayout {
  const layers: LayerLayout[] = [];
  if (sizes.length === 0) return { width, height, layers };
  const inner = Math.max(1, height - 2 * PAD);
  let left = PAD;
  const side = Math.round(Math.sqrt(sizes[0]!));
  const gridInput = side >= 4 && side * side === sizes[0];
  if (gridInput) {
    const box = Math.min(inner, width * 0.34);
    const cell = box / side;
    layers.push({ kind: 'grid', n: sizes[0]!, side, x0: PAD, y0: (height - box) / 2, cell });
    left = PAD + box;
  }
  const columns = sizes.slice(gridInput ? 1 : 0);
  if (columns.length === 0) return { width, height, layers };
  const maxN = Math.max(...columns);
  const right = width - PAD - LABEL_ROOM;
  const span = Math.max(1, right - left);
  // Circles as large as the tallest column allows, capped so sparse columns do not balloon.
  const r = Math.max(1, Math.min(12, inner / (maxN * 2.3), span / columns.length / 5));
  // After a grid, leave one column's width for the fan of input connections.
  const first = gridInput ? left + span / columns.length : left + r;
  const last = right - r;
  columns.forEach((n, k) => {
    const x = columns.length === 1 ? last : first + ((last - first) * k) / (columns.length - 1);
    const step = Math.min(inner / n, r * 2.6);
    layers.push({ kind: 'column', n, x, y0: height / 2 - (step * (n - 1)) / 2, step, r });
  });
  return { width, height, layers };
}

/** Centre of neuron j of a layer. */
export function neuronCentre(layer: LayerLayout, j: number): { x: number; y: number } {
  if (layer.kind === 'grid') {
    const row = Math.floor(j / layer.side);
    const col = j % layer.side;
    return { x: layer.x0 + (col + 0.5) * layer.cell, y: layer.y0 + (row + 0.5) * layer.cell };
  }
  return { x: layer.x, y: layer.y0 + j * layer.step };
}

/** Which neuron is under (x, y) in CSS pixels of the drawing, if any. */
export function hitTest(layout: NetworkLayout, x: number, y: number): { layer: number; index: number } | null {
  for (let l = 0; l < layout.layers.length; l++) {
    const layer = layout.layers[l]!;
    if (layer.kind === 'grid') {
      const col = Math.floor((x - layer.x0) / layer.cell);
      const row = Math.floor((y - layer.y0) / layer.cell);
      if (col >= 0 && row >= 0 && col < layer.side && row < layer.side) return { layer: l, index: row * layer.side + col };
      continue;
    }
    const slack = layer.r + 2;
    if (Math.abs(x - layer.x) > slack) continue;
    const j = Math.round((y - layer.y0) / layer.step);
    if (j < 0 || j >= layer.n) continue;
    if (Math.hypot(x - layer.x, y - (layer.y0 + j * layer.step)) <= slack) return { layer: l, index: j };
  }
  return null;
}

/**
 * Activations as brightness in [0, 1]. Sigmoid and softmax outputs already are;
 * a layer with values above 1 (ReLU) is divided by its largest value so its
 * strongest neuron is fully lit. Negative and NaN values stay dark.
 */
export function brightness(values: ArrayLike<number>): Float32Array {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  const scale = max > 1 ? 1 / max : 1;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]! * scale;
    out[i] = v > 0 ? (v < 1 ? v : 1) : 0;
  }
  return out;
}

/**
 * Input indices of the k largest |w| for each target neuron of a [nOut, nIn]
 * row-major weight matrix, flattened as nOut rows of k.
 */
export function strongestInputs(w: ArrayLike<number>, nOut: number, nIn: number, k: number): Int32Array {
  const keep = Math.min(k, nIn);
  const out = new Int32Array(nOut * keep);
  // Insertion into a small sorted list beats sorting all 784 inputs per neuron:
  // most candidates fail the first comparison with the current k-th best.
  const best = new Float64Array(keep);
  const idx = new Int32Array(keep);
  for (let o = 0; o < nOut; o++) {
    const row = o * nIn;
    let filled = 0;
    for (let i = 0; i < nIn; i++) {
      const a = Math.abs(w[row + i]!);
      if (filled === keep && !(a > best[keep - 1]!)) continue;
      let j = filled < keep ? filled++ : keep - 1;
      while (j > 0 && best[j - 1]! < a) {
        best[j] = best[j - 1]!;
        idx[j] = idx[j - 1]!;
        j--;
      }
      best[j] = a;
      idx[j] = i;
    }
    out.set(idx, o * keep);
  }
  return out;
}
