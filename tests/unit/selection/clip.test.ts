import { describe, expect, it } from 'vitest';
import { clipSelection, MAX_SELECTION_CHARS } from '@/features/selection/clip';

describe('clipSelection', () => {
  it('trims and keeps short selections whole', () => {
    expect(clipSelection('  attention is all you need \n')).toBe('attention is all you need');
    expect(clipSelection(' \n\t ')).toBe('');
  });

  it('cuts to the protocol limit', () => {
    const long = 'token '.repeat(2000);
    const cut = clipSelection(long);
    expect(cut.length).toBeLessThanOrEqual(MAX_SELECTION_CHARS);
    expect(long.startsWith(cut)).toBe(true);
    expect(cut.endsWith(' ')).toBe(false);
  });

  it('never ends in half of a surrogate pair', () => {
    // 3999 letters, then emoji: the limit falls between the two halves of the first one.
    const text = `${'a'.repeat(3999)}${'😀'.repeat(10)}`;
    const cut = clipSelection(text);
    expect(cut).toBe('a'.repeat(3999));
    expect(() => encodeURIComponent(cut)).not.toThrow();
    expect(clipSelection(`${'a'.repeat(3998)}😀😀`)).toBe(`${'a'.repeat(3998)}😀`);
  });
});
