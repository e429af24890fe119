// The greedy leftmost-longest scan, in two flavours.
//
// scanPlain: everyday words switched off; it also lists where everyday-word
// candidates were seen. This is the whole job for most strings.
//
// scanJudged: everyday words judged by a callback. Rather than scanning the
// whole string again, it replays scanPlain's result and only walks the trie
// itself at the candidates and wherever an accepted everyday word has put it
// off scanPlain's path. (The greedy scan's future depends only on the
// position it is at: once it stands on a position scanPlain also stood on, it
// will do exactly what scanPlain did until the next candidate.)

import { SEP, isIgnorable, isSeparator, isWordChar, unfold } from '@/features/concepts/match/chars';
import type { Pattern } from '@/features/concepts/match/patterns';
import { canStart, walkFrom, type Trie, type WalkHits } from '@/features/concepts/match/trie';
import type { TermMatch } from '@/features/concepts/match/types';

/** Decides an everyday-word candidate text[start, end). */
export type Decide = (p: Pattern, start: number, end: number) => boolean;

/**
 * Does text[start, end) spell the abbreviation exactly (same case), under the
 * same separator/invisible-character rules as the walk?
 */
function spellsExactly(text: string, start: number, end: number, exact: string): boolean {
  let k = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isIgnorable(c)) {
      i++;
      continue;
    }
    if (isSeparator(c)) {
      while (i < end && (isSeparator(text.charCodeAt(i)) || isIgnorable(text.charCodeAt(i)))) i++;
      if (exact.charCodeAt(k) !== SEP) return false;
      k++;
      continue;
    }
    if (exact.charCodeAt(k) !== unfold(c)) return false;
    k++;
    i++;
  }
  return k === exact.length;
}

/**
 * One step of the scan at offset i: the longest acceptable match starting
 * there, or null. Everyday-word candidates are pushed to `seen` (once per
 * offset) and accepted only if `decide` says so.
 */
function stepAt(
  trie: Trie,
  hits: WalkHits,
  text: string,
  i: number,
  decide: Decide | null,
  seen: number[] | null,
): TermMatch | null {
  const c = text.charCodeAt(i);
  // An English word starts only where the previous character is not a letter/digit.
  if (isWordChar(c) && i > 0 && isWordChar(text.charCodeAt(i - 1))) return null;
  if (!canStart(trie, c)) return null;
  walkFrom(trie, text, i, hits);
  const n = text.length;
  for (let h = hits.count - 1; h >= 0; h--) {
    const end = hits.ends[h];
    // ... and ends only where the next character is not a letter/digit.
    if (end < n && isWordChar(text.charCodeAt(end - 1)) && isWordChar(text.charCodeAt(end))) continue;
    for (const p of hits.outs[h]) {
      if (p.exact !== null && !spellsExactly(text, i, end, p.exact)) continue;
      if (p.ambiguousKey !== null) {
        if (seen !== null && seen[seen.length - 1] !== i) seen.push(i);
        if (decide === null || !decide(p, i, end)) continue;
      }
      return { conceptId: p.conceptId, start: i, end, text: text.slice(i, end) };
    }
  }
  return null;
}

export interface PlainScan {
  /** Matches with everyday words off, in order. */
  matches: TermMatch[];
  /** Their starts (sorted). */
  starts: number[];
  /** Offsets where an everyday-word candidate was seen (sorted). */
  ambiguousStarts: number[];
}

/** Greedy scan of text for matches starting in [from, to), everyday words off. */
export function scanPlain(trie: Trie, hits: WalkHits, text: string, from: number, to: number): PlainScan {
  const matches: TermMatch[] = [];
  const starts: number[] = [];
  const ambiguousStarts: number[] = [];
  let i = from;
  while (i < to) {
    const m = stepAt(trie, hits, text, i, null, ambiguousStarts);
    if (m === null) {
      i++;
    } else {
      matches.push(m);
      starts.push(m.start);
      i = m.end;
    }
  }
  return { matches, starts, ambiguousStarts };
}

/** Index of the first element >= x in a sorted array. */
export function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The same scan with everyday words judged by `decide`, for matches starting
 * in [from, to). `plain` must come from scanPlain over a range that starts at
 * or before `from` and reaches `to`.
 */
export function scanJudged(
  trie: Trie,
  hits: WalkHits,
  text: string,
  from: number,
  to: number,
  plain: PlainScan,
  decide: Decide,
): TermMatch[] {
  const { matches: U, starts, ambiguousStarts: cand } = plain;
  const out: TermMatch[] = [];

  /** Did scanPlain stand on offset i? Only if i is not strictly inside one of its matches. */
  const onPlainPath = (i: number): boolean => {
    const k = lowerBound(starts, i + 1) - 1; // last match starting at or before i
    return k < 0 || U[k].start === i || U[k].end <= i;
  };
  /** Real steps until back on scanPlain's path. */
  const resync = (i: number): number => {
    while (i < to && !onPlainPath(i)) {
      const m = stepAt(trie, hits, text, i, decide, null);
      if (m === null) i++;
      else {
        out.push(m);
        i = m.end;
      }
    }
    return i;
  };

  let i = resync(from);
  let u = lowerBound(starts, i);
  let c = lowerBound(cand, i);
  while (i < to) {
    while (c < cand.length && cand[c] < i) c++;
    const next = c < cand.length ? Math.min(cand[c], to) : to;
    // Between candidates, scanPlain's matches stand.
    while (u < U.length && U[u].start < i) u++;
    while (u < U.length && U[u].start < next) {
      out.push(U[u]);
      i = U[u].end;
      u++;
    }
    if (next >= to) break;
    i = next;
    const m = stepAt(trie, hits, text, i, decide, null);
    if (m === null) i++;
    else {
      out.push(m);
      i = m.end;
    }
    i = resync(i);
  }
  return out;
}
