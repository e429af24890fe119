import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { themeColors } from '@/components/digit-lab/theme-colors';
import { onThemeChange } from '@/components/shared/theme';
import { DIGIT_SIDE } from '@/platform/protocol/training';

export interface InputPreviewProps {
  /** 784 values in [0, 1] (row-major 28x28), or null for a blank pad. */
  image: Float32Array | null;
  /** CSS pixels per input pixel (default 4: 112x112). */
  zoom?: number;
  /** Accessible description, e.g. "What the network sees: 28x28 pixels". */
  label?: string;
}

/** The 28x28 network input, enlarged with square pixels so the student sees exactly what the network sees. */
export function InputPreview({ image, zoom = 4, label = 'Network input, 28 by 28 pixels' }: InputPreviewProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [themeTick, setThemeTick] = useState(0);

  useEffect(() => onThemeChange(() => setThemeTick((n) => n + 1)), []);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    // The backing store is 28x28 and CSS scales it with image-rendering: pixelated,
    // which stays crisp at any devicePixelRatio.
    const colors = themeColors(canvas);
    ctx.globalAlpha = 1;
    ctx.fillStyle = colors.bg;
    ctx.fillRect(0, 0, DIGIT_SIDE, DIGIT_SIDE);
    if (!image) return;
    ctx.fillStyle = colors.fg;
    for (let i = 0; i < DIGIT_SIDE * DIGIT_SIDE; i++) {
      const v = image[i]!;
      if (!(v > 0)) continue;
      ctx.globalAlpha = Math.min(v, 1);
      ctx.fillRect(i % DIGIT_SIDE, Math.floor(i / DIGIT_SIDE), 1, 1);
    }
    ctx.globalAlpha = 1;
  }, [image, themeTick]);

  const px = DIGIT_SIDE * zoom;
  return (
    <canvas
      ref={canvasRef}
      data-testid="digit-input"
      data-blank={image ? undefined : 'true'}
      width={DIGIT_SIDE}
      height={DIGIT_SIDE}
      role="img"
      aria-label={label}
      style={{
        width: `${px}px`,
        height: `${px}px`,
        display: 'block',
        imageRendering: 'pixelated',
        border: '1px solid var(--border)',
        borderRadius: '4px',
      }}
    />
  );
}
