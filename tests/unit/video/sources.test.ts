import { describe, expect, it } from 'vitest';
import { extractAssignedJson } from '@/features/video/embedded-json';
import { chooseTrack } from '@/features/video/track-choice';

describe('extractAssignedJson', () => {
  it('reads the object after the marker, with braces inside strings and code after it', () => {
    const src = 'var ytInitialPlayerResponse = {"a":{"b":"} {"},"c":[1,2]};var meta = {"x":1};';
    expect(extractAssignedJson(src, 'ytInitialPlayerResponse')).toEqual({ a: { b: '} {' }, c: [1, 2] });
    expect(extractAssignedJson('window.__INITIAL_STATE__={"v":"\\"q\\""};(function(){})()', '__INITIAL_STATE__')).toEqual({ v: '"q"' });
  });

  it('returns null for missing, truncated or broken data', () => {
    expect(extractAssignedJson('nothing here', 'ytInitialPlayerResponse')).toBeNull();
    expect(extractAssignedJson('ytInitialPlayerResponse = {"a": 1', 'ytInitialPlayerResponse')).toBeNull();
    expect(extractAssignedJson('ytInitialPlayerResponse = {a: 1}', 'ytInitialPlayerResponse')).toBeNull();
    expect(extractAssignedJson('ytInitialPlayerResponse.foo(); x = {"a":1}', 'ytInitialPlayerResponse')).toBeNull();
  });
});

describe('chooseTrack', () => {
  it('prefers human captions in the reader language', () => {
    const tracks = [
      { lang: 'en', auto: true },
      { lang: 'de', auto: false },
      { lang: 'en', auto: false },
      { lang: 'zh-Hans', auto: false },
    ];
    expect(chooseTrack(tracks, 'en')).toBe(2);
    expect(chooseTrack(tracks, 'zh')).toBe(3);
    expect(chooseTrack([{ lang: 'en', auto: true }], 'zh')).toBe(0);
    expect(chooseTrack([], 'en')).toBe(-1);
  });
});
