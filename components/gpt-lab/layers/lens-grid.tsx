import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { onThemeChange, pageTheme } from '@/components/shared/theme';
import { inkOf, type Ink } from '@/components/gpt-lab/layers/canvas-ink';
import { CELL_H, CELL_W, INPUT_H, cellAtPoint, gridHeight, paintLens, type Cell } from '@/components/gpt-lab/layers/lens-paint';
import type { LensTable } from '@/components/gpt-lab/layers/lens-table';

interface Props {
  tab: LensTable;
  labels: string[];
  active: Cell | null;
  column: number | null;
  /** The cell under the pointer, null when it leaves. */
  onHover: (c: Cell | null) => void;
  /** The cell the keyboard is on, null when the grid loses focus. */
  onFocusCell: (c: Cell | null) => void;
  onPick: (c: Cell) => void;
}

/** Row labels in the DOM, cells on a canvas that scrolls sideways and paints only what is in view. */
export function LensGrid(p: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const ink = useRef<Ink | null>(null);
  const focus = useRef<Cell | null>(null);
  const latest = useRef(p);
  latest.current = p;

  // The viewport as last measured (on scroll and resize): reading it while painting, right after
  // the render changed the DOM, would force a layout of the whole panel on every hover.
  const view = useRef({ left: 0, width: 0 });
  const measure = () => {
    const s = scroller.current;
    if (s) view.current = { left: s.scrollLeft, width: s.clientWidth };
  };

  const paint = () => {
    const c = canvas.current;
    if (!c) return;
    ink.current ??= inkOf(c);
    const { tab, labels, active, column } = latest.current;
    const { left, width } = view.current;
    paintLens(c, { tab, labels, active, column, scrollLeft: left, width: Math.min(width, tab.T * CELL_W), dark: pageTheme() === 'dark', ink: ink.current });
    // Tests time the view from the tab click to this first painted grid.
    if (!c.dataset.paintedAt) c.dataset.paintedAt = performance.now().toFixed(1);
  };
  useLayoutEffect(() => {
    // Opens on the chosen column (the last token, whose prediction is the model's answer).
    const s = scroller.current;
    if (s && p.column !== null) s.scrollLeft = Math.max(0, (p.column + 1) * CELL_W - s.clientWidth);
    measure();
  }, [p.tab]);
  useLayoutEffect(paint, [p.tab, p.labels, p.active?.l, p.active?.t, p.column]);
  useEffect(() => {
    const resize = new ResizeObserver(() => (measure(), paint()));
    if (scroller.current) resize.observe(scroller.current);
    const off = onThemeChange(() => ((ink.current = null), paint()));
    return () => (resize.disconnect(), off());
  }, []);

  const cellOf = (ev: MouseEvent) => {
    const box = canvas.current!.getBoundingClientRect();
    return cellAtPoint(p.tab, ev.clientX - box.left + view.current.left, ev.clientY - box.top);
  };
  const move = (c: Cell) => {
    focus.current = c;
    const s = scroller.current!;
    const x = c.t * CELL_W;
    if (x < s.scrollLeft) s.scrollLeft = x;
    else if (x + CELL_W > s.scrollLeft + s.clientWidth) s.scrollLeft = x + CELL_W - s.clientWidth;
    measure();
    p.onFocusCell(c);
  };
  const key = (ev: KeyboardEvent) => {
    const c = focus.current ?? { l: p.tab.layers - 1, t: 0 };
    const step: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [1, 0], ArrowDown: [-1, 0], Home: [0, -c.t], End: [0, p.tab.T - 1 - c.t] };
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      p.onPick(c);
    } else if (step[ev.key]) {
      ev.preventDefault();
      const [dl, dt] = step[ev.key];
      move({ l: Math.min(p.tab.layers - 1, Math.max(0, c.l + dl)), t: Math.min(p.tab.T - 1, Math.max(0, c.t + dt)) });
    }
  };

  const rows = Array.from({ length: p.tab.layers }, (_, r) => p.tab.layers - 1 - r);
  return (
    <div class="lens-wrap">
      <div class="lens-labels" aria-hidden="true">
        {rows.map((l) => (
          <span key={l} class={l === p.tab.layers - 1 ? 'lens-label lens-output' : 'lens-label'} style={{ height: `${CELL_H}px` }}>
            {l === 0 ? t('gptLensEmbeddings') : t('gptLensBlock', { b: l - 1 })}
          </span>
        ))}
        <span class="lens-label muted" style={{ height: `${INPUT_H}px` }}>
          {t('gptLensReads')}
        </span>
      </div>
      <div class="lens-scroll" ref={scroller} onScroll={() => (measure(), paint())}>
        <div style={{ width: `${p.tab.T * CELL_W}px`, height: `${gridHeight(p.tab)}px` }}>
          <canvas
            ref={canvas}
            class="lens-grid"
            data-testid="lens-grid"
            tabIndex={0}
            role="img"
            aria-label={t('gptLensGridLabel')}
            onMouseMove={(ev) => {
              const c = cellOf(ev);
              const a = latest.current.active;
              if (c && (!a || a.l !== c.l || a.t !== c.t)) p.onHover(c);
            }}
            onMouseLeave={() => p.onHover(null)}
            onClick={(ev) => {
              const c = cellOf(ev);
              if (c) p.onPick(c);
            }}
            onKeyDown={key}
            onFocus={() => move(focus.current ?? { l: p.tab.layers - 1, t: Math.min(p.tab.T - 1, Math.ceil(view.current.left / CELL_W)) })}
            onBlur={() => ((focus.current = null), p.onFocusCell(null))}
          />
        </div>
      </div>
    </div>
  );
}
