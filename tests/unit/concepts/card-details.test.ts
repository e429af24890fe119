import { describe, expect, it, vi } from 'vitest';
import { CardDetails, type FetchDetails } from '@/features/concepts/card-details';
import type { ConceptDetails } from '@/platform/protocol/concept';
import type { Result } from '@/platform/protocol/protocol';

const body = (id: string): ConceptDetails => ({ id, summary: { en: 'e', zh: 'z' }, intuition: { en: 'i', zh: 'j' }, formulas: [] });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('card bodies on the page', () => {
  it('asks once per concept, and paints again when a body arrives', async () => {
    const asked: string[] = [];
    let painted = 0;
    const d = new CardDetails(async (id) => (asked.push(id), { ok: true, value: body(id) }), () => painted++);
    expect(d.get('softmax')).toEqual({ state: 'loading' });
    d.prefetch('softmax');
    d.prefetch('relu');
    await tick();
    expect(d.get('softmax')).toEqual({ state: 'ready', details: body('softmax') });
    expect(d.get('relu').state).toBe('ready');
    expect(asked).toEqual(['softmax', 'relu']);
    expect(painted).toBe(2);
  });

  it('says why a body failed and asks again on retry', async () => {
    let fail = true;
    const fetch: FetchDetails = async (id) =>
      fail ? { ok: false, error: { code: 'disconnected', message: 'the background stopped before answering' } } : { ok: true, value: body(id) };
    const d = new CardDetails(fetch, () => {});
    d.get('softmax');
    await tick();
    expect(d.get('softmax')).toEqual({ state: 'failed', reason: 'the background stopped before answering' });
    fail = false;
    d.prefetch('softmax'); // a failed body is not asked for again by hovering
    await tick();
    expect(d.get('softmax').state).toBe('failed');
    d.retry('softmax');
    expect(d.get('softmax').state).toBe('loading');
    await tick();
    expect(d.get('softmax').state).toBe('ready');
  });

  it('gives up on a background that never answers, and survives a fetch that throws', async () => {
    const hang: FetchDetails = (_id, signal) =>
      new Promise<Result<ConceptDetails>>((resolve) => signal.addEventListener('abort', () => resolve({ ok: false, error: { code: 'cancelled', message: 'cancelled' } })));
    const d = new CardDetails(hang, () => {}, 20);
    d.get('softmax');
    // Timers on a loaded machine fire late: wait for the verdict rather than a fixed time.
    await vi.waitFor(() => expect(d.get('softmax')).toEqual({ state: 'failed', reason: 'no answer in time' }), { timeout: 5000 });
    const throwing = new CardDetails(async () => {
      throw new Error('port closed');
    }, () => {});
    throwing.get('relu');
    await tick();
    expect(throwing.get('relu')).toMatchObject({ state: 'failed', reason: 'Error: port closed' });
  });

  it('stops when the page features are torn down', async () => {
    let painted = 0;
    const d = new CardDetails(async (id) => ({ ok: true, value: body(id) }), () => painted++);
    d.get('softmax');
    d.dispose();
    await tick();
    expect(painted).toBe(0);
  });
});
