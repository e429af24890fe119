import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, type Harness } from '@/scripts/browser/chromium';

// The e2e tests' helpers on top of the shared launcher.
export { chromePath, EXTENSION_DIR, launch, ROOT, type Harness, type LaunchOptions } from '@/scripts/browser/chromium';
export { stopServiceWorker } from '@/scripts/browser/service-worker';

export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Waits until the diagnostics self-test has an answer and returns it. */
export async function selfTestResult(page: Page): Promise<{ status: string; backend: string }> {
  const status = page.getByTestId('selftest-status');
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid=selftest-status]');
      const text = el?.textContent ?? '';
      return text === 'pass' || text.startsWith('fail');
    },
    undefined,
    { timeout: 120_000 },
  );
  return {
    status: (await status.textContent()) ?? '',
    backend: (await page.getByTestId('runtime-backend').textContent()) ?? '',
  };
}

interface PortLike {
  postMessage(m: unknown): void;
  disconnect(): void;
  onMessage: { addListener(f: (m: { kind: string; result?: unknown }) => void): void };
  onDisconnect: { addListener(f: () => void): void };
}

/**
 * Sends one raw message on an RPC port from inside a page (extension page or
 * web page) and returns the first answer, or 'disconnected' / 'no-runtime'.
 */
export function rawRpc(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate(
    (msg) =>
      new Promise<unknown>((resolve) => {
        const chrome = (globalThis as unknown as { chrome?: { runtime?: { connect?(o: { name: string }): PortLike } } })
          .chrome;
        if (!chrome?.runtime?.connect) return resolve('no-runtime');
        const port = chrome.runtime.connect({ name: 'dl-tutor/rpc' });
        port.onMessage.addListener((m) => {
          if (m.kind !== 'response') return;
          port.disconnect();
          resolve(m.result);
        });
        port.onDisconnect.addListener(() => resolve('disconnected'));
        port.postMessage(msg);
      }),
    message,
  );
}

export async function backgroundStartedAt(page: Page): Promise<number> {
  const r = (await rawRpc(page, { kind: 'request', id: `ping-${Date.now()}`, type: 'bg.ping', payload: {} })) as {
    ok: boolean;
    value: { backgroundStartedAt: number };
  };
  if (!r.ok) throw new Error(`bg.ping failed: ${JSON.stringify(r)}`);
  return r.value.backgroundStartedAt;
}

/**
 * The tab id of a page, found as the active tab (without the "tabs" permission
 * tab URLs are hidden). A new page takes the focus, so the helper page is
 * opened first and the page brought back before asking.
 */
export async function tabIdOf(h: Harness, page: Page): Promise<number> {
  const helper = await h.context.newPage();
  await helper.goto(h.url('options.html'));
  await page.bringToFront();
  const id = await helper.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).chrome;
    return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id;
  });
  await helper.close();
  return id;
}

/**
 * The URL of the extension page an action opens: in the side panel when the
 * action's user gesture reaches the background (Playwright reports no page
 * for a side panel; it is found among the browser's targets), else in a tab.
 */
export async function openedExtensionPage(h: Harness, page: Page, path: string, action: () => Promise<void>): Promise<string> {
  const prefix = h.url(path);
  const cdp = await h.context.newCDPSession(page);
  const targets = async () =>
    ((await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] }).targetInfos.filter(
      (t) => t.type === 'page' && t.url.startsWith(prefix),
    );
  const before = new Map((await targets()).map((t) => [t.targetId, t.url]));
  try {
    await action();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      // A new tab, a side panel opened, or one already open sent to a new page.
      const fresh = (await targets()).find((t) => before.get(t.targetId) !== t.url);
      if (fresh) return fresh.url;
      await page.waitForTimeout(100);
    }
    throw new Error(`no extension page ${path} opened`);
  } finally {
    await cdp.detach();
  }
}
