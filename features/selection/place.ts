import { PLACEMENT_GAP, PLACEMENT_MARGIN, type Rect } from '@/lib/rects';

export interface ButtonPlacement {
  top: number;
  left: number;
  /** Below the end of the selection, or above its start. */
  side: 'below' | 'above';
}

/**
 * Where the floating button goes beside a selection, in viewport
 * coordinates, given the selection's line boxes in order: under the end of
 * its last line, or over the start of its first line when there is no room
 * below, and shifted to stay inside the viewport. Null when no part of the
 * selection is in view (scrolled away), where a button would point at nothing.
 */
export function placeSelectionButton(
  lines: readonly Rect[],
  button: { width: number; height: number },
  viewport: { width: number; height: number },
): ButtonPlacement | null {
  // A selection that ends at the start of a block reports an empty box there.
  const boxes = lines.filter((r) => r.width >= 1 && r.height >= 1);
  if (boxes.length === 0) return null;
  const top = Math.min(...boxes.map((r) => r.top));
  const bottom = Math.max(...boxes.map((r) => r.top + r.height));
  const left = Math.min(...boxes.map((r) => r.left));
  const right = Math.max(...boxes.map((r) => r.left + r.width));
  if (bottom <= 0 || top >= viewport.height || right <= 0 || left >= viewport.width) return null;

  const first = boxes[0]!;
  const last = boxes[boxes.length - 1]!;
  const clampLeft = (x: number) => Math.max(PLACEMENT_MARGIN, Math.min(x, viewport.width - PLACEMENT_MARGIN - button.width));
  const clampTop = (y: number) => Math.max(PLACEMENT_MARGIN, Math.min(y, viewport.height - PLACEMENT_MARGIN - button.height));

  const below = last.top + last.height + PLACEMENT_GAP;
  if (below >= PLACEMENT_MARGIN && below + button.height <= viewport.height - PLACEMENT_MARGIN) {
    return { top: below, left: clampLeft(last.left + last.width - button.width), side: 'below' };
  }
  const above = first.top - PLACEMENT_GAP - button.height;
  if (above >= PLACEMENT_MARGIN && above + button.height <= viewport.height - PLACEMENT_MARGIN) {
    return { top: above, left: clampLeft(first.left), side: 'above' };
  }
  // The selection runs past both edges (or the viewport is tiny): pin the
  // button to the bottom edge, under the part of the selection in view.
  return { top: clampTop(below), left: clampLeft(last.left + last.width - button.width), side: 'below' };
}
