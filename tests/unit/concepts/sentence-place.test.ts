import { describe, expect, it } from 'vitest';
import { sentenceAround } from '@/features/concepts/annotate/sentence';
import { placeCard } from '@/lib/rects';

describe('sentenceAround', () => {
  it('finds the sentence in English and Chinese', () => {
    const en = 'First sentence. Softmax with temperature spreads the probabilities. Last one!';
    const i = en.indexOf('temperature');
    expect(sentenceAround(en, i, i + 11)).toBe('Softmax with temperature spreads the probabilities.');
    const zh = '先看损失函数。温度越高，生成的文字越多样。最后一句';
    const j = zh.indexOf('温度');
    expect(sentenceAround(zh, j, j + 2)).toBe('温度越高，生成的文字越多样。');
  });

  it('caps run-on text and survives edges', () => {
    const long = 'word '.repeat(1000);
    expect(sentenceAround(long, 2500, 2504).length).toBeLessThanOrEqual(400);
    expect(sentenceAround('', 0, 0)).toBe('');
    expect(sentenceAround('attention', 0, 9)).toBe('attention');
  });
});

describe('placeCard', () => {
  const viewport = { width: 1000, height: 800 };
  const card = { width: 380, height: 300 };

  it('goes below the term when it fits', () => {
    expect(placeCard({ top: 100, left: 50, width: 80, height: 20 }, card, viewport)).toEqual({ top: 126, left: 50, side: 'below' });
  });

  it('flips above near the bottom and stays inside the viewport', () => {
    const p = placeCard({ top: 700, left: 900, width: 80, height: 20 }, card, viewport);
    expect(p.side).toBe('above');
    expect(p.top).toBe(700 - 6 - 300);
    expect(p.left).toBe(1000 - 8 - 380);
  });

  it('never leaves the viewport, even when the card is taller than it', () => {
    const p = placeCard({ top: 10, left: -40, width: 10, height: 10 }, { width: 380, height: 2000 }, viewport);
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(p.left).toBe(8);
  });
});
