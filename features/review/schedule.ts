import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
import { MAX_LOG, type Deck, type StoredCard } from '@/features/review/types';

// The one file that loads ts-fsrs: imported by the review view only, so no other bundle carries it.

export const toCard = (c: StoredCard): Card => ({
  ...c,
  due: new Date(c.due),
  last_review: c.last_review === undefined ? undefined : new Date(c.last_review),
});

export const fromCard = (c: Card): StoredCard => {
  const out: StoredCard = {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
  };
  if (c.last_review) out.last_review = c.last_review.getTime();
  return out;
};

/** What a rating changed, to take it back: the card before (undefined when it was new). */
export interface Undo {
  id: string;
  before: StoredCard | undefined;
  at: number;
}

/** The deck after rating card `id` at `now`, and how to undo it. */
export function rate(deck: Deck, id: string, grade: Grade, now: number): { deck: Deck; undo: Undo } {
  const before = deck.cards[id];
  const scheduler = fsrs({ request_retention: deck.options.retention, enable_fuzz: false });
  const { card } = scheduler.next(before ? toCard(before) : createEmptyCard(new Date(now)), new Date(now), grade);
  const entry = { id, rating: grade as 1 | 2 | 3 | 4, state: before?.state ?? 0, at: now };
  return {
    deck: { ...deck, cards: { ...deck.cards, [id]: fromCard(card) }, log: [...deck.log, entry].slice(-MAX_LOG) },
    undo: { id, before, at: now },
  };
}

/** Takes a rating back: the card as it was and its log entry gone (if they are still the newest). */
export function undoRating(deck: Deck, u: Undo): Deck {
  const cards = { ...deck.cards };
  if (u.before) cards[u.id] = u.before;
  else delete cards[u.id];
  const i = deck.log.findLastIndex((e) => e.id === u.id && e.at === u.at);
  const log = i < 0 ? deck.log : [...deck.log.slice(0, i), ...deck.log.slice(i + 1)];
  return { ...deck, cards, log };
}

/** When each rating would bring the card back, for the buttons' hints. */
export function intervals(deck: Deck, id: string, now: number): Record<Grade, number> {
  const before = deck.cards[id];
  const preview = fsrs({ request_retention: deck.options.retention, enable_fuzz: false }).repeat(before ? toCard(before) : createEmptyCard(new Date(now)), new Date(now));
  return { 1: preview[1].card.due.getTime() - now, 2: preview[2].card.due.getTime() - now, 3: preview[3].card.due.getTime() - now, 4: preview[4].card.due.getTime() - now };
}
