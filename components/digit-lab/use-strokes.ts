import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { onThemeChange } from '@/components/shared/theme';
import { padContext, paintPad, paintSegment } from '@/components/digit-lab/pad-ink';
import type { Point, Stroke } from '@/features/digits/types';

export interface StrokesOptions {
  onChange: (strokes: readonly Stroke[], eventTime: number) => void;
  /** Side of the pad in CSS pixels. */
  side: number;
  penWidth: number;
  background: Float32Array | null;
}

/**
 * The pad's strokes from pointer and keyboard events, inked as they come: the handlers for the
 * canvas, undo and clear, and how many strokes there are (the one piece of state that renders).
 */
export function useStrokes({ onChange, side, penWidth, background }: StrokesOptions) {
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

  const context = () => padContext(canvasRef.current, side);
  const paint = (ctx: CanvasRenderingContext2D, a: Point, b: Point) => paintSegment(ctx, a, b, penWidth);
  const redraw = () => {
    const ctx = context();
    if (ctx) paintPad(ctx, side, strokes.current, background, penWidth);
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

  return { canvasRef, count, onPointerDown, onPointerMove, end, undo, clear, onKeyDown };
}
