import { contentBox, paddingBox, paintBox, type Origin } from '@/components/gpt-lab/png/paint-box';
import { paintControl } from '@/components/gpt-lab/png/paint-control';
import { svgImage } from '@/components/gpt-lab/png/paint-svg';
import { paintText } from '@/components/gpt-lab/png/paint-text';

// A view's picture, composed on a canvas from what the page laid out: boxes, the view's own
// canvases (drawImage), inline SVG, form values and text (fillText at each run's laid-out place).
// No DOM is serialised into an image, so fonts need no inlining and nothing taints the canvas.

/** Canvases in Chromium and Firefox stay under 32767 px a side. */
const MAX_SIDE = 32_000;

export async function snapshot(root: HTMLElement, dpr = window.devicePixelRatio || 1): Promise<HTMLCanvasElement> {
  const rect = root.getBoundingClientRect();
  const scale = Math.min(dpr, MAX_SIDE / Math.max(1, rect.width), MAX_SIDE / Math.max(1, rect.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(rect.width * scale);
  canvas.height = Math.round(rect.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
  ctx.fillRect(0, 0, rect.width, rect.height);
  await paintElement(ctx, root, { x: rect.left, y: rect.top });
  return canvas;
}

async function paintElement(ctx: CanvasRenderingContext2D, el: Element, o: Origin): Promise<void> {
  const s = getComputedStyle(el);
  if (s.display === 'none' || (el instanceof HTMLElement && (el.hidden || el.dataset.png === 'skip'))) return;
  const opacity = Number(s.opacity);
  if (opacity === 0) return;
  const rect = el.getBoundingClientRect();
  ctx.save();
  ctx.globalAlpha *= opacity;
  try {
    if (s.visibility !== 'hidden') {
      // An inline box broken over lines has one fragment per line; its bounding box would cover both lines whole.
      const boxes = s.display === 'inline' ? Array.from(el.getClientRects()) : [rect];
      for (const b of boxes) paintBox(ctx, b, s, o);
    }
    if (el instanceof HTMLCanvasElement) {
      const b = contentBox(rect, s, o);
      ctx.imageSmoothingEnabled = s.imageRendering !== 'pixelated';
      if (el.width > 0 && el.height > 0 && b.w > 0 && b.h > 0) ctx.drawImage(el, b.x, b.y, b.w, b.h);
      return;
    }
    if (el instanceof SVGSVGElement) {
      const b = contentBox(rect, s, o);
      const img = b.w > 0 && b.h > 0 ? await svgImage(el, b.w, b.h) : null;
      if (img) ctx.drawImage(img, b.x, b.y, b.w, b.h);
      return;
    }
    if (el instanceof HTMLImageElement) {
      const b = contentBox(rect, s, o);
      ctx.imageSmoothingEnabled = s.imageRendering !== 'pixelated';
      if (el.complete && el.naturalWidth > 0) ctx.drawImage(el, b.x, b.y, b.w, b.h);
      return;
    }
    if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
      paintControl(ctx, el, rect, s, o);
      return;
    }
    if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
      const b = paddingBox(rect, s, o);
      // A box clipped to a pixel is there for screen readers only (KaTeX's MathML).
      if (b.w * b.h <= 4) return;
      ctx.beginPath();
      ctx.rect(b.x, b.y, b.w, b.h);
      ctx.clip();
    }
    if (el instanceof HTMLDetailsElement && !el.open) {
      const summary = el.querySelector(':scope > summary');
      if (summary) await paintElement(ctx, summary, o);
      return;
    }
    for (const child of Array.from(el.childNodes)) {
      if (child instanceof Text) paintText(ctx, child, s, o);
      else if (child instanceof Element) await paintElement(ctx, child, o);
    }
  } finally {
    ctx.restore();
  }
}
