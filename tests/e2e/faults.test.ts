// Faults in the middle of work: the offscreen document (the model host) closed during a
// generation. The page gets a typed error it can show, the next request works, and saved networks
// are intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from '@/tests/e2e/harness';

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** Starts a request on its own port and returns its eventual answer (progress ignored). */
function start(page: Page, type: string, payload: unknown): Promise<Result> {
  return page.evaluate(
    ([type, payload]) =>
      new Promise<Result>((resolve) => {
        type Port = { postMessage(m: unknown): void; onMessage: { addListener(f: (m: { kind: string; result: Result }) => void): void }; onDisconnect: { addListener(f: () => void): void } };
        const rt = (globalThis as unknown as { chrome: { runtime: { connect(o: { name: string }): Port } } }).chrome.runtime;
        const port = rt.connect({ name: 'dl-tutor/rpc' });
        port.onMessage.addListener((m) => m.kind === 'response' && resolve(m.result));
        port.onDisconnect.addListener(() => resolve({ ok: false, error: { code: 'disconnected', message: 'the background stopped before answering' } }));
        port.postMessage({ kind: 'request', id: `f${Math.random().toString(36).slice(2)}`, type, payload });
      }),
    [type, payload] as const,
  );
}

const LONG_GENERATION = { text: 'The gradient', settings: { temperature: 1, topK: 0, topP: 1, seed: 5, maxTokens: 256 }, cache: false };
const SAVED = {
  id: 'keep-me', name: 'kept', createdAt: 1, sizes: [784, 2, 10], activation: 'relu', cost: 'cross-entropy',
  W: [new Array(784 * 2).fill(0.01), new Array(20).fill(-0.5)], b: [[0, 1], new Array(10).fill(0)],
};

describe('faults in the middle of work', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await launch({ webgpu: false });
    page = await h.context.newPage();
    await page.goto(h.url('options.html'));
    await page.evaluate((net) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ savedNets: [net] }), SAVED);
    await start(page, 'host.gpt.load', { backend: 'wasm' });
  });
  afterAll(async () => h?.close());

  const savedNets = () => page.evaluate(async () => ((await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('savedNets')).savedNets));
  const closeHost = async () => {
    const sw = await h.serviceWorker();
    await sw.evaluate(() => (globalThis as unknown as { chrome: { offscreen: { closeDocument(): Promise<void> } } }).chrome.offscreen.closeDocument());
  };

  // The model host closed mid-generation. (Stopping the service worker mid-request and closing the
  // host mid-training run are not covered yet: those cases hung in this harness; see the closing note.)
  it('the model host closed during a generation: a typed error, then the host comes back', async () => {
    const pending = start(page, 'host.gpt.generate', LONG_GENERATION);
    await new Promise((r) => setTimeout(r, 800));
    await closeHost();
    const r = await pending;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(['host-unavailable', 'disconnected', 'cancelled']).toContain(r.error.code);
      expect(r.error.message.length).toBeGreaterThan(5);
    }
    const next = await start(page, 'host.gpt.tokenize', { text: 'after the host came back' });
    expect(next.ok).toBe(true);
    expect(await savedNets()).toEqual([SAVED]);
  });
});
