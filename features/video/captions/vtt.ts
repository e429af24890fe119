// WebVTT (https://www.w3.org/TR/webvtt1/), read leniently: the goal is the
// words and their times, not validation.

import { blocksToCues, scanCueBlocks } from '@/features/video/captions/cue-blocks';
import { decodeEntities } from '@/features/video/captions/entities';
import { splitLines } from '@/features/video/captions/lines';
import { stripTags } from '@/features/video/captions/markup';
import { toPlainText } from '@/features/video/captions/plain-text';
import { hasArrow } from '@/features/video/captions/timestamp';
import type { Cue } from '@/features/video/captions/types';

const SIGNATURE = /^WEBVTT(?:[ \t]|$)/;
const NOTE = /^NOTE(?:[ \t]|$)/;
const STYLE_OR_REGION = /^(?:STYLE|REGION)[ \t]*$/;

function isSkippedBlock(firstLine: string): boolean {
  return NOTE.test(firstLine) || STYLE_OR_REGION.test(firstLine);
}

/**
 * Index of the first line after the header. The header runs from the
 * `WEBVTT` line to the first blank line; a file that forgot that blank line
 * ends its header at the first timing line instead. A file without the
 * `WEBVTT` line is read from its first line, as some converters emit.
 */
function bodyStart(lines: readonly string[]): number {
  if (!SIGNATURE.test(lines[0] ?? '')) return 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || hasArrow(line)) return i;
  }
  return lines.length;
}

function cleanText(raw: string): string {
  // Tags go before references are decoded, so `&lt;b&gt;` stays visible text.
  return toPlainText(decodeEntities(stripTags(raw)));
}

/** Cues of a WebVTT file, sorted by start. Malformed blocks are skipped; never throws. */
export function parseVtt(source: string): Cue[] {
  if (typeof source !== 'string' || source === '') return [];
  const lines = splitLines(source);
  return blocksToCues(scanCueBlocks(lines, bodyStart(lines), { isSkippedBlock }), cleanText);
}
