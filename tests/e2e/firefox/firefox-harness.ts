import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness, type FirefoxOptions } from '@/scripts/browser/firefox';

// The Firefox suite's helpers over the shared launcher (scripts/browser/firefox.ts).

export { launchFirefox, type FirefoxHarness, type FirefoxOptions };

/** Polls `read` until it passes `ok` (or the time runs out, returning the last value). */
export async function poll<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    v = await read();
  }
  return v;
}

export const text = (page: Page, testid: string) =>
  page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testid);

export const attr = (page: Page, testid: string, name: string) =>
  page.evaluate(([id, n]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute(n!) ?? null, [testid, name] as const);

/** One request over the extension's RPC port from an extension page; the answer value, or throws. */
export async function ask<T>(page: Page, type: string, payload: unknown): Promise<T> {
  return (await askTimed<T>(page, type, payload)).value;
}

export interface TimedAnswer<T> {
  value: T;
  /** The page's clock (ms) when the request was sent and when its answer arrived. */
  sentAt: number;
  answeredAt: number;
  /** Progress messages received before the answer. */
  progress: number;
}

/** ask(), with when the request was sent and answered by the page's own clock, so a test can say how long it was in flight. */
export async function askTimed<T>(page: Page, type: string, payload: unknown): Promise<TimedAnswer<T>> {
  const r = await page.evaluate(
    (type, payload) =>
      new Promise<{ ok: boolean; value?: unknown; error?: { message: string }; sentAt: number; answeredAt: number; progress: number }>((resolve) => {
        type Msg = { kind: string; result: { ok: boolean; value?: unknown; error?: { message: string } } };
        type Port = { postMessage(m: unknown): void; onMessage: { addListener(f: (m: Msg) => void): void }; onDisconnect: { addListener(f: () => void): void } };
        const rt = (globalThis as unknown as { browser: { runtime: { connect(o: { name: string }): Port } } }).browser.runtime;
        const port = rt.connect({ name: 'dl-tutor/rpc' });
        let progress = 0;
        const sentAt = Date.now();
        port.onMessage.addListener((m) => {
          if (m.kind === 'progress') progress++;
          if (m.kind === 'response') resolve({ ...m.result, sentAt, answeredAt: Date.now(), progress });
        });
        port.onDisconnect.addListener(() => resolve({ ok: false, error: { message: 'disconnected' }, sentAt, answeredAt: Date.now(), progress }));
        port.postMessage({ kind: 'request', id: `ff${Math.random().toString(36).slice(2)}`, type, payload });
      }),
    type,
    payload,
  );
  if (!r.ok) throw new Error(`${type}: ${r.error?.message}`);
  return { value: r.value as T, sentAt: r.sentAt, answeredAt: r.answeredAt, progress: r.progress };
}
