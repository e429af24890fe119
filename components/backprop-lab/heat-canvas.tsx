import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { themeColors } from '@/components/digit-lab/theme-colors';
import { onThemeChange } from '@/components/shared/theme';

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
}

/**
 * A grid of signed values as coloured cells on a canvas: blue one way, red the other, the
 * background where 0. One fillRect per cell on a canvas of rows x cols pixels, scaled by CSS.
 */
export function HeatCanvas({ values, rows, cols, cell, scale, label, testid, positive = 'down' }: HeatCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => onThemeChange(() => setTick((n) => n + 1)), []);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const c = themeColors(canvas);
    const posColor = positive === 'down' ? c.bad : c.accent;
    const negColor = positive === 'down' ? c.accent : c.bad;
    ctx.globalAlpha = 1;
    ctx.fillStyle = c.bg;
    ctx.fillRect(0, 0, cols, rows);
    const inv = scale > 0 ? 1 / scale : 0;
    for (let i = 0; i < rows * cols; i++) {
      const v = values[i]!;
      if (!(v !== 0) || !Number.isFinite(v)) continue;
      ctx.globalAlpha = Math.min(1, Math.abs(v) * inv);
      ctx.fillStyle = v > 0 ? posColor : negColor;
      ctx.fillRect(i % cols, Math.floor(i / cols), 1, 1);
    }
    ctx.globalAlpha = 1;
  }, [values, rows, cols, scale, tick, positive]);
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
