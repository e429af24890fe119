// Sniffing a caption format from content, and reading a format from a hint
// (a format name, file name, URL or MIME type).

import { parseTimingLine } from '@/features/video/captions/timestamp';
import type { CaptionFormat } from '@/features/video/captions/types';

const SIGNATURE = /^WEBVTT(?:[ \t\r\n]|$)/;
const INDEX = /^\s*\d+\s*$/;
// Only the first few timing candidates are looked at: a caption file that
// shows no valid timing line that early is not worth guessing about.
const MAX_ARROWS = 20;

function lineAround(text: string, index: number): { line: string; start: number } {
  const start = Math.max(text.lastIndexOf('\n', index), text.lastIndexOf('\r', index)) + 1;
  let end = text.length;
  const lf = text.indexOf('\n', index);
  const cr = text.indexOf('\r', index);
  if (lf >= 0) end = lf;
  if (cr >= 0 && cr < end) end = cr;
  return { line: text.slice(start, end), start };
}

function previousNonBlankLine(text: string, lineStart: number): string {
  // Only a short stretch is examined: an index sits right above its timing line.
  const before = text.slice(Math.max(0, lineStart - 200), lineStart).split(/\r\n|\r|\n/);
  for (let i = before.length - 1; i >= 0; i--) {
    const line = before[i] ?? '';
    if (line.trim() !== '') return line;
  }
  return '';
}

/**
 * The format `source` looks like, or null. A string is WebVTT when it starts
 * with the `WEBVTT` signature, Bilibili JSON when it starts with `{` or `[`,
 * and otherwise decided by its first valid timing line: a comma before the
 * milliseconds or an index line above it means SubRip, anything else is read
 * as WebVTT that lost its header. A non-string is Bilibili JSON already
 * parsed when it is an array or has a `body` array.
 */
export function detectFormat(source: unknown): CaptionFormat | null {
  if (typeof source !== 'string') {
    if (Array.isArray(source)) return 'bilibili-json';
    if (typeof source === 'object' && source !== null && Array.isArray((source as { body?: unknown }).body)) {
      return 'bilibili-json';
    }
    return null;
  }
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const first = text.search(/\S/);
  if (first < 0) return null;
  if (SIGNATURE.test(text.slice(first, first + 7))) return 'vtt';
  const firstChar = text[first];
  if (firstChar === '{' || firstChar === '[') return 'bilibili-json';

  let arrow = text.indexOf('-->');
  for (let tries = 0; arrow >= 0 && tries < MAX_ARROWS; tries++) {
    const { line, start } = lineAround(text, arrow);
    if (parseTimingLine(line) !== null) {
      if (/^\s*\d+:\d+(?::\d+)?,/.test(line)) return 'srt';
      return INDEX.test(previousNonBlankLine(text, start)) ? 'srt' : 'vtt';
    }
    arrow = text.indexOf('-->', arrow + 3);
  }
  return null;
}

const HINTS: ReadonlyMap<string, CaptionFormat> = new Map<string, CaptionFormat>([
  ['vtt', 'vtt'],
  ['webvtt', 'vtt'],
  ['text/vtt', 'vtt'],
  ['srt', 'srt'],
  ['subrip', 'srt'],
  ['application/x-subrip', 'srt'],
  ['text/srt', 'srt'],
  ['bilibili-json', 'bilibili-json'],
  ['bilibili', 'bilibili-json'],
  ['json', 'bilibili-json'],
  // Bilibili's own name for its subtitle JSON files.
  ['bcc', 'bilibili-json'],
  ['application/json', 'bilibili-json'],
]);

/**
 * The format named by a hint: `'vtt'`, `'srt'`, `'bilibili-json'`, a file
 * name or URL ending in `.vtt`, `.srt`, `.json` or `.bcc`, or a MIME type
 * such as `text/vtt; charset=utf-8`. Null when the hint names none.
 */
export function formatFromHint(hint: string | undefined): CaptionFormat | null {
  if (hint === undefined) return null;
  const lower = hint.trim().toLowerCase();
  const direct = HINTS.get(lower.split(';')[0]?.trim() ?? '');
  if (direct !== undefined) return direct;
  const path = lower.split(/[?#]/)[0] ?? '';
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return null;
  return HINTS.get(path.slice(dot + 1)) ?? null;
}
