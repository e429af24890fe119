// Scheduling through ts-fsrs, undo, and the counts the popup and side panel show without it.
import { describe, expect, it } from 'vitest';
import { intervals, rate, undoRating } from '@/features/review/schedule';
import { dueCount, forecast, queue, retention, reviewsPerDay } from '@/features/review/due';
import { normalizeDeck } from '@/features/review/normalize';
import { DEFAULT_OPTIONS, type Deck, type MetBook } from '@/features/review/types';

const DAY = 86_400_000;
const now = new Date(2026, 11, 7, 12).getTime();
const met: MetBook = Object.fromEntries(['a', 'b', 'c'].map((id, i) => [id, { first: i, last: i, count: 1, places: [] }]));
const empty = (): Deck => ({ cards: {}, log: [], options: { ...DEFAULT_OPTIONS, newPerDay: 2 } });

describe('review schedule', () => {
  it('offers met concepts as new cards, up to the day\'s allowance', () => {
    expect(queue(empty(), met, now)).toEqual({ due: [], fresh: ['a', 'b'] });
    const d = rate(empty(), 'a', 3, now).deck;
    expect(queue(d, met, now).fresh).toEqual(['b']);
    expect(dueCount(d, met, now)).toBe(1 + (d.cards.a!.due <= now ? 1 : 0));
  });

  it('schedules Easy further out than Again, and Good on a review card further with higher retention', () => {
    const d = rate(empty(), 'a', 3, now).deck;
    const iv = intervals(d, 'a', now + DAY);
    expect(iv[4]).toBeGreaterThan(iv[3]);
    expect(iv[3]).toBeGreaterThan(iv[1]);
    const stored = JSON.parse(JSON.stringify(d)) as unknown;
    expect(normalizeDeck(stored)).toEqual(d);
  });

  it('undoes the last rating exactly', () => {
    const first = rate(empty(), 'a', 3, now);
    const second = rate(first.deck, 'a', 1, now + 60_000);
    expect(undoRating(second.deck, second.undo)).toEqual(first.deck);
    expect(undoRating(first.deck, first.undo)).toEqual(empty());
  });

  it('counts reviews per day, retention and the forecast', () => {
    let d = empty();
    d = rate(d, 'a', 4, now).deck;
    d = rate(d, 'b', 3, now).deck;
    const days = reviewsPerDay(d, now, 30);
    expect(days.at(-1)).toBe(2);
    expect(days.slice(0, -1).every((n) => n === 0)).toBe(true);
    expect(retention(d)).toBeNull();
    d = { ...d, log: [...d.log, { id: 'a', rating: 1, state: 2, at: now }, { id: 'b', rating: 3, state: 2, at: now }] };
    expect(retention(d)).toBe(0.5);
    const f = forecast(d, now, 14);
    expect(f.reduce((s, n) => s + n, 0)).toBe(2);
  });
});
