import { describe, it, expect } from 'vitest';
import { rng } from '@/tests/unit/digits/image-stats';
import { brightness, hitTest, layoutNetwork, neuronCentre, strongestInputs } from '@/components/digit-lab/network-layout';

const SIZES = [784, 16, 16, 10];

describe('layoutNetwork (784 -> 16 -> 16 -> 10 in 440 x 280)', () => {
  const layout = layoutNetwork(SIZES, 440, 280);

  it('draws the input as a 28 x 28 grid and the rest as columns', () => {
    expect(layout.layers.map((l) => l.kind)).toEqual(['grid', 'column', 'column', 'column']);
    const grid = layout.layers[0]!;
    expect(grid.kind === 'grid' && grid.side).toBe(28);
  });

  it('keeps every neuron inside the drawing, columns left to right, circles apart', () => {
    let lastX = -Infinity;
    layout.layers.forEach((layer) => {
      for (let j = 0; j < layer.n; j++) {
        const { x, y } = neuronCentre(layer, j);
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(440);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(280);
      }
      const x = neuronCentre(layer, 0).x;
      expect(x).toBeGreaterThan(lastX);
      lastX = x;
      if (layer.kind === 'column') expect(layer.step).toBeGreaterThan(2 * layer.r);
    });
  });

  it('finds every neuron at its own centre, and nothing in the margin', () => {
    layout.layers.forEach((layer, l) => {
      for (let j = 0; j < layer.n; j++) {
        const { x, y } = neuronCentre(layer, j);
        expect(hitTest(layout, x, y)).toEqual({ layer: l, index: j });
      }
    });
    expect(hitTest(layout, 2, 2)).toBeNull();
    expect(hitTest(layout, 439, 279)).toBeNull();
  });

  it('maps grid cells in row-major MNIST order', () => {
    const grid = layout.layers[0]!;
    // Pixel 29 is row 1, column 1: one cell right of and one cell below pixel 0.
    const p0 = neuronCentre(grid, 0);
    const p29 = neuronCentre(grid, 29);
    expect(p29.x - p0.x).toBeCloseTo(p29.y - p0.y, 6);
    expect(p29.x).toBeGreaterThan(p0.x);
  });

  it('lays out networks without a square input as columns only', () => {
    expect(layoutNetwork([3, 5, 2], 300, 200).layers.map((l) => l.kind)).toEqual(['column', 'column', 'column']);
    expect(layoutNetwork([], 300, 200).layers).toEqual([]);
  });
});

describe('brightness', () => {
  it('keeps values already in [0, 1]', () => {
    expect(Array.from(brightness([0, 0.25, 1]))).toEqual([0, 0.25, 1]);
  });

  it('scales a ReLU layer so its largest activation is 1', () => {
    expect(Array.from(brightness([0, 2, 4]))).toEqual([0, 0.5, 1]);
  });

  it('leaves negative and NaN activations dark', () => {
    expect(Array.from(brightness([-3, NaN, 0.5]))).toEqual([0, 0, 0.5]);
  });
});

describe('strongestInputs', () => {
  it('picks the largest |w| per target neuron', () => {
    // 2 targets x 4 inputs: row 0's biggest magnitudes are inputs 3 (-5) and 1 (4); row 1's are 0 (9) and 2 (-8).
    const w = [1, 4, -2, -5, 9, 0.5, -8, 0];
    const picks = strongestInputs(w, 2, 4, 2);
    expect(Array.from(picks.subarray(0, 2)).sort()).toEqual([1, 3]);
    expect(Array.from(picks.subarray(2, 4)).sort()).toEqual([0, 2]);
  });

  it('agrees with sorting a whole row, on random weights', () => {
    const rand = rng(7);
    const w = Float32Array.from({ length: 5 * 784 }, () => rand() * 2 - 1);
    const picks = strongestInputs(w, 5, 784, 24);
    for (let o = 0; o < 5; o++) {
      const row = Array.from(w.subarray(o * 784, (o + 1) * 784), (v, i) => ({ a: Math.abs(v), i }));
      const expected = row.sort((p, q) => q.a - p.a).slice(0, 24).map((p) => p.i).sort((a, b) => a - b);
      expect(Array.from(picks.subarray(o * 24, (o + 1) * 24)).sort((a, b) => a - b)).toEqual(expected);
    }
  });
});
