// Removing inline markup from cue text.
//
// Both patterns exclude their own opening character from the body, so a
// failed match never scans past the next candidate: the cost stays linear
// even for long lines of junk full of '<' or '{'.

import { parseTimestamp } from '@/features/video/captions/timestamp';

// `<` must be followed by a letter, '/' or digit, so prose such as "x < y"
// or "a <- b" stays. Tags never span lines in WebVTT or SubRip.
const TAG = /<(\/?)([A-Za-z][^<>\n]*|\d[^<>\n]*)>/g;
const TAG_NAME = /^[A-Za-z][A-Za-z0-9]*/;

/**
 * Removes WebVTT and HTML-style tags (`<v Speaker>`, `<c.yellow>`, `<b>`,
 * `<font color="red">`, `<00:00:01.000>`, ...). Ruby annotations (`<rt>`) are
 * dropped with their content: they are pronunciation hints, not speech, and
 * would otherwise be glued to the base text.
 */
export function stripTags(text: string): string {
  const parts: string[] = [];
  let copyFrom = 0;
  let inAnnotation = false;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(text); match !== null; match = TAG.exec(text)) {
    const closing = match[1] === '/';
    const body = match[2] ?? '';
    // `<3 ...>` is a heart, not a tag; only a timestamp may start with a digit.
    if (!closing && /^\d/.test(body) && parseTimestamp(body) === null) {
      TAG.lastIndex = match.index + 1;
      continue;
    }
    if (!inAnnotation) parts.push(text.slice(copyFrom, match.index));
    copyFrom = match.index + match[0].length;
    const name = (TAG_NAME.exec(body)?.[0] ?? '').toLowerCase();
    if (!closing && name === 'rt') inAnnotation = true;
    // `</ruby>` also ends an annotation whose `</rt>` was left out.
    else if (closing && (name === 'rt' || name === 'ruby')) inAnnotation = false;
  }
  if (!inAnnotation) parts.push(text.slice(copyFrom));
  return parts.join('');
}

const ASS_OVERRIDE = /\{\\[^{}\n]*\}/g;

/** Removes ASS/SSA override blocks such as `{\an8}` or `{\i1}` that SubRip files inherit. */
export function stripAssOverrides(text: string): string {
  return text.replace(ASS_OVERRIDE, '');
}
