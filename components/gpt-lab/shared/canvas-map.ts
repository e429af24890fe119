import type { Rgb } from '@/components/gpt-lab/shared/colors';

/**
 * Paints a rows x cols grid one pixel per cell; CSS scales the canvas with
 * `image-rendering: pixelated`, so a 256 x 256 map costs one putImageData.
 */
export function paintGrid(canvas: HTMLCanvasElement, rows: number, cols: number, color: (r: number, c: number) => Rgb): void {
  if (canvas.width !== cols) canvas.width = cols;
  if (canvas.height !== rows) canvas.height = rows;
  const ctx = canvas.getContext('2d');
  if (!ctx || rows === 0 || cols === 0) return;
  const img = ctx.createImageData(cols, rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [R, G, B] = color(r, c);
      const o = (r * cols + c) * 4;
      img.data[o] = R;
      img.data[o + 1] = G;
      img.data[o + 2] = B;
      img.data[o + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
}

/** The grid cell under a pointer event on a scaled canvas, or on an image of `rows` x `cols` cells. */
export function cellAt(e: MouseEvent, el: HTMLCanvasElement | HTMLImageElement, rows = el.height, cols = el.width): { r: number; c: number } | null {
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  const c = Math.floor(((e.clientX - box.left) / box.width) * cols);
  const r = Math.floor(((e.clientY - box.top) / box.height) * rows);
  return r >= 0 && c >= 0 && r < rows && c < cols ? { r, c } : null;
}
