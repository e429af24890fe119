import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { themeColors } from '@/components/digit-lab/theme-colors';
import { onThemeChange } from '@/components/shared/theme';
import { PAD_SIZE, PEN_WIDTH, pressureScale, type Point, type Stroke } from '@/features/digits/types';

export interface SketchPadLabels {
  /** Accessible name of the drawing surface. */
  pad: string;
  undo: string;
  clear: string;
}

export interface SketchPadProps {
  /**
   * Every stroke so far, on every pointer event (and after undo or clear), with
   * the time of the event that caused it (performance.now() clock), so callers
   * can measure input-to-update latency from the real event.
   */
  onChange: (strokes: readonly Stroke[], eventTime: number) => void;
  /** Side in CSS pixels; at least 280 so a finger can draw. */
  size?: number;
  /** Pen diameter in CSS pixels; give the preprocessor the same value. */
  penWidth?: number;
  labels?: Partial<SketchPadLabels>;
  /**
   * A 28x28 input (values in [0, 1]) shown enlarged while nothing is drawn: a digit that came from
   * elsewhere (an MNIST image, the popup's drawing). The first stroke replaces it.
   */
  background?: Float32Array | null;
}

const DEFAULT_LABELS: SketchPadLabels = { pad: 'Drawing pad: draw a digit', undo: 'Undo', clear: 'Clear' };

