import { contentBox, type Origin } from '@/components/gpt-lab/png/paint-box';
import { fontOf } from '@/components/gpt-lab/png/paint-text';

// Form controls draw their value themselves (a select's option text is not laid out as a text
// node): the picture shows the value, a checkbox's state and a slider's position.

export function paintControl(ctx: CanvasRenderingContext2D, el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, rect: DOMRect, s: CSSStyleDeclaration, o: Origin): void {
  const box = contentBox(rect, s, o);
  ctx.fillStyle = s.color;
  ctx.strokeStyle = s.color;
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
    const b = { x: rect.left - o.x + 1, y: rect.top - o.y + 1, w: rect.width - 2, h: rect.height - 2 };
    ctx.lineWidth = 1;
    ctx.strokeRect(b.x, b.y, b.w, b.h);
    if (el.checked) ctx.fillRect(b.x + 3, b.y + 3, b.w - 6, b.h - 6);
    return;
  }
  if (el instanceof HTMLInputElement && el.type === 'range') {
    const min = Number(el.min || 0);
    const max = Number(el.max || 100);
    const f = max > min ? (Number(el.value) - min) / (max - min) : 0;
    const y = rect.top - o.y + rect.height / 2;
    const x0 = rect.left - o.x + 6;
    const x1 = rect.right - o.x - 6;
    ctx.fillRect(x0, y - 1, x1 - x0, 2);
    ctx.beginPath();
    ctx.arc(x0 + f * (x1 - x0), y, 6, 0, 2 * Math.PI);
    ctx.fill();
    return;
  }
  const text = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : el.value;
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.x, box.y, box.w, box.h);
  ctx.clip();
  ctx.font = fontOf(s);
  ctx.textBaseline = 'middle';
  ctx.fillText(el instanceof HTMLSelectElement ? `${text} ▾` : text, box.x, box.y + box.h / 2);
  ctx.restore();
}
