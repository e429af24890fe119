// The selection button and the concept card keep the same distance from what they point at and
// from the viewport's edges: one pair of numbers in lib/rects.ts.
import { describe, expect, it } from 'vitest';
import { placeCard, PLACEMENT_GAP, PLACEMENT_MARGIN } from '@/lib/rects';
import { placeSelectionButton } from '@/features/selection/place';

const viewport = { width: 800, height: 600 };
const size = { width: 100, height: 40 };
const nearRightEdge = { top: 100, left: 790, width: 8, height: 20 };

describe('placement constants', () => {
  it('the card and the button sit PLACEMENT_GAP below a term and PLACEMENT_MARGIN inside the right edge', () => {
    const card = placeCard(nearRightEdge, size, viewport);
    const button = placeSelectionButton([nearRightEdge], size, viewport)!;
    for (const p of [card, button]) {
      expect(p.side).toBe('below');
      expect(p.top).toBe(nearRightEdge.top + nearRightEdge.height + PLACEMENT_GAP);
      expect(p.left).toBe(viewport.width - PLACEMENT_MARGIN - size.width);
    }
  });
});
