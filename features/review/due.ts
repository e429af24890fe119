import type { Deck, MetBook } from '@/features/review/types';

// What is due, without the scheduler: a stored card's due date is all a count needs, so the
// popup and the side panel count without loading ts-fsrs.

const DAY = 86_400_000;

/** Local midnight at or before `t`. */
export function dayStart(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** New cards introduced since local midnight (a rating of a card that was new). */
export function newToday(deck: Deck, now: number): number {
  const since = dayStart(now);
  return deck.log.filter((e) => e.state === 0 && e.at >= since).length;
}

/** Met concepts that have no card yet, first met first. */
export function unseen(deck: Deck, met: MetBook): string[] {
  return Object.entries(met)
    .filter(([id]) => !deck.cards[id])
    .sort((a, b) => a[1].first - b[1].first || a[0].localeCompare(b[0]))
    .map(([id]) => id);
}

/** Cards due now, soonest first. */
export function dueIds(deck: Deck, now: number): string[] {
  return Object.entries(deck.cards)
    .filter(([, c]) => c.due <= now)
    .sort((a, b) => a[1].due - b[1].due || a[0].localeCompare(b[0]))
    .map(([id]) => id);
}

/** Today's queue: due cards, then as many new ones as today's allowance leaves. */
export function queue(deck: Deck, met: MetBook, now: number): { due: string[]; fresh: string[] } {
  const room = Math.max(0, deck.options.newPerDay - newToday(deck, now));
  return { due: dueIds(deck, now), fresh: unseen(deck, met).slice(0, room) };
}

export function dueCount(deck: Deck, met: MetBook, now: number): number {
  const q = queue(deck, met, now);
  return q.due.length + q.fresh.length;
}

/** Cards falling due on each of the next `days` days (today counts what is already due). */
export function forecast(deck: Deck, now: number, days = 14): number[] {
  const start = dayStart(now);
  const out = new Array<number>(days).fill(0);
  for (const c of Object.values(deck.cards)) {
    const i = Math.max(0, Math.floor((dayStart(c.due) - start) / DAY));
    if (i < days) out[i]! += 1;
  }
  return out;
}

/** Ratings on each of the last `days` days, oldest first. */
export function reviewsPerDay(deck: Deck, now: number, days = 30): number[] {
  const start = dayStart(now) - (days - 1) * DAY;
  const out = new Array<number>(days).fill(0);
  for (const e of deck.log) {
    const i = Math.floor((dayStart(e.at) - start) / DAY);
    if (i >= 0 && i < days) out[i]! += 1;
  }
  return out;
}

/** Share of reviews of cards in review that were recalled (not Again); null before any. */
export function retention(deck: Deck): number | null {
  const reviews = deck.log.filter((e) => e.state === 2);
  return reviews.length ? reviews.filter((e) => e.rating > 1).length / reviews.length : null;
}
