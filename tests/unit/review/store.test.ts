// Storage: concurrent writers (two tabs reporting at once) never lose each other's records, and
// whatever storage holds is read as a valid deck.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDeck, loadMet, updateDeck, updateMet } from '@/features/review/store';
import { recordMeetings } from '@/features/review/met-book';

describe('review store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps every record when many writes start at once', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
    await Promise.all(ids.map((id, i) => updateMet((b) => recordMeetings(b, [{ conceptId: id, kind: 'seen', url: 'https://a.org/', title: 'A' }], i))));
    expect(Object.keys(await loadMet()).sort()).toEqual([...ids].sort());
  });

  it('reads corrupt storage as an empty deck', async () => {
    await fakeBrowser.storage.local.set({ 'review-met': 'garbage', 'review-deck': { cards: [1, 2], log: 'x', options: { newPerDay: -5 } } });
    expect(await loadMet()).toEqual({});
    const deck = await loadDeck();
    expect(deck.cards).toEqual({});
    expect(deck.log).toEqual([]);
    expect(deck.options.newPerDay).toBe(20);
    await updateDeck((d) => ({ ...d, options: { ...d.options, newPerDay: 5 } }));
    expect((await loadDeck()).options.newPerDay).toBe(5);
  });
});
