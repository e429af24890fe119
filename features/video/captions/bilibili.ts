// Bilibili subtitle JSON: `{ "body": [{ "from": 1.2, "to": 3.4, "content": "...",
// "location": 2, "sid": 1 }, ...] }`, times in seconds.
//
// Decision: invalid input gives an empty array, like the text formats, rather
// than a typed error. Callers only need "cues or none"; telling a broken file
// from an empty one is left to detectFormat, which looks at the shape.

import { toPlainText } from '@/features/video/captions/plain-text';
import { sortCues } from '@/features/video/captions/sort';
import { parseTimestamp } from '@/features/video/captions/timestamp';
import type { Cue } from '@/features/video/captions/types';

const NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Seconds from a number, a numeric string ("12.5") or a timestamp string ("00:12.500"). */
function toSeconds(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  // `Number('')` is 0, so the text is checked before it is converted.
  if (NUMBER.test(value)) {
    const seconds = Number(value);
    return Number.isFinite(seconds) ? seconds : null;
  }
  return parseTimestamp(value);
}

function toId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

/** The list of entries: `body` of an object, or the value itself when it is already an array. */
function entriesOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (isRecord(data) && Array.isArray(data.body)) return data.body as unknown[];
  return [];
}

function toCue(entry: unknown): Cue | null {
  if (!isRecord(entry)) return null;
  const start = toSeconds(entry.from);
  const end = toSeconds(entry.to);
  if (start === null || end === null || start < 0) return null;
  const content = typeof entry.content === 'number' ? String(entry.content) : entry.content;
  if (typeof content !== 'string') return null;
  const text = toPlainText(content);
  if (text === '') return null;
  // As in the text formats, a reversed span keeps its words as a zero-length cue.
  const cue: Cue = { start, end: Math.max(start, end), text };
  const id = toId(entry.sid);
  if (id !== undefined) cue.id = id;
  return cue;
}

/**
 * Cues of a Bilibili subtitle, from its JSON text or the already-parsed value
 * (e.g. the result of `response.json()`). Also accepts a bare array of
 * entries. Entries without usable times or text are skipped; `location`
 * (the on-screen position) is ignored. Never throws.
 */
export function parseBilibiliJson(source: unknown): Cue[] {
  let data: unknown = source;
  if (typeof source === 'string') {
    try {
      data = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
    } catch {
      return [];
    }
  }
  const cues: Cue[] = [];
  for (const entry of entriesOf(data)) {
    const cue = toCue(entry);
    if (cue !== null) cues.push(cue);
  }
  return sortCues(cues);
}
