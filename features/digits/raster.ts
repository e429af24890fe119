// Anti-aliased thick-line rasteriser on a plain Float32Array, so preprocessing
// runs the same in a worker, a popup or Node tests (no canvas API).
//
// Each segment is a capsule: the set of points within r(t) of the segment,
// where r goes linearly from the start radius to the end radius (round caps).
// A pixel's coverage is a 1-pixel linear ramp across the edge, centred on it:
// its integral over the ramp equals the hard-edged area, so later box
// filtering keeps ink mass right.

/** Strokes in grid pixels: flat x, y, radius, and where each stroke starts. */
export interface GridStrokes {
  x: Float64Array;
  y: Float64Array;
  r: Float64Array;
  /** starts[k] is the index of stroke k's first point; starts[count] = total points. */
  starts: Int32Array;
}

/**
 * Paints every stroke into grid (size x size, row-major), keeping the max
 * coverage per pixel so overlaps at joints do not darken.
 * Coordinates map through x' = x * scale + dx before painting.
 */
export function paintStrokes(grid: Float32Array, size: number, s: GridStrokes, scale: number, dx: number, dy: number): void {
  const strokes = s.starts.length - 1;
  for (let k = 0; k < strokes; k++) {
    const first = s.starts[k]!;
    const end = s.starts[k + 1]!;
    if (end - first === 1) {
      const x = s.x[first]! * scale + dx;
      const y = s.y[first]! * scale + dy;
      const r = s.r[first]! * scale;
      paintCapsule(grid, size, x, y, r, x, y, r);
      continue;
    }
    for (let i = first; i + 1 < end; i++) {
      paintCapsule(
        grid,
        size,
        s.x[i]! * scale + dx,
        s.y[i]! * scale + dy,
        s.r[i]! * scale,
        s.x[i + 1]! * scale + dx,
        s.y[i + 1]! * scale + dy,
        s.r[i + 1]! * scale,
      );
    }
  }
}

function paintCapsule(
  grid: Float32Array,
  size: number,
  ax: number,
  ay: number,
  ar: number,
  bx: number,
  by: number,
  br: number,
): void {
  const reach = Math.max(ar, br) + 0.5;
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - reach));
  const x1 = Math.min(size - 1, Math.ceil(Math.max(ax, bx) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(ay, by) - reach));
  const y1 = Math.min(size - 1, Math.ceil(Math.max(ay, by) + reach));
  if (x0 > x1 || y0 > y1) return;
  const ex = bx - ax;
  const ey = by - ay;
  const len2 = ex * ex + ey * ey;
  // A zero-length segment is a dot; dividing by len2 would give NaN.
  const inv = len2 > 1e-12 ? 1 / len2 : 0;
  const dr = br - ar;
  // A fast diagonal flick gives long segments whose bounding box is mostly
  // empty: per row, only visit the strip within reach of the segment's line.
  const slant = Math.abs(ey) > 1e-9 ? ex / ey : 0;
  const halfStrip = Math.abs(ey) > 1e-9 ? (reach * Math.sqrt(len2)) / Math.abs(ey) : Infinity;
  for (let py = y0; py <= y1; py++) {
    const cy = py + 0.5 - ay;
    const row = py * size;
    const lineX = ax + slant * cy;
    const from = Math.max(x0, Math.floor(lineX - halfStrip - 0.5));
    const to = Math.min(x1, Math.ceil(lineX + halfStrip));
    for (let px = from; px <= to; px++) {
      const cx = px + 0.5 - ax;
      let t = (cx * ex + cy * ey) * inv;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const qx = cx - t * ex;
      const qy = cy - t * ey;
      const d2 = qx * qx + qy * qy;
      const r = ar + t * dr;
      const outer = r + 0.5;
      if (d2 >= outer * outer) continue;
      const inner = r - 0.5;
      const cov = inner > 0 && d2 <= inner * inner ? 1 : r + 0.5 - Math.sqrt(d2);
      const c = cov > 1 ? 1 : cov;
      if (c > grid[row + px]!) grid[row + px] = c;
    }
  }
}
