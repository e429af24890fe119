import type { MetEvent } from '@/platform/protocol/met';
import { MAX_PLACES, PLACES_PER_CONCEPT, type Met, type MetBook, type Place } from '@/features/review/types';

const samePlace = (a: Place, b: Place) =>
  a.url === b.url && a.section === b.section && (a.time === undefined) === (b.time === undefined) && Math.abs((a.time ?? 0) - (b.time ?? 0)) < 30;

/** Adds meetings to the book in place: counts and times per concept, the newest few places each, MAX_PLACES in all. */
export function recordMeetings(book: MetBook, events: readonly MetEvent[], now: number): MetBook {
  for (const e of events) {
    const m: Met = (book[e.conceptId] ??= { first: now, last: now, count: 0, places: [] });
    m.last = now;
    m.count += 1;
    const place: Place = { url: e.url, title: e.title, at: now };
    if (e.section) place.section = e.section;
    if (e.anchor) place.anchor = e.anchor;
    if (e.sentence) place.sentence = e.sentence;
    if (e.time !== undefined) place.time = Math.round(e.time);
    const kept = m.places.filter((p) => !samePlace(p, place));
    m.places = [place, ...kept].slice(0, PLACES_PER_CONCEPT);
  }
  dropOldestPlaces(book, MAX_PLACES);
  return book;
}

/** Keeps the newest `max` places over all concepts; a concept keeps its counts when its places go. */
export function dropOldestPlaces(book: MetBook, max: number): void {
  const all = Object.values(book).flatMap((m) => m.places);
  if (all.length <= max) return;
  const keep = new Set(all.sort((a, b) => b.at - a.at).slice(0, max));
  for (const m of Object.values(book)) m.places = m.places.filter((p) => keep.has(p));
}

/** Drops every place on `host` (hostname; 'file' for local files); concepts met nowhere else go. */
export function forgetSite(book: MetBook, host: string): MetBook {
  const out: MetBook = {};
  for (const [id, m] of Object.entries(book)) {
    const places = m.places.filter((p) => hostOf(p.url) !== host);
    if (places.length === m.places.length) out[id] = m;
    else if (places.length) out[id] = { ...m, places };
  }
  return out;
}

export function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'file:' ? 'file' : u.hostname;
  } catch {
    return '';
  }
}

/** The sites places came from, most places first (the options page offers to forget each). */
export function sitesOf(book: MetBook): { host: string; places: number }[] {
  const n = new Map<string, number>();
  for (const m of Object.values(book)) for (const p of m.places) n.set(hostOf(p.url), (n.get(hostOf(p.url)) ?? 0) + 1);
  return [...n].map(([host, places]) => ({ host, places })).sort((a, b) => b.places - a.places || a.host.localeCompare(b.host));
}

/** The link back: the page at its section, or the video at its time. */
export function placeLink(p: Place): string {
  try {
    const u = new URL(p.url);
    if (p.time !== undefined) {
      const t = Math.floor(p.time);
      // YouTube and Bilibili read the start time from ?t=; other pages get the media fragment.
      if (/(^|\.)(youtube\.com|bilibili\.com)$/.test(u.hostname)) u.searchParams.set('t', String(t));
      else u.hash = `t=${t}`;
      return u.href;
    }
    if (p.anchor) u.hash = p.anchor;
    else if (p.section) u.hash = `:~:text=${encodeURIComponent(p.section)}`;
    return u.href;
  } catch {
    return p.url;
  }
}
