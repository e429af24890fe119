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

/** Space between what is placed (a card, the selection button) and what it points at, in CSS px. */
export const PLACEMENT_GAP = 6;
/** The least space kept between what is placed and the viewport's edge, in CSS px. */
export const PLACEMENT_MARGIN = 8;

/**
 * Where a card of the given size goes next to a term, in viewport
 * coordinates: below it when it fits, above when the lower half is too
 * short, and always shifted to stay inside the viewport.
 */
export function placeCard(anchor: Rect, card: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const spaceBelow = viewport.height - (anchor.top + anchor.height) - PLACEMENT_GAP - PLACEMENT_MARGIN;
  const spaceAbove = anchor.top - PLACEMENT_GAP - PLACEMENT_MARGIN;
  const side = card.height <= spaceBelow || spaceBelow >= spaceAbove ? 'below' : 'above';
  let top = side === 'below' ? anchor.top + anchor.height + PLACEMENT_GAP : anchor.top - PLACEMENT_GAP - card.height;
  top = Math.max(PLACEMENT_MARGIN, Math.min(top, viewport.height - PLACEMENT_MARGIN - card.height));
  let left = anchor.left;
  left = Math.min(left, viewport.width - PLACEMENT_MARGIN - card.width);
  left = Math.max(PLACEMENT_MARGIN, left);
  return { top, left, side };
}
