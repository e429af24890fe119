// Where the Backprop lab's network picture puts things, in SVG user units: the input as a 28x28
// picture on the left, each later layer a column of circles. Pure, so the hit test can be tested.

export const VIEW_W = 300;
export const VIEW_H = 230;
export const IMG = { x: 2, size: 84 } as const;
export const NEURON_R = 4.5;
/** Input pixels drawn per first-layer neuron: its largest gradients. */
export const INPUT_LINKS = 6;

export interface Link {
  /** Weight layer: W^(l) connects layer l-1 to layer l. */
  l: number;
  /** Neuron in layer l. */
  j: number;
  /** Neuron in layer l-1 (a pixel index for l = 1). */
  k: number;
}

export interface Point {
  x: number;
  y: number;
}

const COLUMN_X = [0, 130, 200, 262];

export function imageTop(): number {
  return (VIEW_H - IMG.size) / 2;
}

/** Centre of neuron j of layer l (l >= 1), or of pixel j for l = 0. Columns beyond three share the space. */
export function neuronAt(sizes: readonly number[], l: number, j: number): Point {
  if (l === 0) {
    const side = Math.round(Math.sqrt(sizes[0]!));
    const cell = IMG.size / side;
    return { x: IMG.x + ((j % side) + 0.5) * cell, y: imageTop() + (Math.floor(j / side) + 0.5) * cell };
  }
  const L = sizes.length - 1;
  const x = L === 3 ? COLUMN_X[l]! : 130 + ((262 - 130) * (l - 1)) / Math.max(1, L - 1);
  const n = sizes[l]!;
  const step = Math.min(13, (VIEW_H - 16) / n);
  return { x, y: VIEW_H / 2 - (step * (n - 1)) / 2 + j * step };
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const u = len2 > 0 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  return Math.hypot(p.x - (a.x + u * dx), p.y - (a.y + u * dy));
}

/** The drawn link nearest to p, if one is within `slack` units. */
export function nearestLink(sizes: readonly number[], links: readonly Link[], p: Point, slack = 4): Link | null {
  let best: Link | null = null;
  let bestD = slack;
  for (const link of links) {
    const d = segmentDistance(p, neuronAt(sizes, link.l - 1, link.k), neuronAt(sizes, link.l, link.j));
    if (d < bestD) {
      bestD = d;
      best = link;
    }
  }
  return best;
}

/** The links drawn for a gradient: every nonzero one between hidden and output layers, the largest few per first-layer neuron. */
export function drawnLinks(sizes: readonly number[], gradW: readonly ArrayLike<number>[]): Link[] {
  const links: Link[] = [];
  const L = sizes.length - 1;
  for (let l = 1; l <= L; l++) {
    const nIn = sizes[l - 1]!;
    const g = gradW[l]!;
    for (let j = 0; j < sizes[l]!; j++) {
      if (l === 1 && nIn > 64) {
        const row: number[] = [];
        for (let k = 0; k < nIn; k++) if (g[j * nIn + k] !== 0) row.push(k);
        row.sort((x, y) => Math.abs(g[j * nIn + y]!) - Math.abs(g[j * nIn + x]!));
        for (const k of row.slice(0, INPUT_LINKS)) links.push({ l, j, k });
        continue;
      }
      for (let k = 0; k < nIn; k++) if (g[j * nIn + k] !== 0) links.push({ l, j, k });
    }
  }
  return links;
}
