import { storage } from 'wxt/utils/storage';
import type { Deck, MetBook } from '@/features/review/types';
import { normalizeDeck, normalizeMet } from '@/features/review/normalize';

// The deck lives in storage.local under two keys: what was met (written by the background as
// content scripts report) and the cards' schedules (written by the review pages). Every write is a
// read-modify-write under one Web Lock, which the service worker and every extension page share,
// so two tabs reporting at once, or a rating while a report lands, never lose each other's change.

const metItem = storage.defineItem<unknown>('local:review-met', { fallback: null });
const deckItem = storage.defineItem<unknown>('local:review-deck', { fallback: null });

const LOCK = 'dl-tutor-review';
let chain: Promise<unknown> = Promise.resolve();

/** Runs `fn` alone: across contexts with navigator.locks, within this one by a promise chain where locks are missing. */
export function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(LOCK, fn) as Promise<T>;
  const run = chain.then(fn, fn);
  chain = run.catch(() => undefined);
  return run;
}

export const loadMet = async (): Promise<MetBook> => normalizeMet(await metItem.getValue());
export const loadDeck = async (): Promise<Deck> => normalizeDeck(await deckItem.getValue());

export function updateMet(change: (book: MetBook) => MetBook): Promise<MetBook> {
  return exclusive(async () => {
    const next = change(await loadMet());
    await metItem.setValue({ v: 1, concepts: next });
    return next;
  });
}

export function updateDeck(change: (deck: Deck) => Deck): Promise<Deck> {
  return exclusive(async () => {
    const next = change(await loadDeck());
    await deckItem.setValue({ v: 1, ...next });
    return next;
  });
}

/** Both at once (a restore, forgetting everything): one lock, so no report lands between them. */
export function replaceAll(met: MetBook, deck: Deck): Promise<void> {
  return exclusive(async () => {
    await metItem.setValue({ v: 1, concepts: met });
    await deckItem.setValue({ v: 1, ...deck });
  });
}

export function watchReview(cb: () => void): () => void {
  const a = metItem.watch(cb);
  const b = deckItem.watch(cb);
  return () => {
    a();
    b();
  };
}
