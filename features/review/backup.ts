import type { Deck, MetBook } from '@/features/review/types';
import { cardOf, isConceptId, logEntryOf, metOf, optionsOf } from '@/features/review/normalize';

// The deck with its history as one JSON file. Import is all or nothing: a file that is not ours,
// of a newer version, or damaged anywhere is refused with a reason, and nothing is changed.

export const BACKUP_FORMAT = 'dl-tutor-review';
export const BACKUP_VERSION = 1;
/** Far beyond any real deck (5,000 places, 50,000 ratings): a larger file is not a backup. */
export const MAX_BACKUP_CHARS = 64_000_000;

export function backupJson(met: MetBook, deck: Deck, now: number): string {
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), met, deck }, null, 1);
}

export type Restored = { ok: true; met: MetBook; deck: Deck } | { ok: false; error: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseBackup(text: string): Restored {
  if (text.length > MAX_BACKUP_CHARS) return { ok: false, error: 'The file is too large to be a DL Tutor backup.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not JSON (damaged or not a backup).' };
  }
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) return { ok: false, error: 'The file is not a DL Tutor review backup.' };
  if (typeof raw.version !== 'number' || raw.version > BACKUP_VERSION || raw.version < 1)
    return { ok: false, error: `Backup version ${String(raw.version).slice(0, 12)} is not one this version reads (${BACKUP_VERSION}).` };
  if (!isRecord(raw.met) || !isRecord(raw.deck) || !isRecord(raw.deck.cards) || !Array.isArray(raw.deck.log))
    return { ok: false, error: 'The backup is damaged: its deck or its places are missing.' };
  const met: MetBook = {};
  for (const [id, v] of Object.entries(raw.met)) {
    const m = isConceptId(id) ? metOf(v) : null;
    if (!m) return { ok: false, error: `The backup is damaged: the places of "${id.slice(0, 40)}" are not readable.` };
    met[id] = m;
  }
  const cards: Deck['cards'] = {};
  for (const [id, v] of Object.entries(raw.deck.cards)) {
    const c = isConceptId(id) ? cardOf(v) : null;
    if (!c) return { ok: false, error: `The backup is damaged: the card "${id.slice(0, 40)}" is not readable.` };
    cards[id] = c;
  }
  const log: Deck['log'] = [];
  for (const [i, v] of raw.deck.log.entries()) {
    const e = logEntryOf(v);
    if (!e) return { ok: false, error: `The backup is damaged: review ${i + 1} is not readable.` };
    log.push(e);
  }
  return { ok: true, met, deck: { cards, log, options: optionsOf(raw.deck.options) } };
}
