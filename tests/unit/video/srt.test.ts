import { describe, expect, it } from 'vitest';
import { parseSrt } from '@/features/video/captions/srt';
import type { Cue } from '@/features/video/captions/types';
import { readFixture, withLineEndings } from '@/tests/unit/video/read-fixture';

const LECTURE: Cue[] = [
  { id: '1', start: 1, end: 3.5, text: 'A convolutional layer slides a small filter' },
  { id: '2', start: 3.5, end: 7.25, text: 'across the image, looking for\nedges and corners.' },
  { id: '3', start: 7.25, end: 62, text: 'Pooling then shrinks the feature map.' },
  { id: '4', start: 3723.004, end: 3725.6, text: 'Max pooling keeps the largest value & drops the rest.' },
];

const MESSY: Cue[] = [
  { id: '1', start: 0.5, end: 2, text: 'Dot milliseconds still work.' },
  { start: 2, end: 4, text: 'This cue lost its index number.' },
  { id: '3', start: 4, end: 6.5, text: 'Hour-less timestamps are read as minutes and seconds.' },
  { id: '4', start: 6.5, end: 8, text: 'Cue four follows with no blank line,\nand has a second line.' },
  { id: '5', start: 8, end: 10, text: '42' },
  { id: '6', start: 12, end: 12, text: 'A reversed span keeps its words.' },
  { id: '8', start: 14, end: 15, text: 'The dropout rate is 0.5.' },
];

describe('parseSrt', () => {
  it('reads indexes, multi-line cues, coordinates, HTML tags and ASS overrides', () => {
    expect(parseSrt(readFixture('lecture.srt'))).toEqual(LECTURE);
  });

  it('gives the same cues with a BOM and CRLF or CR line endings', () => {
    const source = readFixture('lecture.srt');
    expect(parseSrt(withLineEndings(source, '\r\n', true))).toEqual(LECTURE);
    expect(parseSrt(withLineEndings(source, '\r'))).toEqual(LECTURE);
  });

  it('survives dot milliseconds, missing indexes and blank lines, bad times and trailing garbage', () => {
    expect(parseSrt(readFixture('messy.srt'))).toEqual(MESSY);
  });

  it('sorts cues that are out of order and keeps overlaps', () => {
    const source = '2\n00:00:05,000 --> 00:00:09,000\nlater\n\n1\n00:00:01,000 --> 00:00:06,000\nearlier\n';
    expect(parseSrt(source)).toEqual([
      { id: '1', start: 1, end: 6, text: 'earlier' },
      { id: '2', start: 5, end: 9, text: 'later' },
    ]);
  });

  it('returns no cues for input without a timing line', () => {
    expect(parseSrt('')).toEqual([]);
    expect(parseSrt('1\nhello\n\n2\nworld')).toEqual([]);
  });
});
