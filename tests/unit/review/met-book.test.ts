// The record of what was met: counts and times, newest places first, the bounds, forgetting a site.
import { describe, expect, it } from 'vitest';
import { dropOldestPlaces, forgetSite, placeLink, recordMeetings, sitesOf } from '@/features/review/met-book';
import { normalizeMet } from '@/features/review/normalize';
import { isMetEvent, type MetEvent } from '@/platform/protocol/met';
import { PLACES_PER_CONCEPT, type MetBook } from '@/features/review/types';

const ev = (conceptId: string, url: string, extra: Partial<MetEvent> = {}): MetEvent => ({ conceptId, kind: 'seen', url, title: 'T', ...extra });

describe('met book', () => {
  it('counts meetings and keeps first and last', () => {
    const book: MetBook = {};
    recordMeetings(book, [ev('softmax', 'https://a.org/1')], 10);
    recordMeetings(book, [ev('softmax', 'https://a.org/2')], 20);
    expect(book.softmax).toMatchObject({ first: 10, last: 20, count: 2 });
    expect(book.softmax!.places.map((p) => p.url)).toEqual(['https://a.org/2', 'https://a.org/1']);
  });

  it('keeps one place per page section, the newest few per concept', () => {
    const book: MetBook = {};
    recordMeetings(book, [ev('softmax', 'https://a.org/1', { section: 'S' })], 1);
    recordMeetings(book, [ev('softmax', 'https://a.org/1', { section: 'S', sentence: 'new' })], 2);
    expect(book.softmax!.places).toHaveLength(1);
    expect(book.softmax!.places[0]!.sentence).toBe('new');
    for (let i = 0; i < 20; i++) recordMeetings(book, [ev('softmax', `https://a.org/p${i}`)], 10 + i);
    expect(book.softmax!.places).toHaveLength(PLACES_PER_CONCEPT);
    expect(book.softmax!.places[0]!.url).toBe('https://a.org/p19');
  });

  it('drops the oldest places over the bound', () => {
    const book: MetBook = {};
    for (let i = 0; i < 30; i++) recordMeetings(book, [ev(`c${i}`, 'https://a.org/')], i);
    dropOldestPlaces(book, 10);
    const left = Object.entries(book).filter(([, m]) => m.places.length).map(([id]) => id);
    expect(left).toEqual(Array.from({ length: 10 }, (_, i) => `c${20 + i}`));
    expect(book.c0!.count).toBe(1);
  });

  it('forgets a site and the concepts met only there', () => {
    const book: MetBook = {};
    recordMeetings(book, [ev('a', 'https://x.org/'), ev('b', 'https://x.org/'), ev('b', 'https://y.org/')], 1);
    expect(sitesOf(book)).toEqual([{ host: 'x.org', places: 2 }, { host: 'y.org', places: 1 }]);
    const after = forgetSite(book, 'x.org');
    expect(Object.keys(after)).toEqual(['b']);
    expect(after.b!.places.map((p) => p.url)).toEqual(['https://y.org/']);
  });

  it('links back to the section or the video time', () => {
    expect(placeLink({ url: 'https://a.org/p', title: '', anchor: 'intro', at: 0 })).toBe('https://a.org/p#intro');
    expect(placeLink({ url: 'https://www.youtube.com/watch?v=x', title: '', time: 61.7, at: 0 })).toBe('https://www.youtube.com/watch?v=x&t=61');
    expect(placeLink({ url: 'http://127.0.0.1/v.html', title: '', time: 5, at: 0 })).toBe('http://127.0.0.1/v.html#t=5');
  });

  it('repairs whatever storage holds', () => {
    expect(normalizeMet(null)).toEqual({});
    expect(normalizeMet({ concepts: { 'Bad Id': {}, ok: { first: 1, last: 2, count: 1, places: [] }, broken: { first: 'x' } } })).toEqual({
      ok: { first: 1, last: 2, count: 1, places: [] },
    });
  });

  it('accepts only small, well-formed events', () => {
    expect(isMetEvent(ev('softmax', 'https://a.org/'))).toBe(true);
    expect(isMetEvent({ ...ev('softmax', 'https://a.org/'), extra: 1 })).toBe(false);
    expect(isMetEvent(ev('softmax', 'javascript:alert(1)'))).toBe(false);
    expect(isMetEvent(ev('softmax', 'https://a.org/', { sentence: 'x'.repeat(201) }))).toBe(false);
    expect(isMetEvent(ev('Soft Max', 'https://a.org/'))).toBe(false);
    expect(isMetEvent(ev('softmax', 'https://a.org/', { time: -1 }))).toBe(false);
    expect(isMetEvent(null)).toBe(false);
  });
});
