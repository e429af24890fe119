// Which matches to annotate: every occurrence, or only the first occurrence
// of each concept in each section (the default, so a page is not a sea of
// underlines). Pure functions over matches; the caller says where sections
// begin (offsets in the same coordinates as the matches).

import type { Density, TermMatch } from '@/features/concepts/match/types';

export interface SelectOptions {
  density: Density;
  /** Offsets where sections begin; need not be sorted. Text before the first is section -1. */
  sectionStarts?: readonly number[];
}

/** Index of the section containing offset, given sorted section starts (-1: before all). */
export function sectionOf(sortedStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = sortedStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sortedStarts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The matches to annotate, in text order. Does not modify its input. */
export function selectMatches(matches: readonly TermMatch[], options: SelectOptions): TermMatch[] {
  const ordered = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  if (options.density === 'all') return ordered;
  const starts = [...(options.sectionStarts ?? [])].sort((a, b) => a - b);
  const picker = createSelector('first-per-section');
  return ordered.filter((m) => picker.take(m, sectionOf(starts, m.start)));
}

export interface Selector {
  /** Should this match be annotated? Call in text order; `section` is any key. */
  take(match: TermMatch, section: number | string): boolean;
}

/**
 * Incremental form of selectMatches for a caller that matches a page piece by
 * piece: it remembers which concepts each section has already shown.
 */
export function createSelector(density: Density): Selector {
  const seen = new Set<string>();
  return {
    take(match, section) {
      if (density === 'all') return true;
      const key = `${String(section)}\u0000${match.conceptId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
  };
}
