// The block structure WebVTT and SubRip share: an optional identifier line, a
// timing line, then text lines up to a blank line.
//
// Real files break that structure, so the scanner trusts the timing line more
// than the blank lines: any line with a valid `-->` starts a new cue, even
// without a blank line before it. Blocks that cannot be a cue (no timing
// line, or one that does not parse) are skipped up to the next blank line or
// timing line; nothing here throws.

import { sortCues } from '@/features/video/captions/sort';
import { hasArrow, parseTimingLine } from '@/features/video/captions/timestamp';
import type { Cue } from '@/features/video/captions/types';

export interface RawCue {
  start: number;
  end: number;
  id: string | undefined;
  /** Text lines exactly as in the file, markup included. */
  lines: string[];
}

export interface ScanOptions {
  /** True for a block's first line when the whole block is not a cue (WebVTT NOTE, STYLE, REGION). */
  isSkippedBlock?: (firstLine: string) => boolean;
}

const INDEX = /^\s*\d+\s*$/;

export function scanCueBlocks(
  lines: readonly string[],
  from: number,
  options: ScanOptions = {},
): RawCue[] {
  const cues: RawCue[] = [];
  let current: RawCue | null = null;
  // A block's first line, kept until we learn whether a timing line follows.
  let pendingId: string | null = null;
  let skipping = false;

  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      if (current !== null) cues.push(current);
      current = null;
      pendingId = null;
      skipping = false;
      continue;
    }
    if (hasArrow(line)) {
      let id = pendingId;
      if (current !== null) {
        // With the blank line missing, a number just above the timing line
        // is the next cue's index, not text, unless it is the only text the
        // current cue has.
        const last: string | undefined = current.lines[current.lines.length - 1];
        if (current.lines.length >= 2 && last !== undefined && INDEX.test(last)) {
          current.lines.pop();
          id = last.trim();
        }
        cues.push(current);
        current = null;
      }
      pendingId = null;
      const timing = parseTimingLine(line);
      skipping = timing === null;
      if (timing !== null) {
        // An end before the start is a typing slip seen in published files
        // (one of the 3Blue1Brown captions has 13:41.380 --> 13:40.520); the
        // words are still worth having, so the cue keeps its start and
        // becomes zero-length.
        const end = Math.max(timing.start, timing.end);
        current = { start: timing.start, end, id: id ?? undefined, lines: [] };
      }
      continue;
    }
    if (current !== null) current.lines.push(line);
    else if (skipping) continue;
    else if (pendingId === null) {
      if (options.isSkippedBlock?.(line) === true) skipping = true;
      else pendingId = line.trim();
    } else {
      // Two lines and still no timing: whatever this block is, it is not a cue.
      pendingId = null;
      skipping = true;
    }
  }
  if (current !== null) cues.push(current);
  return cues;
}

/**
 * Turns scanned blocks into sorted cues. Cues whose text is empty once
 * cleaned are dropped: they carry nothing a timeline could show.
 */
export function blocksToCues(blocks: readonly RawCue[], clean: (raw: string) => string): Cue[] {
  const cues: Cue[] = [];
  for (const block of blocks) {
    const text = clean(block.lines.join('\n'));
    if (text === '') continue;
    const cue: Cue = { start: block.start, end: block.end, text };
    if (block.id !== undefined && block.id !== '') cue.id = block.id;
    cues.push(cue);
  }
  return sortCues(cues);
}
