import { themeColors } from '@/components/digit-lab/theme-colors';
import { pressureScale, type Point } from '@/features/digits/types';

// The pad's ink on its canvas: pure painting, no state; the strokes live in useStrokes.

/** The canvas's 2D context in CSS pixels of the pad, sized to the current pixel ratio and inked in the theme's color. */
export function padContext(canvas: HTMLCanvasElement | null, side: number): CanvasRenderingContext2D | null {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return null;
  const dpr = window.devicePixelRatio || 1;
  const px = Math.round(side * dpr);
  // Checked on every use: the window may have moved to a screen with another pixel ratio.
  if (canvas.width !== px || canvas.height !== px) {
    canvas.width = px;
    canvas.height = px;
  }
  ctx.setTransform(px / side, 0, 0, px / side, 0, 0);
  const ink = themeColors(canvas).fg;
  ctx.strokeStyle = ink;
  ctx.fillStyle = ink;
  ctx.lineCap = 'round';
  return ctx;
}

/** One segment a → b of a stroke (a dot where a === b), its width following the pen's pressure. */
export function paintSegment(ctx: CanvasRenderingContext2D, a: Point, b: Point, penWidth: number): void {
  if (a === b) {
    ctx.beginPath();
    ctx.arc(a.x, a.y, (penWidth * pressureScale(a.pressure)) / 2, 0, 2 * Math.PI);
    ctx.fill();
    return;
  }
  ctx.lineWidth = (penWidth * (pressureScale(a.pressure) + pressureScale(b.pressure))) / 2;
  ctx.beginPath();
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(b.x, b.y);
  ctx.stroke();
}

/** Everything anew: the background image while nothing is drawn, then every stroke. */
export function paintPad(
  ctx: CanvasRenderingContext2D,
  side: number,
  strokes: readonly Point[][],
  background: Float32Array | null,
  penWidth: number,
): void {
  ctx.clearRect(0, 0, side, side);
  if (strokes.length === 0 && background) paintBackground(ctx, background, side);
  for (const s of strokes) {
    if (s.length === 1) paintSegment(ctx, s[0]!, s[0]!, penWidth);
    for (let i = 1; i < s.length; i++) paintSegment(ctx, s[i - 1]!, s[i]!, penWidth);
  }
}

/** A 28x28 image as square cells of ink, what the network would see, under the first stroke. */
function paintBackground(ctx: CanvasRenderingContext2D, image: Float32Array, side: number): void {
  const n = Math.round(Math.sqrt(image.length));
  if (n * n !== image.length || n === 0) return;
  const cell = side / n;
  const alpha = ctx.globalAlpha;
  for (let i = 0; i < image.length; i++) {
    const v = image[i]!;
    if (!(v > 0)) continue;
    ctx.globalAlpha = Math.min(v, 1);
    ctx.fillRect((i % n) * cell, Math.floor(i / n) * cell, cell + 0.5, cell + 0.5);
  }
  ctx.globalAlpha = alpha;
}
