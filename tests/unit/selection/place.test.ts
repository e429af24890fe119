import { describe, expect, it } from 'vitest';
import { placeSelectionButton } from '@/features/selection/place';

const viewport = { width: 1000, height: 800 };
const button = { width: 120, height: 26 };
const line = (top: number, left: number, width = 200, height = 20) => ({ top, left, width, height });

describe('placeSelectionButton', () => {
  it('sits under the end of the selection, right-aligned with it', () => {
    expect(placeSelectionButton([line(100, 50), line(120, 50, 300)], button, viewport)).toEqual({
      top: 120 + 20 + 6,
      left: 50 + 300 - 120,
      side: 'below',
    });
  });

  it('flips above the start of the selection near the bottom of the viewport', () => {
    const p = placeSelectionButton([line(760, 400), line(778, 40, 100)], button, viewport);
    expect(p).toEqual({ top: 760 - 6 - 26, left: 400, side: 'above' });
  });

  it('stays inside the viewport at the left and right edges', () => {
    expect(placeSelectionButton([line(100, 0, 30)], button, viewport)?.left).toBe(8);
    expect(placeSelectionButton([line(100, 900, 200)], button, viewport)?.left).toBe(1000 - 8 - 120);
  });

  it('pins to the bottom edge when the selection runs past both edges', () => {
    const p = placeSelectionButton([line(-500, 50), line(2000, 50)], button, viewport);
    expect(p).toEqual({ top: 800 - 8 - 26, left: 130, side: 'below' });
  });

  it('hides when the selection is scrolled out of view, or not laid out', () => {
    expect(placeSelectionButton([line(-300, 50), line(-100, 50)], button, viewport)).toBeNull();
    expect(placeSelectionButton([line(900, 50)], button, viewport)).toBeNull();
    expect(placeSelectionButton([], button, viewport)).toBeNull();
  });

  it('ignores the empty box a selection ending at the start of a block reports', () => {
    const p = placeSelectionButton([line(100, 50, 300), line(122, 50, 0)], button, viewport);
    expect(p).toEqual({ top: 126, left: 230, side: 'below' });
  });
});
