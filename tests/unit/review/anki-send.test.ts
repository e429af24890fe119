// Send to Anki as the learner sees it: the one narrow permission asked for first, a refusal (or a
// request that fails) sends nothing, and each AnkiConnect problem becomes its own sentence.
import { describe, expect, it } from 'vitest';
import { sendToAnki } from '@/components/review/anki-send';

const URL_ = 'http://127.0.0.1:8765';

describe('Send to Anki', () => {
  it('asks for AnkiConnect\'s address only, and sends nothing when refused', async () => {
    const asked: string[][] = [];
    let fetched = 0;
    const r = await sendToAnki([], 'en', URL_, async (o) => (asked.push(o), false), async () => (fetched++, new Response('{}')));
    expect(asked).toEqual([['http://127.0.0.1:8765/*']]);
    expect(fetched).toBe(0);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^Permission refused/) });
  });

  it('treats a failed request like a refusal', async () => {
    const r = await sendToAnki([], 'zh', URL_, async () => Promise.reject(new Error('no gesture')), async () => new Response('{}'));
    expect(r.message).toMatch(/^权限被拒绝/);
  });

  it('says Anki is not running when nothing answers', async () => {
    const r = await sendToAnki([], 'en', URL_, async () => true, async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^Anki is not running, or AnkiConnect is not installed/) });
  });

  it('says so when something else answers', async () => {
    const r = await sendToAnki([], 'en', URL_, async () => true, async () => new Response('Not found', { status: 404 }));
    expect(r.message).toMatch(/not AnkiConnect/);
  });
});
