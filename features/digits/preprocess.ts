// Strokes from the sketch pad -> a 28x28 input built the way MNIST built its
// digits (LeCun et al.): fit the ink's bounding box into 20x20 keeping the
// aspect ratio, anti-aliased, then place it in 28x28 so the intensity centre
// of mass sits at the centre. A network trained on MNIST only works on inputs
// that went through the same steps.
//
// Rather than rasterising the pad and resampling the bitmap, the strokes are
// rasterised straight into the 28x28 frame at 4x4 supersampling and
// box-filtered down: the same result as area-averaging a high-resolution
// drawing, with no intermediate image as large as the pad.
//
// Centring: MNIST shifted by whole pixels, so its centres of mass are only
// within half a pixel of the centre. Here the strokes are simply painted a
// second time with the sub-pixel offset that puts the centre of mass at the
// centre: exact, and unlike a bilinear shift it does not blur the digit.
// "Centre" means pixel index 14 on both axes (sum(i * v) / sum(v) = 14), which
// is where MNIST's own digits average out (measured on its 10,000 test images).
// One departure: the shift never pushes ink out of the frame (see keepInside).

import { paintStrokes, type GridStrokes } from '@/features/digits/raster';
import { pressureScale, type Stroke } from '@/features/digits/types';
import { DIGIT_SIDE } from '@/platform/protocol/training';

export const FIT_BOX = 20;
/** Index of the centre of mass in the output (row and column). */
export const CENTRE_INDEX = 14;
const SS = 4;
const GRID = DIGIT_SIDE * SS;

export interface PreprocessOptions {
  /** Let pen pressure widen the stroke as on the pad (default true). */
  usePressure?: boolean;
  /**
   * Draw every stroke this many output pixels wide whatever the drawing's
   * size, instead of scaling the pen with the drawing as MNIST did. Makes a
   * small and a large drawing of the same digit give the same input.
   */
  strokePx?: number;
}

export interface Preprocessed {
  /** 784 values in [0, 1], row-major, 0 = background, 1 = ink. */
  image: Float32Array;
  /** Output pixels per pad pixel. */
  scale: number;
  /** Output position (continuous, 0..28) of pad point (0, 0). */
  offsetX: number;
  offsetY: number;
}

// Reused between calls: preprocessing runs on every animation frame while drawing.
const grid = new Float32Array(GRID * GRID);

/** The 28x28 input for these strokes, or null when nothing is drawn. */
export function preprocessStrokes(strokes: readonly Stroke[], penWidth: number, options: PreprocessOptions = {}): Float32Array | null {
  return preprocessDetailed(strokes, penWidth, options)?.image ?? null;
}

/** As preprocessStrokes, plus the pad -> input mapping (to overlay the fit box or centre). */
export function preprocessDetailed(strokes: readonly Stroke[], penWidth: number, options: PreprocessOptions = {}): Preprocessed | null {
  // Below half a pad pixel a pen is a typo; tiny radii would also let a lone dot's scale overflow.
  const pen = Number.isFinite(penWidth) && penWidth > 0 ? Math.max(penWidth, 0.5) : 1;
  const s = collect(strokes, pen / 2, options.usePressure ?? true);
  if (!s) return null;

  const fixed = options.strokePx !== undefined && Number.isFinite(options.strokePx);
  let scale = fixed ? fixedWidthScale(s, Math.min(Math.max(options.strokePx!, 0.5), FIT_BOX / 2)) : 0;
  const box = inkBox(s);
  if (!fixed) scale = FIT_BOX / Math.max(box.maxX - box.minX, box.maxY - box.minY);
  // Only coordinates near the float limit get here (the box overflows to Infinity); nothing sensible to draw.
  if (!(scale > 0 && Number.isFinite(scale) && Number.isFinite(scale * (box.minX + box.maxX + box.minY + box.maxY)))) return null;

  let offsetX = DIGIT_SIDE / 2 - (scale * (box.minX + box.maxX)) / 2;
  let offsetY = DIGIT_SIDE / 2 - (scale * (box.minY + box.maxY)) / 2;
  const image = new Float32Array(DIGIT_SIDE * DIGIT_SIDE);
  render(s, scale, offsetX, offsetY, image);
  const com = centreOfMass(image);
  if (com) {
    offsetX = keepInside(offsetX + CENTRE_INDEX - com.x, scale * box.minX, scale * box.maxX);
    offsetY = keepInside(offsetY + CENTRE_INDEX - com.y, scale * box.minY, scale * box.maxY);
    render(s, scale, offsetX, offsetY, image);
  }
  return { image, scale, offsetX, offsetY };
}

