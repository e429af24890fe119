import { useLayoutEffect, useRef } from 'preact/hooks';
import type { LabColors, Rgb } from '@/components/backprop-lab/use-colors';

export interface HeatCanvasProps {
  /** rows x cols values, row-major. */
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  /** CSS pixels per cell. */
  cell: number;
  /** |value| drawn at full strength; values beyond are clipped. */
  scale: number;
  label: string;
  testid?: string;
  /** Colour of positive values: 'down' (red, dC/dw > 0: the step lowers it) or 'up' (blue). */
  positive?: 'up' | 'down';
  colors: LabColors;
}

/**
 * A grid of signed values as coloured cells: blue one way, red the other, the background where 0.
 * Painted as one ImageData of rows x cols pixels (scaled by CSS, pixelated): a few microseconds,
 * where a fillRect per cell took milliseconds per picture on a software-rendered canvas.
 */
export function HeatCanvas({ values, rows, cols, cell, scale, label, testid, positive = 'down', colors }: HeatCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const { bg, accent, bad } = colors.rgb;
    const pos: Rgb = positive === 'down' ? bad : accent;
    const neg: Rgb = positive === 'down' ? accent : bad;
    const img = ctx.createImageData(cols, rows);
    const px = img.data;
    const inv = scale > 0 ? 1 / scale : 0;
    for (let i = 0; i < rows * cols; i++) {
      const v = values[i]!;
      const a = Number.isFinite(v) ? Math.min(1, Math.abs(v) * inv) : 0;
      const c = v > 0 ? pos : neg;
      px[4 * i] = bg[0] + (c[0] - bg[0]) * a;
      px[4 * i + 1] = bg[1] + (c[1] - bg[1]) * a;
      px[4 * i + 2] = bg[2] + (c[2] - bg[2]) * a;
      px[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [values, rows, cols, scale, colors, positive]);
  return (
    <canvas
      ref={ref}
      width={cols}
      height={rows}
      role="img"
      aria-label={label}
      data-testid={testid}
      style={{ width: `${cols * cell}px`, height: `${rows * cell}px`, imageRendering: 'pixelated', border: '1px solid var(--border)', display: 'block' }}
    />
  );
}
