export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  /** Which side of the term the card sits on. */
  side: 'below' | 'above';
}

const GAP = 6;
const MARGIN = 8;

/**
 * Where a card of the given size goes next to a term, in viewport
 * coordinates: below it when it fits, above when the lower half is too
 * short, and always shifted to stay inside the viewport.
 */
export function placeCard(anchor: Rect, card: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const spaceBelow = viewport.height - (anchor.top + anchor.height) - GAP - MARGIN;
  const spaceAbove = anchor.top - GAP - MARGIN;
  const side = card.height <= spaceBelow || spaceBelow >= spaceAbove ? 'below' : 'above';
  let top = side === 'below' ? anchor.top + anchor.height + GAP : anchor.top - GAP - card.height;
  top = Math.max(MARGIN, Math.min(top, viewport.height - MARGIN - card.height));
  let left = anchor.left;
  left = Math.min(left, viewport.width - MARGIN - card.width);
  left = Math.max(MARGIN, left);
  return { top, left, side };
}