/**
 * Limits a shift so the ink box [lo, hi] + offset stays in the frame. A
 * top-heavy 7 centred by mass can otherwise lose its foot off the bottom
 * (about 1% of MNIST's digits touch the border); keeping the ink is worth a
 * centre of mass a little off centre.
 */
function keepInside(offset: number, lo: number, hi: number): number {
  return Math.min(Math.max(offset, -lo), DIGIT_SIDE - hi);
}

function render(s: GridStrokes, scale: number, offsetX: number, offsetY: number, out: Float32Array): void {
  grid.fill(0);
  paintStrokes(grid, GRID, s, scale * SS, offsetX * SS, offsetY * SS);
  const inv = 1 / (SS * SS);
  for (let oy = 0; oy < DIGIT_SIDE; oy++) {
    for (let ox = 0; ox < DIGIT_SIDE; ox++) {
      let sum = 0;
      let i = oy * SS * GRID + ox * SS;
      for (let k = 0; k < SS; k++, i += GRID) sum += grid[i]! + grid[i + 1]! + grid[i + 2]! + grid[i + 3]!;
      const v = sum * inv;
      out[oy * DIGIT_SIDE + ox] = v > 1 ? 1 : v;
    }
  }
}

/** Intensity-weighted mean pixel index, or null for an empty image. */
function centreOfMass(img: Float32Array): { x: number; y: number } | null {
  let m = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < DIGIT_SIDE; y++) {
    for (let x = 0; x < DIGIT_SIDE; x++) {
      const v = img[y * DIGIT_SIDE + x]!;
      m += v;
      mx += x * v;
      my += y * v;
    }
  }
  return m > 1e-9 ? { x: mx / m, y: my / m } : null;
}

/** Finite points only, flattened; radii in pad pixels. */
function collect(strokes: readonly Stroke[], radius: number, usePressure: boolean): GridStrokes | null {
  let n = 0;
  let count = 0;
  for (const stroke of strokes) {
    let k = 0;
    for (const p of stroke) if (Number.isFinite(p.x) && Number.isFinite(p.y)) k++;
    if (k > 0) count++;
    n += k;
  }
  if (n === 0) return null;
  const out: GridStrokes = { x: new Float64Array(n), y: new Float64Array(n), r: new Float64Array(n), starts: new Int32Array(count + 1) };
  let i = 0;
  let k = 0;
  for (const stroke of strokes) {
    const first = i;
    for (const p of stroke) {
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
      out.x[i] = p.x;
      out.y[i] = p.y;
      out.r[i] = radius * (usePressure ? pressureScale(p.pressure) : 1);
      i++;
    }
    if (i > first) out.starts[k++] = first;
  }
  out.starts[count] = n;
  return out;
}

function inkBox(s: GridStrokes): { minX: number; maxX: number; minY: number; maxY: number } {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < s.x.length; i++) {
    const r = s.r[i]!;
    minX = Math.min(minX, s.x[i]! - r);
    maxX = Math.max(maxX, s.x[i]! + r);
    minY = Math.min(minY, s.y[i]! - r);
    maxY = Math.max(maxY, s.y[i]! + r);
  }
  return { minX, maxX, minY, maxY };
}

/**
 * Scale for a fixed output stroke width; rewrites the radii (pad pixels) so
 * the widest point of the pen comes out strokePx wide and pressure keeps its
 * relative effect. The centre line gets what the box has left after the pen.
 */
function fixedWidthScale(s: GridStrokes, strokePx: number): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  let widest = 0;
  for (let i = 0; i < s.x.length; i++) {
    minX = Math.min(minX, s.x[i]!);
    maxX = Math.max(maxX, s.x[i]!);
    minY = Math.min(minY, s.y[i]!);
    maxY = Math.max(maxY, s.y[i]!);
    widest = Math.max(widest, s.r[i]!);
  }
  const span = Math.max(maxX - minX, maxY - minY);
  const rOut = strokePx / 2;
  // A lone dot has no span: any scale works, pick one that keeps numbers small.
  const scale = span > 1e-9 ? (FIT_BOX - 2 * rOut) / span : 1;
  for (let i = 0; i < s.x.length; i++) s.r[i] = (rOut * (s.r[i]! / widest)) / scale;
  return scale;
}
