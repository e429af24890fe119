// Expected numbers come from geometry, not from running the code: a capsule of
// length L and pen width w covers L*w + pi*(w/2)^2 pad pixels, and the fit
// multiplies areas by scale^2 where scale = 20 / (long side of the ink box).

import { describe, it, expect } from 'vitest';
import { preprocessStrokes, preprocessDetailed } from '@/features/digits/preprocess';
import type { Point } from '@/features/digits/types';
import { centre, ellipse, extent, mass, maxAbsDiff, polyline, softExtent, transform, rng } from '@/tests/unit/digits/image-stats';

const PEN = 20;
const ONE = [polyline([[140, 40], [140, 240]])];
/** A 7 in a 100x100 local box: bar across the top, diagonal down to the bottom left. */
const SEVEN_LOCAL = [polyline([[0, 0], [100, 0], [35, 100]])];

function expectWellFormed(img: Float32Array | null): asserts img is Float32Array {
  expect(img).toBeInstanceOf(Float32Array);
  expect(img!.length).toBe(784);
  // One assertion for all 784 values: per-value expects make the scribble test slow.
  const bad = Array.from(img!).filter((v) => !(Number.isFinite(v) && v >= 0 && v <= 1));
  expect(bad).toEqual([]);
}

describe('blank input', () => {
  it('returns null when nothing is drawn', () => {
    expect(preprocessStrokes([], PEN)).toBeNull();
    expect(preprocessStrokes([[]], PEN)).toBeNull();
    expect(preprocessStrokes([[], []], PEN)).toBeNull();
  });

  it('treats strokes of only non-finite points as blank', () => {
    expect(preprocessStrokes([[{ x: NaN, y: 3 }, { x: 4, y: Infinity }]], PEN)).toBeNull();
  });
});

