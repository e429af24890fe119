// Small random affine distortions of a digit (shift, rotation, scale, shear).
// Handwriting varies in exactly these ways, so showing the network slightly
// moved copies of the training images makes it depend less on exact pixel
// positions, which a 784-input MLP otherwise learns by heart.

import type { Rng } from '@/lib/rng';

export interface AugmentOptions {
  /** Maximum shift in pixels along each axis. */
  shift: number;
  /** Maximum rotation in degrees. */
  rotate: number;
  /** Maximum relative change of size, e.g. 0.1 for 90%..110%. */
  scale: number;
  /** Maximum shear factor. */
  shear: number;
}

/**
 * Writes a randomly transformed copy of the rows x cols uint8 image src
 * (starting at srcOffset) into dst (starting at dstOffset) as values in [0, 1],
 * sampling src bilinearly; outside the image counts as background.
 */
export function augmentImage(
  src: Uint8Array,
  srcOffset: number,
  dst: Float32Array | Float64Array,
  dstOffset: number,
  rows: number,
  cols: number,
  options: AugmentOptions,
  rng: Rng,
): void {
  const angle = ((2 * rng() - 1) * options.rotate * Math.PI) / 180;
  const scale = 1 + (2 * rng() - 1) * options.scale;
  const shear = (2 * rng() - 1) * options.shear;
  const tx = (2 * rng() - 1) * options.shift;
  const ty = (2 * rng() - 1) * options.shift;
  // Forward map about the centre: p' = scale * R * Shear * p + t. We need its
  // inverse, to ask for each output pixel where it comes from.
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const m00 = scale * cos;
  const m01 = scale * (cos * shear - sin);
  const m10 = scale * sin;
  const m11 = scale * (sin * shear + cos);
  const det = m00 * m11 - m01 * m10;
  const i00 = m11 / det;
  const i01 = -m01 / det;
  const i10 = -m10 / det;
  const i11 = m00 / det;
  const cx = (cols - 1) / 2;
  const cy = (rows - 1) / 2;
  const k = 1 / 255;
  for (let y = 0; y < rows; y++) {
    const dy = y - cy - ty;
    for (let x = 0; x < cols; x++) {
      const dx = x - cx - tx;
      const sx = i00 * dx + i01 * dy + cx;
      const sy = i10 * dx + i11 * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      let v = 0;
      if (x0 >= -1 && x0 < cols && y0 >= -1 && y0 < rows) {
        const inX0 = x0 >= 0;
        const inX1 = x0 + 1 < cols;
        const inY0 = y0 >= 0;
        const inY1 = y0 + 1 < rows;
        const base = srcOffset + y0 * cols + x0;
        const p00 = inX0 && inY0 ? src[base]! : 0;
        const p01 = inX1 && inY0 ? src[base + 1]! : 0;
        const p10 = inX0 && inY1 ? src[base + cols]! : 0;
        const p11 = inX1 && inY1 ? src[base + cols + 1]! : 0;
        v = (1 - fy) * ((1 - fx) * p00 + fx * p01) + fy * ((1 - fx) * p10 + fx * p11);
      }
      dst[dstOffset + y * cols + x] = v * k;
    }
  }
}
