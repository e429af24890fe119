// buildMatcher: compile the knowledge base once, then find concept mentions
// in any number of strings.
//
// Matching is a greedy leftmost-longest scan: at each possible start, walk
// the trie (trie.ts) and take the longest pattern that passes its checks
// (word boundaries, exact case for abbreviations, context for everyday
// words), then continue after it. So "stochastic gradient descent" beats
// "gradient descent" and "多层感知机" beats "感知机", and matches never overlap.
//
// Everyday words need the density of unambiguous concepts around them
// (context.ts, rule 3), so the string is first scanned with everyday words
// switched off, which yields the unambiguous mentions; then the everyday-word
// candidates are judged against those (scan.ts replays the first scan and
// only re-walks around the candidates).

import type { ConceptHead } from '@/features/concepts/types';
import { CONTEXT_CHARS, judgeAmbiguous } from '@/features/concepts/match/context';
import { conceptPatterns, conceptPatternSteps, type Pattern } from '@/features/concepts/match/patterns';
import { isGloss } from '@/features/concepts/match/gloss';
import { buildNarrow } from '@/features/concepts/match/narrow';
import { sessionFactory } from '@/features/concepts/match/session';
import { STOP_ID, stopPatterns } from '@/features/concepts/match/stop-forms';
import { lowerBound, scanJudged, scanPlain, type Decide } from '@/features/concepts/match/scan';
import { buildTrie, insertPatterns, newWalkHits } from '@/features/concepts/match/trie';
import type { MatchInput, Matcher, MatcherOptions, TermMatch } from '@/features/concepts/match/types';

/** Unambiguous mentions within this many characters make an everyday word technical. */
export const DENSITY_WINDOW = 400;
/** Weight of another everyday-word candidate in the density count. */
export const AMBIGUOUS_DENSITY = 0.5;

/** Number of sorted starts within [lo, hi]. */
function countInRange(starts: readonly number[], lo: number, hi: number): number {
  return lowerBound(starts, hi + 1) - lowerBound(starts, lo);
}

/** Where to start the next piece after find({ ..., to }). */
export function resumeOffset(matches: readonly TermMatch[], to: number): number {
  const last = matches[matches.length - 1];
  return last !== undefined && last.end > to ? last.end : to;
}

