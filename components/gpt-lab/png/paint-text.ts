import type { Origin } from '@/components/gpt-lab/png/paint-box';

// A text node as laid out: each grapheme's box is read from the page (a Range), graphemes on one
// line are drawn as one run from where the first one starts. Wrapping, bidi-free CJK, emoji and
// KaTeX's positioned glyphs all come out where the page put them, in the page's fonts.

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

function graphemes(s: string): { text: string; index: number }[] {
  if (segmenter) return Array.from(segmenter.segment(s), (g) => ({ text: g.segment, index: g.index }));
  const out: { text: string; index: number }[] = [];
  let i = 0;
  for (const ch of s) {
    out.push({ text: ch, index: i });
    i += ch.length;
  }
  return out;
}

export function fontOf(s: CSSStyleDeclaration): string {
  return `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
}

interface Run {
  text: string;
  left: number;
  right: number;
  top: number;
  height: number;
}

export function paintText(ctx: CanvasRenderingContext2D, node: Text, s: CSSStyleDeclaration, o: Origin): void {
  const data = node.data;
  if (!data.trim() || s.visibility === 'hidden') return;
  ctx.font = fontOf(s);
  ctx.fillStyle = s.color;
  ctx.textBaseline = 'alphabetic';
  const range = document.createRange();
  let run: Run | null = null;
  const flush = () => {
    if (!run || !run.text.trim()) return;
    const m = ctx.measureText(run.text);
    const asc = m.fontBoundingBoxAscent ?? m.actualBoundingBoxAscent;
    const desc = m.fontBoundingBoxDescent ?? m.actualBoundingBoxDescent;
    // The range's box is the font's content area: centre the canvas font's in it.
    const baseline = run.top + (run.height - (asc + desc)) / 2 + asc;
    ctx.fillText(run.text, run.left - o.x, baseline - o.y, Math.max(1, run.right - run.left) + 0.5);
  };
  for (const g of graphemes(data)) {
    range.setStart(node, g.index);
    range.setEnd(node, g.index + g.text.length);
    const r = range.getClientRects()[0];
    if (!r || r.width === 0) continue;
    if (run && Math.abs(r.top - run.top) < 1 && Math.abs(r.left - run.right) < 1) {
      run.text += g.text;
      run.right = r.right;
    } else {
      flush();
      run = { text: g.text, left: r.left, right: r.right, top: r.top, height: r.height };
    }
  }
  flush();
}
