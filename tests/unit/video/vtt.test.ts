import { describe, expect, it } from 'vitest';
import type { Cue } from '@/features/video/captions/types';
import { parseVtt } from '@/features/video/captions/vtt';
import { readFixture, withLineEndings } from '@/tests/unit/video/read-fixture';

const LECTURE: Cue[] = [
  { id: 'intro', start: 1, end: 4.5, text: 'A neuron holds a number between 0 and 1.' },
  { start: 4.5, end: 9.25, text: 'That number is called its activation.' },
  {
    id: 'weights-1',
    start: 9.25,
    end: 14,
    text: 'Weights & biases decide\nhow strongly one layer talks to the next.',
  },
  { start: 14, end: 18, text: 'So the sigmoid squashes any input into (0, 1)?' },
  { start: 18, end: 21, text: '神经网络 is 神経 in Japanese \u200E\u2192 x < y > z \u2014 done' },
  { start: 21, end: 25, text: '<b> is shown literally, and so is AT&T&unknown;' },
];

const MESSY: Cue[] = [
  { id: '1', start: 0, end: 2, text: 'Gradient descent takes a small step' },
  { id: '2', start: 2, end: 4, text: 'downhill on the cost surface.' },
  { start: 4, end: 6, text: 'No blank line and no identifier here.' },
  { id: 'overlap-a', start: 8, end: 11, text: 'while the learning rate sets the step size.' },
  { id: 'overlap-b', start: 10, end: 12, text: 'Backpropagation computes every gradient' },
  { start: 13, end: 15, text: 'trailing and leading spaces are trimmed' },
];

describe('parseVtt', () => {
  it('reads header, NOTE/STYLE/REGION blocks, identifiers, settings, tags and entities', () => {
    expect(parseVtt(readFixture('lecture.vtt'))).toEqual(LECTURE);
  });

  it('gives the same cues with a BOM and CRLF or CR line endings', () => {
    const source = readFixture('lecture.vtt');
    const crlf = withLineEndings(source, '\r\n', true);
    const cr = withLineEndings(source, '\r', true);
    expect(crlf).toContain('\r\n');
    expect(parseVtt(crlf)).toEqual(LECTURE);
    expect(parseVtt(cr)).toEqual(LECTURE);
  });

  it('survives missing blank lines, broken blocks, stray lines, empty cues and overlaps', () => {
    expect(parseVtt(readFixture('messy.vtt'))).toEqual(MESSY);
  });

  it('keeps a lone number as text when it is all the cue says', () => {
    const source = 'WEBVTT\n\n00:01.000 --> 00:02.000\n42\n00:02.000 --> 00:03.000\nlayers';
    expect(parseVtt(source)).toEqual([
      { start: 1, end: 2, text: '42' },
      { start: 2, end: 3, text: 'layers' },
    ]);
  });

  it('starts the body at the first timing line when the header has no blank line after it', () => {
    const source = 'WEBVTT\nKind: captions\n00:00.000 --> 00:01.000\nfirst\n\n00:01.000 --> 00:02.000\nsecond';
    expect(parseVtt(source)).toEqual([
      { start: 0, end: 1, text: 'first' },
      { start: 1, end: 2, text: 'second' },
    ]);
  });

  it('reads a file that lacks the WEBVTT line', () => {
    expect(parseVtt('00:00:01.000 --> 00:00:02.000\nno header')).toEqual([{ start: 1, end: 2, text: 'no header' }]);
  });

  it('treats NOTE as text inside a cue and as a comment at the start of a block', () => {
    const source = 'WEBVTT\n\n00:01.000 --> 00:02.000\nNOTE this line is text\n\nNOTE\nthis is a comment\n';
    expect(parseVtt(source)).toEqual([{ start: 1, end: 2, text: 'NOTE this line is text' }]);
  });

  it('returns no cues for a header-only file or empty input', () => {
    expect(parseVtt('WEBVTT\n')).toEqual([]);
    expect(parseVtt('WEBVTT')).toEqual([]);
    expect(parseVtt('')).toEqual([]);
    expect(parseVtt('\uFEFF')).toEqual([]);
  });
});
