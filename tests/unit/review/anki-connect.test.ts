// Send to Anki against a fake fetch at the network edge: the actions in order, add then update by
// the Id field, and each failure told apart (nothing listening, something that is not AnkiConnect,
// an old version, an error Anki returns).
import { describe, expect, it } from 'vitest';
import { AnkiError, sendNotes } from '@/features/review/anki-connect';
import { noteOf } from '@/features/review/anki-text';
import type { CardSource } from '@/features/review/notes';

const src = (id: string): CardSource => ({ id, topic: 'neuron', name: { en: id, zh: id }, summary: { en: 's', zh: 's' }, formulas: [], related: [] });
const notes = [noteOf(src('softmax'), undefined, 'en'), noteOf(src('logits'), undefined, 'en')];

function fakeAnki(version = 6) {
  const stored = new Map<string, number>();
  const calls: string[] = [];
  const fetchFn = async (_url: string, init: RequestInit) => {
    const { action, params } = JSON.parse(init.body as string) as { action: string; params: Record<string, unknown> };
    calls.push(action);
    const answer = (result: unknown) => new Response(JSON.stringify({ result, error: null }));
    if (action === 'version') return answer(version);
    if (action === 'modelNames') return answer(calls.filter((c) => c === 'createModel').length ? ['DL Tutor concept'] : ['Basic']);
    if (action === 'findNotes') {
      const id = /"Id:([^"]+)"/.exec(params.query as string)![1]!;
      return answer(stored.has(id) ? [stored.get(id)] : []);
    }
    if (action === 'addNote') {
      const id = (params.note as { fields: { Id: string } }).fields.Id;
      stored.set(id, stored.size + 1);
      return answer(stored.size);
    }
    return answer(null);
  };
  return { fetchFn, calls, stored };
}

describe('AnkiConnect client', () => {
  it('creates the note type and deck, adds, then updates by Id', async () => {
    const a = fakeAnki();
    expect(await sendNotes(notes, 'http://127.0.0.1:8765', a.fetchFn)).toEqual({ added: 2, updated: 0 });
    expect(a.calls.slice(0, 4)).toEqual(['version', 'modelNames', 'createModel', 'createDeck']);
    expect(await sendNotes(notes, 'http://127.0.0.1:8765', a.fetchFn)).toEqual({ added: 0, updated: 2 });
    expect(a.calls.filter((c) => c === 'createModel')).toHaveLength(1);
    expect(a.calls.filter((c) => c === 'updateNoteFields')).toHaveLength(2);
    expect([...a.stored.keys()]).toEqual(['dl-tutor:softmax', 'dl-tutor:logits']);
  });

  it.each([
    ['nothing listens', async () => Promise.reject(new TypeError('Failed to fetch')), 'not-running'],
    ['another server', async () => new Response('<html>hi</html>', { status: 404 }), 'not-ankiconnect'],
    ['an old AnkiConnect', fakeAnki(5).fetchFn, 'too-old'],
    ['an error from Anki', async () => new Response(JSON.stringify({ result: null, error: 'collection is not available' })), 'failed'],
  ] as const)('tells apart %s', async (_name, fetchFn, problem) => {
    const e = await sendNotes(notes, 'http://127.0.0.1:8765', fetchFn as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AnkiError);
    expect((e as AnkiError).problem).toBe(problem);
  });
});
