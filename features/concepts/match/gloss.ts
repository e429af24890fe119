// A term glossed by its own translation: "分词（tokenization）", "分词 :
// tokenization", "tokenization (分词)". Chinese lecture notes write the English
// term beside the Chinese one; the English word may be an everyday word
// ("tokenization" of payment cards), but its neighbour has already said which
// concept it is. Without this rule the gloss was judged alone and, with no
// English cue words around it, left unmarked.

import { isWordChar } from '@/features/concepts/match/chars';
import { lowerBound } from '@/features/concepts/match/scan';
import type { TermMatch } from '@/features/concepts/match/types';

/** Most characters between a term and its translation (brackets, colon, spaces). */
export const GLOSS_GAP = 3;

/**
 * Is text[start, end) right beside a plain (unambiguous) mention of the same
 * concept, with only punctuation or spaces between? `plain` and `starts` are
 * scanPlain's matches and their starts.
 */
export function isGloss(
  text: string,
  start: number,
  end: number,
  conceptId: string,
  plain: readonly TermMatch[],
  starts: readonly number[],
): boolean {
  const gapIsPunctuation = (a: number, b: number): boolean => {
    if (b - a > GLOSS_GAP) return false;
    for (let i = a; i < b; i++) if (isWordChar(text.charCodeAt(i))) return false;
    return true;
  };
  const k = lowerBound(starts, start);
  const before = plain[k - 1];
  const after = plain[k];
  return (
    (before !== undefined && before.conceptId === conceptId && before.end <= start && gapIsPunctuation(before.end, start)) ||
    (after !== undefined && after.conceptId === conceptId && after.start >= end && gapIsPunctuation(end, after.start))
  );
}
