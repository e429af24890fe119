// Backups: a round trip gives the same deck; a damaged, foreign or newer file is refused with a reason.
import { describe, expect, it } from 'vitest';
import { backupJson, parseBackup } from '@/features/review/backup';
import { rate } from '@/features/review/schedule';
import { recordMeetings } from '@/features/review/met-book';
import { DEFAULT_OPTIONS, type Deck, type MetBook } from '@/features/review/types';

const met: MetBook = recordMeetings({}, [{ conceptId: 'softmax', kind: 'card', url: 'https://a.org/', title: 'A', sentence: 'x' }], 1000);
const deck: Deck = rate({ cards: {}, log: [], options: { ...DEFAULT_OPTIONS, newPerDay: 7 } }, 'softmax', 3, 5000).deck;

describe('review backup', () => {
  it('round-trips the deck and its history', () => {
    const back = parseBackup(backupJson(met, deck, 9000));
    expect(back).toEqual({ ok: true, met, deck });
  });

  it.each([
    ['not json', '{"format":', /not JSON/],
    ['foreign', JSON.stringify({ hello: 1 }), /not a DL Tutor/],
    ['newer', JSON.stringify({ format: 'dl-tutor-review', version: 99, met: {}, deck: { cards: {}, log: [] } }), /version 99/],
    ['no deck', JSON.stringify({ format: 'dl-tutor-review', version: 1, met: {} }), /damaged/],
    ['bad card', JSON.stringify({ format: 'dl-tutor-review', version: 1, met: {}, deck: { cards: { softmax: { due: 'soon' } }, log: [] } }), /card "softmax"/],
    ['bad review', JSON.stringify({ format: 'dl-tutor-review', version: 1, met: {}, deck: { cards: {}, log: [{ id: 'softmax', rating: 9, state: 0, at: 1 }] } }), /review 1/],
    ['script link', JSON.stringify({ format: 'dl-tutor-review', version: 1, met: { softmax: { first: 1, last: 1, count: 1, places: [{ url: 'javascript:alert(1)', title: 'x', at: 1 }] } }, deck: { cards: {}, log: [] } }), /places of "softmax"/],
    ['bad place', JSON.stringify({ format: 'dl-tutor-review', version: 1, met: { softmax: { first: 1, last: 1, count: 1, places: [{ url: 1 }] } }, deck: { cards: {}, log: [] } }), /places of "softmax"/],
  ])('refuses a %s file', (_name, text, why) => {
    const r = parseBackup(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(why);
  });

  it('refuses a huge file without parsing it', () => {
    const r = parseBackup(' '.repeat(64_000_001));
    expect(r.ok).toBe(false);
  });
});
