// SubRip (.srt). There is no formal spec; this follows what players accept:
// an optional index line, `hh:mm:ss,ttt --> hh:mm:ss,ttt` (dots, missing
// hours and trailing coordinates tolerated), then text up to a blank line.

import { blocksToCues, scanCueBlocks } from '@/features/video/captions/cue-blocks';
import { decodeEntities } from '@/features/video/captions/entities';
import { splitLines } from '@/features/video/captions/lines';
import { stripAssOverrides, stripTags } from '@/features/video/captions/markup';
import { toPlainText } from '@/features/video/captions/plain-text';
import type { Cue } from '@/features/video/captions/types';

function cleanText(raw: string): string {
  // SubRip has no character references, but files converted from WebVTT or
  // HTML carry `&amp;` and friends; only well-formed `&name;` is touched.
  return toPlainText(decodeEntities(stripTags(stripAssOverrides(raw))));
}

/** Cues of a SubRip file, sorted by start. Malformed blocks are skipped; never throws. */
export function parseSrt(source: string): Cue[] {
  if (typeof source !== 'string' || source === '') return [];
  return blocksToCues(scanCueBlocks(splitLines(source), 0), cleanText);
}
