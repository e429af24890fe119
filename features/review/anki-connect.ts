import { DECK, FIELDS, NOTETYPE, type AnkiNote } from '@/features/review/anki-text';

// Send to Anki through AnkiConnect's documented HTTP API ({action, version: 6, params} →
// {result, error}). Notes are found by their Id field, so sending again updates them.

export const ANKI_CONNECT_URL = 'http://127.0.0.1:8765';
/** The narrow host permission asked for at the moment the learner sends. */
export const ANKI_CONNECT_ORIGIN = 'http://127.0.0.1:8765/*';

export type AnkiProblem = 'not-running' | 'not-ankiconnect' | 'too-old' | 'refused' | 'failed';

export class AnkiError extends Error {
  constructor(
    readonly problem: AnkiProblem,
    message: string,
  ) {
    super(message);
  }
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export function ankiClient(url: string, fetchFn: Fetch) {
  return async function invoke<T>(action: string, params: Record<string, unknown> = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetchFn(url, { method: 'POST', body: JSON.stringify({ action, version: 6, params }) });
    } catch {
      throw new AnkiError('not-running', 'Nothing answers at AnkiConnect\'s address: Anki is not running, or AnkiConnect is not installed.');
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    if (typeof body !== 'object' || body === null || !('result' in body) || !('error' in body)) {
      throw new AnkiError('not-ankiconnect', `Something answers at ${url}, but not AnkiConnect (HTTP ${res.status}): is AnkiConnect installed?`);
    }
    const { result, error } = body as { result: T; error: unknown };
    if (error) throw new AnkiError('failed', `AnkiConnect: ${String(error).slice(0, 200)}`);
    return result;
  };
}

const MODEL = {
  modelName: NOTETYPE,
  inOrderFields: [...FIELDS],
  isCloze: false,
  css: '.card { font-family: sans-serif; font-size: 20px; text-align: center; } small { color: #666; }',
  cardTemplates: [
    {
      Name: 'Concept',
      Front: '{{Front}}',
      Back: '{{FrontSide}}<hr id="answer">{{Back}}<div>{{Formula}}</div><p>{{Related}}</p><div style="font-size:14px;text-align:left">{{Where met}}</div>',
    },
  ],
};

/** Adds the notes that Anki lacks and updates the ones it has (by Id); answers how many of each. */
export async function sendNotes(notes: readonly AnkiNote[], url: string, fetchFn: Fetch): Promise<{ added: number; updated: number }> {
  const invoke = ankiClient(url, fetchFn);
  const version = await invoke<number>('version');
  if (typeof version !== 'number' || version < 6) throw new AnkiError('too-old', `AnkiConnect ${String(version)} is older than version 6: update it.`);
  const models = await invoke<string[]>('modelNames');
  if (!models.includes(NOTETYPE)) await invoke('createModel', MODEL);
  const decks = new Set(notes.map((n) => n.deck).concat(DECK));
  for (const deck of decks) await invoke('createDeck', { deck });
  let added = 0;
  let updated = 0;
  for (const n of notes) {
    const found = await invoke<number[]>('findNotes', { query: `"note:${NOTETYPE}" "Id:${n.fields.Id}"` });
    if (found.length) {
      for (const id of found) await invoke('updateNoteFields', { note: { id, fields: n.fields } });
      updated += 1;
    } else {
      await invoke('addNote', { note: { deckName: n.deck, modelName: NOTETYPE, fields: n.fields, tags: n.tags, options: { allowDuplicate: false } } });
      added += 1;
    }
  }
  return { added, updated };
}
