// Measurements on 28x28 images, written independently of the preprocessor so
// tests check its output rather than restate its code.
import type { Point, Stroke } from '@/features/digits/types';

export const SIDE = 28;

export function mass(img: Float32Array): number {
  let m = 0;
  for (const v of img) m += v;
  return m;
}

/** Intensity-weighted mean (column, row) index. */
export function centre(img: Float32Array): { x: number; y: number } {
  let m = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const v = img[y * SIDE + x]!;
      m += v;
      mx += v * x;
      my += v * y;
    }
  }
  return { x: mx / m, y: my / m };
}

/** Rows / columns holding any ink above the threshold: first, last, count. */
export function extent(img: Float32Array, axis: 'x' | 'y', threshold = 0.02): { first: number; last: number; span: number } {
  let first = SIDE;
  let last = -1;
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      if (img[y * SIDE + x]! <= threshold) continue;
      const i = axis === 'x' ? x : y;
      first = Math.min(first, i);
      last = Math.max(last, i);
    }
  }
  return { first, last, span: last - first + 1 };
}

/**
 * Continuous width of the ink along an axis: the sum over columns (or rows)
 * of the strongest pixel in it. An edge cutting a pixel in half leaves 0.5
 * there, so for shapes whose every column holds at least one fully inked
 * pixel this is the true width to within a small fraction of a pixel.
 */
export function softExtent(img: Float32Array, axis: 'x' | 'y'): number {
  let total = 0;
  for (let i = 0; i < SIDE; i++) {
    let best = 0;
    for (let j = 0; j < SIDE; j++) best = Math.max(best, axis === 'x' ? img[j * SIDE + i]! : img[i * SIDE + j]!);
    total += best;
  }
  return total;
}

export function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

export function transform(strokes: Stroke[], scale: number, dx: number, dy: number): Point[][] {
  return strokes.map((s) => s.map((p) => ({ ...p, x: p.x * scale + dx, y: p.y * scale + dy })));
}

/** A polyline through the corners, with a point every `step` pad pixels, like pointer events. */
export function polyline(corners: Array<[number, number]>, step = 4): Point[] {
  const out: Point[] = [];
  for (let i = 0; i + 1 < corners.length; i++) {
    const [ax, ay] = corners[i]!;
    const [bx, by] = corners[i + 1]!;
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
    for (let k = 0; k < n; k++) out.push({ x: ax + ((bx - ax) * k) / n, y: ay + ((by - ay) * k) / n });
  }
  const [lx, ly] = corners[corners.length - 1]!;
  out.push({ x: lx, y: ly });
  return out;
}

/** An ellipse sampled like a pointer would, starting at the top. */
export function ellipse(cx: number, cy: number, rx: number, ry: number, points = 80): Point[] {
  return Array.from({ length: points + 1 }, (_, i) => {
    const a = (i / points) * 2 * Math.PI - Math.PI / 2;
    return { x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a) };
  });
}

/** Deterministic PRNG so failures reproduce. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
