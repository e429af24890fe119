// Timestamps and timing lines shared by WebVTT and SubRip.
//
// Deliberately more lenient than either spec: real files come from many
// converters, so hours are optional, minutes and seconds may have one digit,
// and the fraction may use '.' or ',' with any number of digits (or be
// absent). Minutes and seconds above 59 are rejected, as both specs do, since
// such a value is far more likely garbage than a real time.

const TIMESTAMP = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d+))?/;

/** Seconds for a timestamp such as `01:02:03.456`, `02:03,4` or `2:03`; null if invalid. */
export function parseTimestamp(text: string): number | null {
  const trimmed = text.trim();
  const match = TIMESTAMP.exec(trimmed);
  if (match === null || match[0].length !== trimmed.length) return null;
  return timestampFromMatch(match);
}

function timestampFromMatch(match: RegExpExecArray): number | null {
  const hours = match[1] === undefined ? 0 : Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  if (minutes > 59 || seconds > 59) return null;
  // Reading the digits as a decimal fraction keeps ',5' as half a second
  // rather than five milliseconds.
  const fraction = match[4] === undefined ? 0 : Number(`0.${match[4]}`);
  const total = hours * 3600 + minutes * 60 + seconds + fraction;
  // Millisecond rounding removes float noise such as 4.220000000000001.
  return Number.isFinite(total) ? Math.round(total * 1000) / 1000 : null;
}

export interface Timing {
  start: number;
  end: number;
  /** Whatever followed the end time: WebVTT cue settings, SubRip coordinates. */
  settings: string;
}

/** True when the line looks like it means to be a timing line, valid or not. */
export function hasArrow(line: string): boolean {
  return line.includes('-->');
}

/**
 * Reads `start --> end [settings]`. The end time may be followed by settings
 * with or without a space; nothing may precede the start time.
 */
export function parseTimingLine(line: string): Timing | null {
  const arrow = line.indexOf('-->');
  if (arrow < 0) return null;
  const start = parseTimestamp(line.slice(0, arrow));
  if (start === null) return null;
  const right = line.slice(arrow + 3).trimStart();
  const match = TIMESTAMP.exec(right);
  if (match === null) return null;
  const end = timestampFromMatch(match);
  if (end === null) return null;
  return { start, end, settings: right.slice(match[0].length).trim() };
}
