// Public shapes of the term finder.

/** One annotation: text.slice(start, end) names concept conceptId. */
export interface TermMatch {
  conceptId: string;
  /** UTF-16 offset into the original text, inclusive. */
  start: number;
  /** UTF-16 offset into the original text, exclusive. */
  end: number;
  /** The matched text as written. */
  text: string;
}

/**
 * One unit of work: usually a single text node's string. contextBefore and
 * contextAfter are the surrounding text of the same block (e.g. the
 * paragraph's other text nodes); they are never matched, only read to decide
 * everyday words like "attention". About 400 characters on each side is
 * enough; longer strings are only sliced, never copied whole.
 */
export interface MatchInput {
  text: string;
  contextBefore?: string;
  contextAfter?: string;
  /**
   * Optional range for slicing a very long string into pieces: only matches
   * starting in [from, to) are returned (a match may end after `to`). Resume
   * the next piece at resumeOffset(matches, to).
   */
  from?: number;
  to?: number;
}

/** What to do with everyday words (the `ambiguous` forms of the knowledge base). */
export type AmbiguityMode = 'context' | 'never' | 'always';

export interface MatcherOptions {
  /** 'context' (default): judge each occurrence; 'never'/'always': skip/keep all. */
  ambiguity?: AmbiguityMode;
}

export interface Matcher {
  /** Number of surface patterns (names, aliases, plurals, variants) in the trie. */
  readonly patternCount: number;
  /**
   * Compiles the derived forms ("generalizes", "initialize the weights") into the trie now; the
   * first find does otherwise. A caller that must keep its tasks short runs this in one of its own.
   */
  compileDerived(): void;
  /** Compiles the short forms that sessions use ("the mask" after "causal mask") now; a session's first find does otherwise. */
  compileShortForms(): void;
  find(input: string | MatchInput): TermMatch[];
  /**
   * A matcher that remembers, per section, which concepts were named in
   * full, so that a later short form ("the mask" after "causal mask") carries
   * the same card. Feed it a page's strings in reading order.
   */
  session(): MatchSession;
}

export interface MatchSession {
  /** Like Matcher.find, plus short forms of concepts named earlier in `section`. */
  find(input: string | MatchInput, section: number | string): TermMatch[];
}

export type { Density } from '@/platform/settings';
