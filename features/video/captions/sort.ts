// Cue order for consumers: by start time, overlaps kept.

import type { Cue } from '@/features/video/captions/types';

/**
 * Sorts in place by start time. The sort is stable, so cues that start
 * together keep their file order; already-sorted input (the common case)
 * is detected in one pass and left alone.
 */
export function sortCues(cues: Cue[]): Cue[] {
  for (let i = 1; i < cues.length; i++) {
    const previous = cues[i - 1];
    const cue = cues[i];
    if (previous !== undefined && cue !== undefined && cue.start < previous.start) {
      return cues.sort((a, b) => a.start - b.start);
    }
  }
  return cues;
}
