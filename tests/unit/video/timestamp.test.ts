import { describe, expect, it } from 'vitest';
import { parseTimestamp, parseTimingLine } from '@/features/video/captions/timestamp';

describe('parseTimestamp', () => {
  it('reads hours, minutes, seconds and milliseconds', () => {
    expect(parseTimestamp('01:02:03.456')).toBe(3723.456);
    expect(parseTimestamp('00:00:04,220')).toBe(4.22);
    expect(parseTimestamp('123:00:00.000')).toBe(442800);
  });

  it('reads hour-less and short forms', () => {
    expect(parseTimestamp('02:03.500')).toBe(123.5);
    expect(parseTimestamp('2:03')).toBe(123);
    expect(parseTimestamp('00:01,5')).toBe(1.5);
    expect(parseTimestamp(' 00:01.000 ')).toBe(1);
  });

  it('rejects what is not a timestamp', () => {
    for (const bad of ['', '1', '00:60.000', '00:00:60,000', '00:61:00.000', 'a:bc', '00:01.000x', '-00:01.000']) {
      expect(parseTimestamp(bad), bad).toBeNull();
    }
  });
});

describe('parseTimingLine', () => {
  it('reads start, end and the settings after them', () => {
    expect(parseTimingLine('00:00:01.000 --> 00:00:02.500 align:start position:10%')).toEqual({
      start: 1,
      end: 2.5,
      settings: 'align:start position:10%',
    });
    expect(parseTimingLine('00:01.000-->00:02.000')).toEqual({ start: 1, end: 2, settings: '' });
    expect(parseTimingLine('00:00:01,000 --> 00:00:02,000  X1:40 X2:600')).toEqual({
      start: 1,
      end: 2,
      settings: 'X1:40 X2:600',
    });
  });

  it('rejects lines without two valid timestamps', () => {
    for (const bad of ['00:01.000 -->', '--> 00:01.000', 'x 00:01.000 --> 00:02.000', '00:01.000 --> soon', '00:01.000 00:02.000']) {
      expect(parseTimingLine(bad), bad).toBeNull();
    }
  });
});
