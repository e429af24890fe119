// A matcher that remembers, per section, which concepts the page has named in
// full, so that short forms after the long form carry the card
// (short-forms.ts). The short forms are compiled on first use, not with the
// matcher, so the content script's start-up task does not grow with them.

import type { ConceptHead } from '@/features/concepts/types';
import type { Pattern } from '@/features/concepts/match/patterns';
import { buildShortForms, type ShortForms } from '@/features/concepts/match/short-forms';
import type { MatchInput, MatchSession, TermMatch } from '@/features/concepts/match/types';

export interface SessionFactory {
  session(): MatchSession;
  /** Compiles the short forms now (otherwise a session's first find does). */
  compileShortForms(): void;
}

/** Sessions over `find`, for the knowledge base whose full patterns are `patterns`. */
export function sessionFactory(
  concepts: readonly ConceptHead[],
  patterns: readonly Pattern[],
  find: (input: string | MatchInput) => TermMatch[],
): SessionFactory {
  let shortForms: ShortForms | null = null;
  const compileShortForms = (): ShortForms => (shortForms ??= buildShortForms(concepts, new Set(patterns.map((p) => p.key))));
  return {
    compileShortForms,
    session() {
      const sections = new Map<number | string, Map<string, number>>();
      let counter = 0;
      const order = (): number => ++counter;
      return {
        find(input, section) {
          const found = find(input);
          const req: MatchInput = typeof input === 'string' ? { text: input } : input;
          let named = sections.get(section);
          if (named === undefined) sections.set(section, (named = new Map()));
          const short = compileShortForms();
          const from = Math.max(0, req.from ?? 0);
          const to = Math.min(req.text.length, req.to ?? req.text.length);
          const extra = short.fill(req.text, from, to, found, named, order);
          return extra.length === 0 ? found : [...found, ...extra].sort((a, b) => a.start - b.start);
        },
      };
    },
  };
}