export function buildMatcher(concepts: readonly ConceptHead[], options: MatcherOptions = {}): Matcher {
  const steps = buildMatcherSteps(concepts, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * buildMatcher in steps, for a page that gives the browser its turn between them: building the
 * trie in one go is a task of 30 to 60 ms on a two-core machine.
 */
export function* buildMatcherSteps(concepts: readonly ConceptHead[], options: MatcherOptions = {}): Generator<void, Matcher> {
  const ambiguity = options.ambiguity ?? 'context';
  const patterns: Pattern[] = [];
  yield* conceptPatternSteps(concepts, 'base', patterns);
  yield;
  // Stop forms ("self-supervised", 下采样) are matched, then dropped (stop-forms.ts); on a
  // shared key they rank after the concepts' patterns.
  const trie = buildTrie(patterns);
  insertPatterns(trie, stopPatterns());
  yield;
  // The derived forms ("generalizes", "initialize the weights") nearly double
  // the patterns. They are compiled into the same trie on the first find(),
  // inside the first slice of annotation work, so the content script's
  // start-up task (which builds the matcher) does not grow with them.
  let derivedCount = -1;
  function ensureDerived(): void {
    if (derivedCount >= 0) return;
    const derived = conceptPatterns(concepts, 'derived');
    insertPatterns(trie, derived);
    derivedCount = derived.length;
  }
  const hits = newWalkHits();
  // Context strings are scanned from inside a decision of the main scan,
  // which is still reading `hits`: they get their own buffer.
  const contextHits = newWalkHits();

  /** Starts of unambiguous mentions in a context string (for density). */
  function contextStarts(s: string): number[] {
    return scanPlain(trie, contextHits, s, 0, s.length).starts;
  }

  const narrow = buildNarrow(concepts);

  function find(input: string | MatchInput): TermMatch[] {
    const found = findWithStops(input);
    const kept = found.some((m) => m.conceptId === STOP_ID) ? found.filter((m) => m.conceptId !== STOP_ID) : found;
    return narrow === null ? kept : narrow(kept, typeof input === 'string' ? { text: input } : input);
  }

  function findWithStops(input: string | MatchInput): TermMatch[] {
    ensureDerived();
    const req: MatchInput = typeof input === 'string' ? { text: input } : input;
    const text = req.text;
    const from = Math.max(0, req.from ?? 0);
    const to = Math.min(text.length, req.to ?? text.length);
    if (from >= to) return [];

    // Pass 1: everyday words off. Scan a margin around the range too, so
    // density near the range edges sees the neighbouring mentions.
    const lo = ambiguity === 'context' ? Math.max(0, from - DENSITY_WINDOW) : from;
    const hi = ambiguity === 'context' ? Math.min(text.length, to + DENSITY_WINDOW) : to;
    const plain = scanPlain(trie, hits, text, lo, hi);
    if (plain.ambiguousStarts.length === 0 || ambiguity === 'never') {
      return lo === from && hi === to ? plain.matches : plain.matches.filter((m) => m.start >= from && m.start < to);
    }
    if (ambiguity === 'always') return scanJudged(trie, hits, text, from, to, plain, () => true);

    const { starts, ambiguousStarts: candidates } = plain;
    let accepted: number[] = [];
    // Everyday words accepted in the first pass, counted on both sides in the
    // second (see below).
    let prior: number[] = [];
    const before = req.contextBefore ?? '';
    const after = req.contextAfter ?? '';
    // Context strings are scanned lazily, only as far as the window reaches.
    let beforeStarts: number[] | null = null;
    let afterStarts: number[] | null = null;

    const decide: Decide = (p, start, end) => {
      // Unambiguous mentions count 1. Other everyday-word candidates are only
      // possibly technical and count AMBIGUOUS_DENSITY; those already accepted
      // earlier in this scan count 1 ("Each token ... earlier tokens").
      const winLo = start - DENSITY_WINDOW;
      const winHi = end + DENSITY_WINDOW;
      const others = countInRange(candidates, winLo, winHi) - 1;
      if (isGloss(text, start, end, p.conceptId, plain.matches, starts)) {
        accepted.push(start);
        return true;
      }
      const acceptedNear =
        prior.length > 0
          ? countInRange(prior, winLo, winHi) - (countInRange(prior, start, start) > 0 ? 1 : 0)
          : countInRange(accepted, winLo, start);
      let density =
        countInRange(starts, winLo, winHi) +
        AMBIGUOUS_DENSITY * Math.max(0, others) +
        (1 - AMBIGUOUS_DENSITY) * acceptedNear;
      if (winLo < 0 && before.length > 0) {
        beforeStarts ??= contextStarts(before.slice(-DENSITY_WINDOW));
        const tail = Math.min(before.length, DENSITY_WINDOW);
        density += countInRange(beforeStarts, tail + winLo, tail); // winLo < 0: reach into `before`
      }
      if (winHi > text.length && after.length > 0) {
        afterStarts ??= contextStarts(after.slice(0, DENSITY_WINDOW));
        density += countInRange(afterStarts, 0, winHi - text.length);
      }
      let b = text.slice(Math.max(0, start - CONTEXT_CHARS), start);
      if (b.length < CONTEXT_CHARS) b = before.slice(-(CONTEXT_CHARS - b.length)) + b;
      let a = text.slice(end, end + CONTEXT_CHARS);
      if (a.length < CONTEXT_CHARS) a += after.slice(0, CONTEXT_CHARS - a.length);
      const ok = judgeAmbiguous({
        key: p.ambiguousKey ?? '',
        surface: text.slice(start, end),
        before: b,
        after: a,
        density,
      }).accept;
      if (ok) accepted.push(start);
      return ok;
    };
    const first = scanJudged(trie, hits, text, from, to, plain, decide);
    // A term accepted late in the string vouches for an earlier one too. In a
    // scan that decides in reading order, the first of a run of everyday
    // terms only ever saw half-weight neighbours: "Tokenization ... each
    // token ... its embedding ... attention" accepted every term but the
    // first. So when some candidate was rejected, judge again with every
    // first-pass acceptance counted on both sides. (Only adds acceptances.)
    if (accepted.length === 0 || accepted.length >= candidates.length) return first;
    prior = accepted;
    accepted = [];
    return scanJudged(trie, hits, text, from, to, plain, decide);
  }

  const sessions = sessionFactory(concepts, patterns, find);

  return {
    get patternCount() {
      ensureDerived();
      return patterns.length + derivedCount;
    },
    compileDerived: ensureDerived,
    compileShortForms: () => sessions.compileShortForms(),
    find,
    session: () => sessions.session(),
  };
}