describe('a vertical stroke (a "1")', () => {
  const img = preprocessStrokes(ONE, PEN);

  it('is well formed', () => expectWellFormed(img));

  it('has its centre of mass at (14, 14)', () => {
    const c = centre(img!);
    expect(Math.abs(c.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(c.y - 14)).toBeLessThanOrEqual(0.5);
    // Sub-pixel centring should do much better than MNIST's half pixel.
    expect(Math.abs(c.x - 14)).toBeLessThan(0.1);
    expect(Math.abs(c.y - 14)).toBeLessThan(0.1);
  });

  it('is 20 pixels tall and as thin as the pen scaled by 20/220', () => {
    const rows = extent(img!, 'y');
    expect(rows.span).toBeGreaterThanOrEqual(19);
    expect(rows.span).toBeLessThanOrEqual(21);
    // 220 pad px -> 20 output px, so the 20 px pen becomes 1.82 px: 2 or 3 columns.
    const cols = extent(img!, 'x');
    expect(cols.span).toBeGreaterThanOrEqual(2);
    expect(cols.span).toBeLessThanOrEqual(3);
    expect(softExtent(img!, 'x')).toBeCloseTo(20 / 11, 0);
  });

  it('keeps the ink area: (200 * 20 + pi * 10^2) * (20/220)^2 = 35.65', () => {
    expect(mass(img!)).toBeGreaterThan(35.65 - 0.5);
    expect(mass(img!)).toBeLessThan(35.65 + 0.5);
  });
});

describe('aspect ratio', () => {
  it('fits a 240x140 ink box (rectangle outline) as 20 x 11.67', () => {
    // Pen 40 so the bars come out 40 * 20/240 = 3.3 px thick: every column and
    // row then crosses at least one fully inked pixel, which softExtent needs.
    const rect = [polyline([[40, 90], [240, 90], [240, 190], [40, 190], [40, 90]])];
    const img = preprocessStrokes(rect, 40);
    expectWellFormed(img);
    expect(softExtent(img, 'x')).toBeGreaterThan(20 - 0.2);
    expect(softExtent(img, 'x')).toBeLessThan(20 + 0.2);
    expect(softExtent(img, 'y')).toBeGreaterThan(11.67 - 0.2);
    expect(softExtent(img, 'y')).toBeLessThan(11.67 + 0.2);
  });

  it('keeps a horizontal line 20 wide and 1.8 tall', () => {
    const img = preprocessStrokes([polyline([[40, 140], [240, 140]])], PEN);
    expectWellFormed(img);
    expect(extent(img, 'x').span).toBeGreaterThanOrEqual(19);
    expect(extent(img, 'x').span).toBeLessThanOrEqual(21);
    expect(softExtent(img, 'y')).toBeGreaterThan(1.82 - 0.2);
    expect(softExtent(img, 'y')).toBeLessThan(1.82 + 0.2);
  });

  it('fits a tall ellipse by its height', () => {
    // Ink box: (2*40 + 20) x (2*90 + 20) = 100 x 200, so 10 x 20 out.
    const img = preprocessStrokes([ellipse(140, 140, 40, 90)], PEN);
    expectWellFormed(img);
    expect(softExtent(img, 'y')).toBeGreaterThan(19.5);
    expect(softExtent(img, 'y')).toBeLessThan(20.3);
    expect(softExtent(img, 'x')).toBeGreaterThan(9.5);
    expect(softExtent(img, 'x')).toBeLessThan(10.3);
  });
});

describe('orientation (MNIST: row-major, row 0 at the top, column 0 at the left)', () => {
  it('puts an L\'s foot at the bottom and its back at the left', () => {
    const img = preprocessStrokes([polyline([[80, 40], [80, 240], [200, 240]])], PEN)!;
    const rowSums = Array.from({ length: 28 }, (_, y) => img.slice(y * 28, y * 28 + 28).reduce((a, b) => a + b, 0));
    const colSums = Array.from({ length: 28 }, (_, x) => rowSums.reduce((a, _r, y) => a + img[y * 28 + x]!, 0));
    expect(rowSums.indexOf(Math.max(...rowSums))).toBeGreaterThan(14);
    expect(colSums.indexOf(Math.max(...colSums))).toBeLessThan(14);
  });
});

describe('invariances', () => {
  const base = preprocessStrokes(transform(SEVEN_LOCAL, 1, 20, 20), PEN)!;

  it('gives the same input wherever on the pad the digit is drawn', () => {
    for (const [dx, dy] of [[160, 20], [20, 160], [160, 160], [90, 90]] as const) {
      const moved = preprocessStrokes(transform(SEVEN_LOCAL, 1, dx, dy), PEN)!;
      expect(maxAbsDiff(base, moved)).toBeLessThan(1e-3);
    }
  });

  it('gives the same input for a bigger drawing with a proportionally bigger pen', () => {
    const big = preprocessStrokes(transform(SEVEN_LOCAL, 2.2, 20, 20), PEN * 2.2)!;
    expect(maxAbsDiff(base, big)).toBeLessThan(1e-3);
  });

  it('with the same pen, a small drawing gets relatively thicker strokes (as in MNIST)', () => {
    const big = preprocessStrokes(transform(SEVEN_LOCAL, 2.2, 20, 20), PEN)!;
    expect(mass(base)).toBeGreaterThan(1.3 * mass(big));
  });

  it('with strokePx, drawing size no longer matters', () => {
    const small = preprocessStrokes(transform(SEVEN_LOCAL, 1, 20, 20), PEN, { strokePx: 2 })!;
    const big = preprocessStrokes(transform(SEVEN_LOCAL, 2.2, 40, 10), PEN, { strokePx: 2 })!;
    expect(maxAbsDiff(small, big)).toBeLessThan(1e-3);
    // The 100 px tall 7 becomes 20 - 2 = 18 px of centre line plus a 1 px radius each end.
    expect(extent(small, 'y').span).toBeGreaterThanOrEqual(19);
    expect(extent(small, 'y').span).toBeLessThanOrEqual(21);
  });

  it('centres an off-centre shape by its mass, not its box', () => {
    const c = centre(base);
    expect(Math.abs(c.x - 14)).toBeLessThan(0.1);
    expect(Math.abs(c.y - 14)).toBeLessThan(0.1);
    // The top bar pulls the centre of mass up, so the box sits lower than centred: ink reaches lower rows than upper.
    const rows = extent(base, 'y');
    expect(27 - rows.last).toBeLessThan(rows.first);
  });
});

describe('frame edges', () => {
  it('never pushes ink out of the frame when centring a top-heavy shape', () => {
    // A solid 200 x 60 block over a 200 px stem: ink box 220 x 280 (pen 20), so
    // scale 20/280 and the box is 20 rows tall. The block holds most of the
    // mass, so its centre of mass sits about 5 rows above the box's middle;
    // moving it to row 14 would push the stem's foot ~1.5 rows off the bottom.
    const block = Array.from({ length: 16 }, (_, k) => polyline([[40, 30 + 4 * k], [240, 30 + 4 * k]]));
    const strokes = [...block, polyline([[140, 90], [140, 290]])];
    const img = preprocessStrokes(strokes, PEN)!;
    const rows = extent(img, 'y');
    expect(rows.last).toBe(27);
    expect(rows.span).toBeGreaterThanOrEqual(20);
    expect(img.slice(27 * 28, 28 * 28).some((v) => v > 0.3)).toBe(true);
    // Kept inside, the centre of mass stays above the middle.
    expect(centre(img).y).toBeLessThan(13.5);
  });
});

describe('pressure', () => {
  const light = preprocessStrokes(ONE, PEN)!;
  const hard = ONE.map((s) => s.map((p): Point => ({ ...p, pressure: 1 })));

  it('widens the stroke with a hard press', () => {
    // Pen 30: ink box 30 x 230, so the stroke is 30 * 20/230 = 2.6 px wide instead of 1.82.
    const img = preprocessStrokes(hard, PEN)!;
    expect(softExtent(img, 'x')).toBeGreaterThan(2.3);
    expect(mass(img)).toBeGreaterThan(mass(light) * 1.25);
  });

  it('can be ignored', () => {
    expect(maxAbsDiff(preprocessStrokes(hard, PEN, { usePressure: false })!, light)).toBe(0);
  });
});

describe('degenerate input', () => {
  it('turns a single dot into a centred disc filling the box: area pi * 10^2', () => {
    const img = preprocessStrokes([[{ x: 7, y: 250 }]], PEN);
    expectWellFormed(img);
    expect(mass(img)).toBeGreaterThan(Math.PI * 100 - 3);
    expect(mass(img)).toBeLessThan(Math.PI * 100 + 3);
    expect(centre(img).x).toBeCloseTo(14, 1);
    expect(centre(img).y).toBeCloseTo(14, 1);
  });

  it('handles repeated points, zero or invalid pen widths and stray non-finite points', () => {
    const cases: Array<[Point[][], number]> = [
      [[[{ x: 10, y: 10 }, { x: 10, y: 10 }, { x: 10, y: 10 }]], PEN],
      [[[{ x: 10, y: 10 }]], 0],
      [[[{ x: 10, y: 10 }, { x: 50, y: 10 }]], -5],
      [[[{ x: 10, y: 10 }, { x: 10, y: 90 }]], NaN],
      [[[{ x: 10, y: 10 }, { x: NaN, y: 20 }, { x: 60, y: 70 }]], PEN],
      [[[{ x: 1e9, y: -1e9 }, { x: -1e9, y: 1e9 }]], PEN],
      [[[{ x: 0, y: 0, pressure: NaN }, { x: 0, y: 0.001, pressure: -1 }]], PEN],
    ];
    for (const [strokes, pen] of cases) expectWellFormed(preprocessStrokes(strokes, pen));
  });

  it('gives up (null, not NaN) on coordinates near the float limit', () => {
    const img = preprocessStrokes([[{ x: 1e308, y: 1e308 }, { x: -1e308, y: 5 }]], PEN);
    if (img !== null) expectWellFormed(img);
    expect(preprocessStrokes([[{ x: 1.7e308, y: 0 }, { x: 1.7e308, y: 10 }]], 1e-320)).toBeNull();
  });

  it('never crashes on 100 random scribbles', () => {
    const rand = rng(20261122);
    for (let n = 0; n < 100; n++) {
      const strokes: Point[][] = [];
      const count = 1 + Math.floor(rand() * 4);
      for (let k = 0; k < count; k++) {
        const len = 1 + Math.floor(rand() * 60);
        strokes.push(
          Array.from({ length: len }, () => ({
            x: rand() * 380 - 50,
            y: rand() * 380 - 50,
            ...(rand() < 0.3 ? { pressure: rand() } : {}),
          })),
        );
      }
      const img = preprocessStrokes(strokes, 0.5 + rand() * 40, rand() < 0.5 ? {} : { strokePx: 1 + rand() * 3 });
      expectWellFormed(img);
      expect(mass(img)).toBeGreaterThan(0);
    }
  });
});

describe('preprocessDetailed', () => {
  it('reports the pad -> input mapping', () => {
    const d = preprocessDetailed(ONE, PEN)!;
    expect(d.scale).toBeCloseTo(20 / 220, 6);
    // The stroke's centre line x = 140 lands on the centre pixel's middle, 14.5.
    expect(140 * d.scale + d.offsetX).toBeCloseTo(14.5, 1);
  });
});
