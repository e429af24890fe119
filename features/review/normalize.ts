import { isPageUrl } from '@/platform/protocol/met';
import { DEFAULT_OPTIONS, MAX_LOG, MAX_SENTENCE, PLACES_PER_CONCEPT, type Deck, type DeckOptions, type LogEntry, type Met, type MetBook, type Place, type StoredCard } from '@/features/review/types';

// Storage and backups are read through these checks: a field of the wrong type, an entry that is
// not one, or a value out of range is found here, never by the view that would show it.

const CONCEPT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const time = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 8.64e15;
const num = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

export const isConceptId = (v: unknown): v is string => str(v, 80) && CONCEPT_ID.test(v);

export function placeOf(v: unknown): Place | null {
  // Only page addresses: a place becomes a link on the review page and in Anki (a restored file could name javascript:).
  if (!isRecord(v) || !isPageUrl(v.url) || !str(v.title, 300) || !time(v.at)) return null;
  const p: Place = { url: v.url as string, title: v.title, at: v.at };
  if (str(v.section, 200)) p.section = v.section;
  if (str(v.anchor, 200)) p.anchor = v.anchor;
  if (str(v.sentence, MAX_SENTENCE)) p.sentence = v.sentence;
  if (num(v.time, 0, 1e7)) p.time = v.time;
  return p;
}

export function metOf(v: unknown): Met | null {
  if (!isRecord(v) || !time(v.first) || !time(v.last) || !num(v.count, 0, 1e9) || !Array.isArray(v.places)) return null;
  const places = v.places.slice(0, PLACES_PER_CONCEPT).map(placeOf);
  if (places.some((p) => !p)) return null;
  return { first: v.first, last: v.last, count: Math.floor(v.count), places: places as Place[] };
}

export function cardOf(v: unknown): StoredCard | null {
  if (!isRecord(v) || !time(v.due) || !num(v.state, 0, 3) || !Number.isInteger(v.state)) return null;
  const n = (k: string) => (num(v[k], 0, 1e9) ? (v[k] as number) : null);
  const fields = ['stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses'] as const;
  const values = fields.map(n);
  if (values.some((x) => x === null)) return null;
  const card = { due: v.due, state: v.state } as StoredCard;
  fields.forEach((k, i) => (card[k] = values[i]!));
  if (v.last_review !== undefined) {
    if (!time(v.last_review)) return null;
    card.last_review = v.last_review;
  }
  return card;
}

export function logEntryOf(v: unknown): LogEntry | null {
  if (!isRecord(v) || !isConceptId(v.id) || !time(v.at) || !num(v.state, 0, 3) || ![1, 2, 3, 4].includes(v.rating as number)) return null;
  return { id: v.id, rating: v.rating as LogEntry['rating'], state: v.state, at: v.at };
}

export function optionsOf(v: unknown): DeckOptions {
  const r = isRecord(v) ? v : {};
  return {
    newPerDay: num(r.newPerDay, 0, 1000) ? Math.round(r.newPerDay) : DEFAULT_OPTIONS.newPerDay,
    retention: num(r.retention, 0.7, 0.99) ? r.retention : DEFAULT_OPTIONS.retention,
  };
}

/** Whatever storage holds becomes a valid book: bad entries are dropped, good ones kept. */
export function normalizeMet(raw: unknown): MetBook {
  const book: MetBook = {};
  const concepts = isRecord(raw) && isRecord(raw.concepts) ? raw.concepts : {};
  for (const [id, v] of Object.entries(concepts)) {
    const m = isConceptId(id) ? metOf(v) : null;
    if (m) book[id] = m;
  }
  return book;
}

export function normalizeDeck(raw: unknown): Deck {
  const r = isRecord(raw) ? raw : {};
  const cards: Deck['cards'] = {};
  for (const [id, v] of Object.entries(isRecord(r.cards) ? r.cards : {})) {
    const c = isConceptId(id) ? cardOf(v) : null;
    if (c) cards[id] = c;
  }
  const log = (Array.isArray(r.log) ? r.log.slice(-MAX_LOG) : []).map(logEntryOf).filter((e): e is LogEntry => !!e);
  return { cards, log, options: optionsOf(r.options) };
}
