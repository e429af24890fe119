import { describe, it, expect } from 'vitest';
import { createSelector, sectionOf, selectMatches } from '@/features/concepts/match';
import type { TermMatch } from '@/features/concepts/match';

const m = (conceptId: string, start: number): TermMatch => ({ conceptId, start, end: start + 3, text: 'xyz' });

describe('sectionOf', () => {
  it('finds the section containing an offset', () => {
    const starts = [10, 20, 30];
    expect(sectionOf(starts, 0)).toBe(-1);
    expect(sectionOf(starts, 10)).toBe(0);
    expect(sectionOf(starts, 19)).toBe(0);
    expect(sectionOf(starts, 20)).toBe(1);
    expect(sectionOf(starts, 99)).toBe(2);
    expect(sectionOf([], 5)).toBe(-1);
  });
});

describe('selectMatches', () => {
  const matches = [m('a', 0), m('b', 5), m('a', 12), m('a', 25), m('b', 26), m('c', 40), m('a', 45)];

  it("'all' keeps every match, in order", () => {
    expect(selectMatches([...matches].reverse(), { density: 'all' })).toEqual(matches);
  });

  it("'first-per-section' keeps the first mention of each concept in each section", () => {
    const shown = selectMatches(matches, { density: 'first-per-section', sectionStarts: [20, 0] });
    expect(shown.map((x) => `${x.conceptId}@${x.start}`)).toEqual(['a@0', 'b@5', 'a@25', 'b@26', 'c@40']);
  });

  it('treats the whole text as one section without section starts', () => {
    const shown = selectMatches(matches, { density: 'first-per-section' });
    expect(shown.map((x) => x.conceptId)).toEqual(['a', 'b', 'c']);
  });

  it('text before the first section start is its own section', () => {
    const shown = selectMatches(matches, { density: 'first-per-section', sectionStarts: [10] });
    expect(shown.map((x) => `${x.conceptId}@${x.start}`)).toEqual(['a@0', 'b@5', 'a@12', 'b@26', 'c@40']);
  });

  it('does not modify its input', () => {
    const input = [m('b', 9), m('a', 1)];
    selectMatches(input, { density: 'first-per-section' });
    expect(input.map((x) => x.start)).toEqual([9, 1]);
  });

  it('handles no matches', () => {
    expect(selectMatches([], { density: 'first-per-section', sectionStarts: [0] })).toEqual([]);
  });
});

describe('createSelector (piecewise)', () => {
  it('gives the same answer as selectMatches when fed in order', () => {
    const matches = [m('a', 0), m('a', 3), m('b', 7), m('a', 21), m('b', 22)];
    const sel = createSelector('first-per-section');
    const starts = [0, 20];
    const kept = matches.filter((x) => sel.take(x, sectionOf(starts, x.start)));
    expect(kept).toEqual(selectMatches(matches, { density: 'first-per-section', sectionStarts: starts }));
  });

  it("keeps everything for 'all' and accepts string section keys", () => {
    const all = createSelector('all');
    expect(all.take(m('a', 0), 'h2#intro') && all.take(m('a', 1), 'h2#intro')).toBe(true);
    const first = createSelector('first-per-section');
    expect([first.take(m('a', 0), 'x'), first.take(m('a', 1), 'x'), first.take(m('a', 2), 'y')]).toEqual([true, false, true]);
  });
});
