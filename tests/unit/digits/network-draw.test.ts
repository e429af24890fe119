import { describe, it, expect } from 'vitest';
import { drawConnections, drawNeurons, type Ctx2D } from '@/components/digit-lab/network-draw';
import { layoutNetwork } from '@/components/digit-lab/network-layout';
import type { ThemeColors } from '@/components/digit-lab/theme-colors';

const COLORS: ThemeColors = { bg: '#fff', fg: '#000', muted: '#555', border: '#ccc', accent: '#00f', bad: '#f00' };
const SIZES = [784, 16, 16, 10];

/** Counts drawing calls; enough of a 2D context for the painters. */
function recorder() {
  const calls: Record<string, number> = {};
  const count = (name: string) => () => {
    calls[name] = (calls[name] ?? 0) + 1;
  };
  const ctx: Ctx2D = {
    beginPath: count('beginPath'),
    moveTo: count('moveTo'),
    lineTo: count('lineTo'),
    arc: count('arc'),
    fill: count('fill'),
    stroke: count('stroke'),
    fillRect: count('fillRect'),
    strokeRect: count('strokeRect'),
    fillText: count('fillText'),
    clearRect: count('clearRect'),
    fillStyle: '',
    strokeStyle: '',
    globalAlpha: 1,
    lineWidth: 1,
    font: '',
    textAlign: 'left',
    textBaseline: 'alphabetic',
  };
  return { ctx, calls };
}

function activations(litPixels: number): Float32Array[] {
  const input = new Float32Array(784);
  for (let i = 0; i < litPixels; i++) input[i * 7] = 0.5;
  return [input, new Float32Array(16).fill(0.3), new Float32Array(16).fill(0.6), Float32Array.from({ length: 10 }, (_, i) => (i === 3 ? 0.9 : 0.01))];
}

function weights(): Float32Array[] {
  const w = [new Float32Array(0)];
  for (let l = 1; l < SIZES.length; l++) w.push(Float32Array.from({ length: SIZES[l]! * SIZES[l - 1]! }, (_, i) => Math.sin(i + l)));
  return w;
}

describe('drawNeurons', () => {
  const layout = layoutNetwork(SIZES, 440, 280);

  it('paints only lit pixels of the input grid, on one background rectangle', () => {
    const { ctx, calls } = recorder();
    drawNeurons(ctx, layout, activations(100), COLORS);
    expect(calls.fillRect).toBe(1 + 100);
    // 42 circles, all lit here, each traced three times: opaque background, light, outline.
    expect(calls.arc).toBe(42 * 3);
    expect(calls.fillText).toBe(10);
  });

  it('draws an empty network when activations are missing or the wrong size', () => {
    const { ctx, calls } = recorder();
    drawNeurons(ctx, layout, [new Float32Array(5)], COLORS);
    expect(calls.fillRect).toBe(1);
    expect(calls.arc).toBe(42 * 2);
  });
});

describe('drawConnections', () => {
  const layout = layoutNetwork(SIZES, 440, 280);
  const lines = (mode: 'none' | 'strongest' | 'all') => {
    const { ctx, calls } = recorder();
    drawConnections(ctx, layout, weights(), COLORS, mode);
    return { lines: calls.lineTo ?? 0, strokes: calls.stroke ?? 0 };
  };

  it('draws every weight in "all" mode: 784*16 + 16*16 + 16*10 lines', () => {
    expect(lines('all').lines).toBe(784 * 16 + 16 * 16 + 16 * 10);
  });

  it('keeps 24 inputs per first-layer neuron in "strongest" mode', () => {
    expect(lines('strongest').lines).toBe(24 * 16 + 16 * 16 + 16 * 10);
  });

  it('batches lines into a few strokes per layer and draws none in "none" mode', () => {
    // 3 weight layers x 2 signs x 4 opacity steps.
    expect(lines('all').strokes).toBe(3 * 2 * 4);
    expect(lines('none').lines).toBe(0);
  });

  it('skips layers whose weights are missing or misshapen', () => {
    const { ctx, calls } = recorder();
    drawConnections(ctx, layout, [new Float32Array(0), undefined, new Float32Array(3), weights()[3]], COLORS, 'all');
    expect(calls.lineTo).toBe(16 * 10);
  });
});
