import { describe, expect, it } from 'vitest';
import { detectFormat, formatFromHint } from '@/features/video/captions/detect';
import { parseCaptions } from '@/features/video/captions/parse';
import { readFixture, withLineEndings } from '@/tests/unit/video/read-fixture';

describe('detectFormat', () => {
  it('recognises each fixture', () => {
    expect(detectFormat(readFixture('lecture.vtt'))).toBe('vtt');
    expect(detectFormat(readFixture('messy.vtt'))).toBe('vtt');
    expect(detectFormat(readFixture('lecture.srt'))).toBe('srt');
    expect(detectFormat(readFixture('messy.srt'))).toBe('srt');
    expect(detectFormat(readFixture('bilibili.json'))).toBe('bilibili-json');
    expect(detectFormat(readFixture('bilibili-array.json'))).toBe('bilibili-json');
  });

  it('looks past a BOM, leading blank lines and CRLF', () => {
    expect(detectFormat(withLineEndings('\n\nWEBVTT\n\n00:01.000 --> 00:02.000\nx', '\r\n', true))).toBe('vtt');
    expect(detectFormat(withLineEndings('\n1\n00:00:01.000 --> 00:00:02.000\nx', '\r\n', true))).toBe('srt');
  });

  it('tells SubRip from header-less WebVTT by the comma or the index line', () => {
    expect(detectFormat('00:00:01,000 --> 00:00:02,000\nx')).toBe('srt');
    expect(detectFormat('7\n00:00:01.000 --> 00:00:02.000\nx')).toBe('srt');
    expect(detectFormat('00:00:01.000 --> 00:00:02.000\nx')).toBe('vtt');
    expect(detectFormat('cue-a\n00:01.000 --> 00:02.000 align:start\nx')).toBe('vtt');
  });

  it('requires the WEBVTT signature to be a whole word', () => {
    expect(detectFormat('WEBVTT\tLecture 3')).toBe('vtt');
    expect(detectFormat('WEBVTT')).toBe('vtt');
    expect(detectFormat('WEBVTTX\n')).toBeNull();
  });

  it('skips invalid timing lines before a valid one', () => {
    expect(detectFormat('a --> b\n\n1\n00:00:01,000 --> 00:00:02,000\nx')).toBe('srt');
  });

  it('recognises parsed Bilibili values', () => {
    expect(detectFormat({ body: [] })).toBe('bilibili-json');
    expect(detectFormat([])).toBe('bilibili-json');
    expect(detectFormat({ data: [] })).toBeNull();
    expect(detectFormat(42)).toBeNull();
  });

  it('returns null for text that is no caption format', () => {
    expect(detectFormat('')).toBeNull();
    expect(detectFormat('   \n ')).toBeNull();
    expect(detectFormat('hello world')).toBeNull();
    expect(detectFormat('-->')).toBeNull();
  });
});

describe('formatFromHint', () => {
  it('reads format names, file names, URLs and MIME types', () => {
    expect(formatFromHint('vtt')).toBe('vtt');
    expect(formatFromHint('WebVTT')).toBe('vtt');
    expect(formatFromHint('text/vtt; charset=utf-8')).toBe('vtt');
    expect(formatFromHint('lecture.SRT')).toBe('srt');
    expect(formatFromHint('application/x-subrip')).toBe('srt');
    expect(formatFromHint('https://example.com/subs/ai_zh.json?auth_key=1#t')).toBe('bilibili-json');
    expect(formatFromHint('https://example.com/subs/zh.bcc')).toBe('bilibili-json');
    expect(formatFromHint('bilibili')).toBe('bilibili-json');
  });

  it('returns null for hints that name no format', () => {
    expect(formatFromHint(undefined)).toBeNull();
    expect(formatFromHint('')).toBeNull();
    expect(formatFromHint('https://example.com/v1.2/captions')).toBeNull();
    expect(formatFromHint('text/plain')).toBeNull();
  });
});

describe('parseCaptions', () => {
  it('sniffs the format when there is no hint', () => {
    const vtt = parseCaptions(readFixture('lecture.vtt'));
    expect(vtt.format).toBe('vtt');
    expect(vtt.cues).toHaveLength(6);
    expect(parseCaptions(readFixture('lecture.srt')).format).toBe('srt');
    expect(parseCaptions(readFixture('bilibili.json')).cues).toHaveLength(5);
    expect(parseCaptions(JSON.parse(readFixture('bilibili-array.json'))).format).toBe('bilibili-json');
  });

  it('follows a hint, and falls back to sniffing when the hint yields nothing', () => {
    // SubRip with dot milliseconds and no index lines sniffs as WebVTT; the hint says otherwise.
    const dotted = '00:00:01.000 --> 00:00:02.000\n{\\an8}top';
    expect(parseCaptions(dotted).cues[0]?.text).toBe('{\\an8}top');
    expect(parseCaptions(dotted, 'subs.srt')).toEqual({ format: 'srt', cues: [{ start: 1, end: 2, text: 'top' }] });
    expect(parseCaptions(readFixture('lecture.vtt'), 'application/json').format).toBe('vtt');
  });

  it('reports a recognised but empty source, and unknown input, without throwing', () => {
    expect(parseCaptions('WEBVTT\n')).toEqual({ format: 'vtt', cues: [] });
    expect(parseCaptions('{"body": []}')).toEqual({ format: 'bilibili-json', cues: [] });
    expect(parseCaptions('just some words')).toEqual({ format: null, cues: [] });
    expect(parseCaptions('just some words', 'srt')).toEqual({ format: 'srt', cues: [] });
    expect(parseCaptions(undefined)).toEqual({ format: null, cues: [] });
    expect(parseCaptions(Symbol('x'), 'vtt')).toEqual({ format: 'vtt', cues: [] });
  });
});