/** Square drawing pad for mouse, touch and pen; strokes in CSS pixels of the pad. */
export function SketchPad({ onChange, size = PAD_SIZE, penWidth = PEN_WIDTH, labels, background = null }: SketchPadProps) {
  const side = Math.max(PAD_SIZE, size);
  const text = { ...DEFAULT_LABELS, ...labels };
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // Strokes live in refs: pointer moves must not re-render the component.
  const strokes = useRef<Point[][]>([]);
  const active = useRef<{ id: number; stroke: Point[] } | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [count, setCount] = useState(0);

  // Emitted at once, not once per frame: the classifier is fast enough, and
  // the bars can then change in the same frame as the ink.
  const emit = (eventTime = performance.now()) => {
    // Finished strokes are never mutated, so only the one being drawn needs copying.
    const live = active.current?.stroke;
    onChangeRef.current(strokes.current.map((s) => (s === live ? s.slice() : s)), eventTime);
  };

  const context = (): CanvasRenderingContext2D | null => {
    const canvas = canvasRef.current;
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
  };

  const paint = (ctx: CanvasRenderingContext2D, a: Point, b: Point) => {
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
  };

  const redraw = () => {
    const ctx = context();
    if (!ctx) return;
    ctx.clearRect(0, 0, side, side);
    if (strokes.current.length === 0 && background) paintBackground(ctx, background, side);
    for (const s of strokes.current) {
      if (s.length === 1) paint(ctx, s[0]!, s[0]!);
      for (let i = 1; i < s.length; i++) paint(ctx, s[i - 1]!, s[i]!);
    }
  };

  useLayoutEffect(redraw, [side, penWidth, background]);
  const redrawRef = useRef(redraw);
  redrawRef.current = redraw;

  useEffect(() => {
    // Repaint in the new ink color when the theme flips, and at a new pixel ratio.
    const repaint = () => redrawRef.current();
    const stopTheme = onThemeChange(repaint);
    const ratio = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    ratio.addEventListener('change', repaint);
    return () => {
      stopTheme();
      ratio.removeEventListener('change', repaint);
    };
  }, []);

  const toPoint = (e: PointerEvent): Point => {
    const rect = canvasRef.current!.getBoundingClientRect();
    const p: Point = {
      x: ((e.clientX - rect.left) * side) / (rect.width || side),
      y: ((e.clientY - rect.top) * side) / (rect.height || side),
      t: e.timeStamp,
    };
    // Mice report a constant 0.5; pens and force touch report real pressure.
    if (e.pointerType !== 'mouse' && e.pressure > 0) p.pressure = e.pressure;
    return p;
  };

  const onPointerDown = (e: JSX.TargetedPointerEvent<HTMLCanvasElement>) => {
    if (active.current || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    try {
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      // Capture can fail for a pointer that already went away; drawing still works inside the pad.
    }
    const first = toPoint(e);
    const stroke = [first];
    const wasEmpty = strokes.current.length === 0;
    strokes.current.push(stroke);
    active.current = { id: e.pointerId, stroke };
    if (wasEmpty && background) redraw();
    const ctx = context();
    if (ctx) paint(ctx, first, first);
    setCount(strokes.current.length);
    emit(e.timeStamp);
  };

  /** True where the browser delivers `pointerrawupdate` (Chromium): moves are then taken from it. */
  const raw = useRef(false);

  const move = (e: PointerEvent) => {
    const a = active.current;
    if (!a || e.pointerId !== a.id) return;
    // Coalesced events keep fast curves smooth where the browser batches moves per frame.
    const coalesced = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    const events = coalesced.length > 0 ? coalesced : [e];
    const ctx = context();
    for (const ev of events) {
      const p = toPoint(ev);
      const last = a.stroke[a.stroke.length - 1]!;
      if (Math.abs(p.x - last.x) < 0.5 && Math.abs(p.y - last.y) < 0.5) continue;
      a.stroke.push(p);
      if (ctx) paint(ctx, last, p);
    }
    emit(e.timeStamp);
  };

  const moveRef = useRef(move);
  moveRef.current = move;

  // Chromium aligns `pointermove` to animation frames, so a move waits up to a frame before any
  // handler sees it; that wait was most of the pad's stroke-to-bars latency. `pointerrawupdate`
  // arrives as soon as the input does, so the ink and the bars can change in the next frame.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !('onpointerrawupdate' in canvas)) return;
    raw.current = true;
    const onRaw = (e: Event) => moveRef.current(e as PointerEvent);
    canvas.addEventListener('pointerrawupdate', onRaw);
    return () => {
      raw.current = false;
      canvas.removeEventListener('pointerrawupdate', onRaw);
    };
  }, []);

  const onPointerMove = (e: JSX.TargetedPointerEvent<HTMLCanvasElement>) => {
    if (!raw.current) move(e);
  };

  const end = (e: JSX.TargetedPointerEvent<HTMLCanvasElement>) => {
    if (!active.current || e.pointerId !== active.current.id) return;
    active.current = null;
    emit(e.timeStamp);
  };

  const undo = () => {
    if (strokes.current.length === 0) return;
    const removed = strokes.current.pop();
    if (active.current?.stroke === removed) active.current = null;
    redraw();
    setCount(strokes.current.length);
    emit();
  };

  const clear = () => {
    if (strokes.current.length === 0) return;
    strokes.current = [];
    active.current = null;
    redraw();
    setCount(0);
    emit();
  };

  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLCanvasElement>) => {
    if ((e.key === 'z' && (e.ctrlKey || e.metaKey)) || e.key === 'Backspace') {
      e.preventDefault();
      undo();
    } else if (e.key === 'Delete') {
      e.preventDefault();
      clear();
    }
  };

  // aria-disabled rather than disabled: a disabled button drops keyboard focus right after it is used.
  const idle = count === 0;
  const dim = idle ? { opacity: 0.6, cursor: 'default' } : undefined;
  return (
    <div class="stack" style={{ width: `${side}px` }}>
      <canvas
        ref={canvasRef}
        data-testid="digit-pad"
        role="img"
        aria-label={text.pad}
        aria-keyshortcuts="Control+Z Backspace Delete"
        tabIndex={0}
        style={{
          width: `${side}px`,
          height: `${side}px`,
          display: 'block',
          touchAction: 'none',
          cursor: 'crosshair',
          background: 'var(--panel)',
          border: '1px solid var(--border)',
          borderRadius: '8px',
        }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={end}
        onPointerCancel={end}
        onLostPointerCapture={end}
        onKeyDown={onKeyDown}
      />
      <div class="row">
        <button type="button" data-testid="digit-undo" aria-disabled={idle} style={dim} onClick={undo} title="Ctrl+Z">
          {text.undo}
        </button>
        <button type="button" data-testid="digit-clear" aria-disabled={idle} style={dim} onClick={clear} title="Delete">
          {text.clear}
        </button>
      </div>
    </div>
  );
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
