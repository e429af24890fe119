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
  const r = await page.evaluate(
    (type, payload) =>
      new Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>((resolve) => {
        type Port = { postMessage(m: unknown): void; onMessage: { addListener(f: (m: { kind: string; result: never }) => void): void }; onDisconnect: { addListener(f: () => void): void } };
        const rt = (globalThis as unknown as { browser: { runtime: { connect(o: { name: string }): Port } } }).browser.runtime;
        const port = rt.connect({ name: 'dl-tutor/rpc' });
        port.onMessage.addListener((m) => m.kind === 'response' && resolve(m.result));
        port.onDisconnect.addListener(() => resolve({ ok: false, error: { message: 'disconnected' } }));
        port.postMessage({ kind: 'request', id: `ff${Math.random().toString(36).slice(2)}`, type, payload });
      }),
    type,
    payload,
  );
  if (!r.ok) throw new Error(`${type}: ${r.error?.message}`);
  return r.value as T;
}
