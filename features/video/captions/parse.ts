// One entry point for callers that do not know what they were given.

import { parseBilibiliJson } from '@/features/video/captions/bilibili';
import { detectFormat, formatFromHint } from '@/features/video/captions/detect';
import { parseSrt } from '@/features/video/captions/srt';
import type { CaptionFormat, Cue, ParsedCaptions } from '@/features/video/captions/types';
import { parseVtt } from '@/features/video/captions/vtt';

function parseAs(format: CaptionFormat, source: unknown): Cue[] {
  if (format === 'bilibili-json') return parseBilibiliJson(source);
  if (typeof source !== 'string') return [];
  return format === 'vtt' ? parseVtt(source) : parseSrt(source);
}

/**
 * Parses captions of any supported format. The hint (see `formatFromHint`)
 * is tried first, since a server's word is usually right; when it yields no
 * cues the sniffed format is tried, so a mislabelled file still works.
 * `format` is the format the cues came from, or, when there are none, the
 * best guess at what the source is (null when it looks like no caption
 * format). Never throws.
 */
export function parseCaptions(source: unknown, hint?: string): ParsedCaptions {
  const hinted = formatFromHint(hint);
  const detected = detectFormat(source);
  const candidates: CaptionFormat[] = [];
  if (hinted !== null) candidates.push(hinted);
  if (detected !== null && detected !== hinted) candidates.push(detected);
  for (const format of candidates) {
    const cues = parseAs(format, source);
    if (cues.length > 0) return { format, cues };
  }
  return { format: detected ?? hinted, cues: [] };
}
