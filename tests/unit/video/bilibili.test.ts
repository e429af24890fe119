import { describe, expect, it } from 'vitest';
import { parseBilibiliJson } from '@/features/video/captions/bilibili';
import type { Cue } from '@/features/video/captions/types';
import { readFixture } from '@/tests/unit/video/read-fixture';

const EXPECTED: Cue[] = [
  { id: '1', start: 0.5, end: 2.25, text: '注意力机制让每个词元看向其它词元' },
  { id: '2', start: 2.25, end: 4, text: 'Attention lets each token\nlook at the others' },
  { id: '3', start: 4, end: 6, text: 'softmax turns scores into weights' },
  { id: '4', start: 6, end: 8, text: 'Queries and keys meet in a dot product' },
  { start: 12, end: 12, text: 'reversed: kept with zero length' },
];

describe('parseBilibiliJson', () => {
  it('reads body entries, string numbers, and skips entries without times or text', () => {
    expect(parseBilibiliJson(readFixture('bilibili.json'))).toEqual(EXPECTED);
  });

  it('accepts the already-parsed value and a BOM', () => {
    const source = readFixture('bilibili.json');
    expect(parseBilibiliJson(JSON.parse(source))).toEqual(EXPECTED);
    expect(parseBilibiliJson(`\uFEFF${source}`)).toEqual(EXPECTED);
  });

  it('accepts a top-level array of entries and timestamp strings', () => {
    expect(parseBilibiliJson(readFixture('bilibili-array.json'))).toEqual([
      { start: 1, end: 2, text: 'Embeddings turn tokens into vectors' },
      { start: 2.5, end: 4, text: 'Timestamps written as text still parse' },
    ]);
  });

  it('returns an empty array for invalid JSON or the wrong shape', () => {
    for (const bad of ['', '{', 'not json', 'null', '42', '"text"', '{"body": 3}', '{"data": []}', '[1, 2, 3]']) {
      expect(parseBilibiliJson(bad), bad).toEqual([]);
    }
    for (const bad of [undefined, null, 0, {}, { body: null }, [null]]) {
      expect(parseBilibiliJson(bad)).toEqual([]);
    }
  });

  it('rejects blank, infinite and negative times', () => {
    const body = [
      { from: '', to: 1, content: 'blank start' },
      { from: 0, to: ' ', content: 'blank end' },
      { from: 0, to: Infinity, content: 'infinite end' },
      { from: '1e400', to: 2, content: 'overflowing start' },
      { from: -1, to: 2, content: 'negative start' },
      { from: 1, to: 2, content: 3.5 },
    ];
    expect(parseBilibiliJson({ body })).toEqual([{ start: 1, end: 2, text: '3.5' }]);
  });
});
