// An element's own box, as the page painted it: background colour and borders (shadows and
// background images are left out; the lab's views use neither for content).

export interface Origin {
  x: number;
  y: number;
}

const px = (v: string) => parseFloat(v) || 0;
const visible = (color: string) => color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color);

/** The box in the picture's coordinates. */
export function boxOf(rect: DOMRect, o: Origin) {
  return { x: rect.left - o.x, y: rect.top - o.y, w: rect.width, h: rect.height };
}

/** The content box (inside borders and padding), where a canvas or an image draws. */
export function contentBox(rect: DOMRect, s: CSSStyleDeclaration, o: Origin) {
  const l = px(s.borderLeftWidth) + px(s.paddingLeft);
  const t = px(s.borderTopWidth) + px(s.paddingTop);
  const r = px(s.borderRightWidth) + px(s.paddingRight);
  const b = px(s.borderBottomWidth) + px(s.paddingBottom);
  return { x: rect.left - o.x + l, y: rect.top - o.y + t, w: Math.max(0, rect.width - l - r), h: Math.max(0, rect.height - t - b) };
}

/** The padding box, which overflow clips to. */
export function paddingBox(rect: DOMRect, s: CSSStyleDeclaration, o: Origin) {
  const l = px(s.borderLeftWidth);
  const t = px(s.borderTopWidth);
  return { x: rect.left - o.x + l, y: rect.top - o.y + t, w: Math.max(0, rect.width - l - px(s.borderRightWidth)), h: Math.max(0, rect.height - t - px(s.borderBottomWidth)) };
}

function roundedPath(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  if (r > 0 && typeof ctx.roundRect === 'function') ctx.roundRect(x, y, w, h, Math.min(r, w / 2, h / 2));
  else ctx.rect(x, y, w, h);
}

export function paintBox(ctx: CanvasRenderingContext2D, rect: DOMRect, s: CSSStyleDeclaration, o: Origin): void {
  const { x, y, w, h } = boxOf(rect, o);
  if (w <= 0 || h <= 0) return;
  const radius = px(s.borderTopLeftRadius);
  if (visible(s.backgroundColor)) {
    ctx.fillStyle = s.backgroundColor;
    roundedPath(ctx, x, y, w, h, radius);
    ctx.fill();
  }
  const sides = [
    { w: px(s.borderTopWidth), style: s.borderTopStyle, color: s.borderTopColor },
    { w: px(s.borderRightWidth), style: s.borderRightStyle, color: s.borderRightColor },
    { w: px(s.borderBottomWidth), style: s.borderBottomStyle, color: s.borderBottomColor },
    { w: px(s.borderLeftWidth), style: s.borderLeftStyle, color: s.borderLeftColor },
  ].map((b) => ({ ...b, on: b.w > 0 && b.style !== 'none' && b.style !== 'hidden' && visible(b.color) }));
  if (!sides.some((b) => b.on)) return;
  const [top, right, bottom, left] = sides;
  // One stroke when all four sides agree (rounded corners, dashes); else a strip per side.
  if (sides.every((b) => b.on && b.w === top.w && b.color === top.color && b.style === top.style)) {
    ctx.strokeStyle = top.color;
    ctx.lineWidth = top.w;
    ctx.setLineDash(top.style === 'dashed' ? [4 * top.w, 3 * top.w] : top.style === 'dotted' ? [top.w, top.w] : []);
    roundedPath(ctx, x + top.w / 2, y + top.w / 2, w - top.w, h - top.w, Math.max(0, radius - top.w / 2));
    ctx.stroke();
    ctx.setLineDash([]);
    return;
  }
  const strip = (b: (typeof sides)[number], sx: number, sy: number, sw: number, sh: number) => {
    if (!b.on) return;
    ctx.fillStyle = b.color;
    ctx.fillRect(sx, sy, sw, sh);
  };
  strip(top, x, y, w, top.w);
  strip(bottom, x, y + h - bottom.w, w, bottom.w);
  strip(left, x, y, left.w, h);
  strip(right, x + w - right.w, y, right.w, h);
}
