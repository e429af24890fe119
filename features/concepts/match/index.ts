// The term finder: pure TypeScript, no DOM, runs in Node and in the page.
//
//   const matcher = buildMatcher(CONCEPTS);            // once
//   const found = matcher.find({ text, contextBefore, contextAfter });
//   const shown = selectMatches(found, { density: 'first-per-section', sectionStarts });

export { buildMatcher, buildMatcherSteps, resumeOffset, DENSITY_WINDOW } from '@/features/concepts/match/matcher';
export { selectMatches, createSelector, sectionOf, type SelectOptions, type Selector } from '@/features/concepts/match/select';
export { judgeAmbiguous, type AmbiguousCandidate, type Verdict } from '@/features/concepts/match/context';
export type { TermMatch, MatchInput, Matcher, MatchSession, MatcherOptions, AmbiguityMode, Density } from '@/features/concepts/match/types';
