// The page client's watch on the background (platform/messaging/client.ts): a request whose
// service worker was stopped without closing the port is given up as disconnected, and a long
// request that itself woke a stopped worker is not (otherwise the first Generate after Chrome's
// idle stop fails after 2 s with "the background stopped").
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { call } from '@/platform/messaging/client';
import type { RequestMsg } from '@/platform/protocol/protocol';
import { portPair } from '@/tests/unit/platform/fake-port';

/** A background that starts on the first connection (taking `startMs`) and can die without a word. */
class FakeBackground {
  instance: { startedAt: number; alive: boolean } | null = null;
  constructor(
    private readonly startMs: number,
    private readonly answerMs: number,
  ) {}

  connect = (): Browser.runtime.Port => {
    const [page, bg] = portPair();
    if (!this.instance?.alive) this.instance = { startedAt: Date.now() + this.startMs, alive: true };
    const instance = this.instance;
    bg.onMessage.addListener((m: unknown) => {
      const req = m as RequestMsg;
      const delay = Math.max(0, instance.startedAt - Date.now()) + (req.type === 'bg.ping' ? 0 : this.answerMs);
      setTimeout(() => {
        if (!instance.alive) return;
        const value = req.type === 'bg.ping' ? { backgroundStartedAt: instance.startedAt } : { done: true };
        bg.postMessage({ kind: 'response', id: req.id, result: { ok: true, value } });
      }, delay);
    });
    return page;
  };

  /** Chrome stopping the worker without closing its ports: nothing on them is ever answered. */
  vanish(): void {
    if (this.instance) this.instance.alive = false;
  }
}

describe('the page client across service-worker stops', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('answers a long request that woke a stopped background', async () => {
    const bg = new FakeBackground(300, 9000);
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(bg.connect);
    const answer = call('host.gpt.generate', { text: 'x', settings: { temperature: 1, topK: 0, topP: 1, seed: 1, maxTokens: 64 } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await answer).toEqual({ ok: true, value: { done: true } });
  });

  it('gives up, as disconnected, a request whose background went away without closing the port', async () => {
    const bg = new FakeBackground(0, 60_000);
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(bg.connect);
    let settled: unknown;
    void call('host.gpt.generate', { text: 'x', settings: { temperature: 1, topK: 0, topP: 1, seed: 1, maxTokens: 64 } }).then((r) => (settled = r));
    await vi.advanceTimersByTimeAsync(3000);
    bg.vanish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(settled).toMatchObject({ ok: false, error: { code: 'disconnected' } });
  });

  it('gives up a request whose background went away before the ping behind it was answered', async () => {
    const bg = new FakeBackground(0, 60_000);
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(bg.connect);
    let settled: unknown;
    void call('host.gpt.generate', { text: 'x', settings: { temperature: 1, topK: 0, topP: 1, seed: 1, maxTokens: 64 } }).then((r) => (settled = r));
    bg.vanish();
    await vi.advanceTimersByTimeAsync(7000);
    expect(settled).toMatchObject({ ok: false, error: { code: 'disconnected' } });
  });
});
