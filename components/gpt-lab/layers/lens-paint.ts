import { sequential } from '@/components/gpt-lab/shared/colors';
import { guess, type LensTable } from '@/components/gpt-lab/layers/lens-table';
import { showWhitespace } from '@/components/gpt-lab/shared/show-whitespace';

// The logit-lens grid drawn on one canvas the width of the scroll viewport: only the columns in
// view are painted (a handful of cells), so a 256-token grid costs what a 6-token one does.

export const CELL_W = 58;
export const CELL_H = 24;
/** The bottom row: the token each column reads. */
export const INPUT_H = 22;

/** Cell (lens layer ℓ, position t). */
export interface Cell {
  l: number;
  t: number;
}

export interface LensPaint {
  tab: LensTable;
  labels: string[];
  /** CSS pixels scrolled, and the viewport's CSS width. */
  scrollLeft: number;
  width: number;
  active: Cell | null;
  column: number | null;
  dark: boolean;
  ink: { fg: string; muted: string; accent: string; panel: string; border: string; font: string };
}

/** Row on screen of lens layer ℓ: the model's output on top, the embeddings lowest, then the inputs. */
export const rowOf = (tab: LensTable, l: number) => tab.layers - 1 - l;
export const gridHeight = (tab: LensTable) => tab.layers * CELL_H + INPUT_H;

/** The cell under a point given in content coordinates (scroll included); the input row is not a cell. */
export function cellAtPoint(tab: LensTable, x: number, y: number): Cell | null {
  const t = Math.floor(x / CELL_W);
  const row = Math.floor(y / CELL_H);
  if (x < 0 || y < 0 || t >= tab.T || row >= tab.layers) return null;
  return { l: tab.layers - 1 - row, t };
}

export function paintLens(canvas: HTMLCanvasElement, p: LensPaint): void {
  const dpr = window.devicePixelRatio || 1;
  const h = gridHeight(p.tab);
  const W = Math.round(p.width * dpr);
  const H = Math.round(h * dpr);
  if (canvas.width !== W) canvas.width = W;
  if (canvas.height !== H) canvas.height = H;
  if (canvas.style.width !== `${p.width}px`) canvas.style.width = `${p.width}px`;
  if (canvas.style.height !== `${h}px`) canvas.style.height = `${h}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, p.width, h);
  ctx.font = p.ink.font;
  ctx.textBaseline = 'middle';
  const first = Math.max(0, Math.floor(p.scrollLeft / CELL_W));
  const last = Math.min(p.tab.T - 1, Math.floor((p.scrollLeft + p.width) / CELL_W));
  for (let t = first; t <= last; t++) {
    const x = t * CELL_W - p.scrollLeft;
    for (let l = 0; l < p.tab.layers; l++) paintCell(ctx, p, l, t, x, rowOf(p.tab, l) * CELL_H);
    ctx.fillStyle = p.ink.panel;
    ctx.fillRect(x, p.tab.layers * CELL_H, CELL_W, INPUT_H);
    ctx.fillStyle = p.ink.muted;
    ctx.fillText(fit(ctx, p.labels[t] ?? '', CELL_W - 6), x + 3, p.tab.layers * CELL_H + INPUT_H / 2);
  }
  // The output row is the model's real prediction: a rule under it sets it apart.
  ctx.fillStyle = p.ink.fg;
  ctx.fillRect(0, CELL_H - 1, p.width, 2);
  if (p.column !== null) outline(ctx, p.column * CELL_W - p.scrollLeft, 0, CELL_W, p.tab.layers * CELL_H + INPUT_H, p.ink.accent, 2);
  if (p.active) outline(ctx, p.active.t * CELL_W - p.scrollLeft, rowOf(p.tab, p.active.l) * CELL_H, CELL_W, CELL_H, p.ink.fg, 3);
}

function paintCell(ctx: CanvasRenderingContext2D, p: LensPaint, l: number, t: number, x: number, y: number) {
  const g = guess(p.tab, l, t);
  const [r, gr, b] = sequential(g.prob, p.dark);
  ctx.fillStyle = `rgb(${r},${gr},${b})`;
  ctx.fillRect(x, y, CELL_W - 1, CELL_H - 1);
  // Dark ink on light cells, light ink on dark ones (relative luminance).
  ctx.fillStyle = 0.2126 * r + 0.7152 * gr + 0.0722 * b > 140 ? '#111' : '#fff';
  ctx.fillText(fit(ctx, showWhitespace(g.display, true), CELL_W - 6), x + 3, y + CELL_H / 2);
}

function outline(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, color: string, width: number) {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.strokeRect(x + width / 2, y + width / 2, w - width, h - width);
}

/**
 * The text cut with an ellipsis to a width. measureText is the grid's main cost (a cut is found
 * by measuring shorter and shorter prefixes), and the same tokens recur across cells and repaints:
 * each label is fitted once per font.
 */
const fitted = new Map<string, string>();

function fit(ctx: CanvasRenderingContext2D, s: string, w: number): string {
  const key = `${ctx.font}\u0000${w}\u0000${s}`;
  let out = fitted.get(key);
  if (out === undefined) {
    if (fitted.size > 20_000) fitted.clear();
    out = cut(ctx, s.replace(/\n/g, ''), w);
    fitted.set(key, out);
  }
  return out;
}

function cut(ctx: CanvasRenderingContext2D, one: string, w: number): string {
  if (ctx.measureText(one).width <= w) return one;
  // The longest prefix that fits with its ellipsis, by bisection; by code point, so an emoji is never cut in half.
  const cps = Array.from(one);
  const fits = (n: number) => ctx.measureText(`${cps.slice(0, n).join('')}…`).width <= w;
  let lo = 1;
  let hi = cps.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return `${cps.slice(0, lo).join('')}…`;
}
