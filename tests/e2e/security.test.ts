import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { serveStatic } from '@/scripts/static-server.mjs';
import { launch, rawRpc, ROOT, type Harness } from '@/tests/e2e/harness';
import { setOption } from '@/tests/e2e/options-page';

describe('trust boundaries and the page-side shell', () => {
  let h: Harness;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    h = await launch({ webgpu: false });
    server = await serveStatic(join(ROOT, 'demo'));
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it('rejects malformed and unknown messages with an error value, and keeps working', async () => {
    const page = await h.context.newPage();
    await page.goto(h.url('options.html'));
    for (const bad of [
      null,
      'hello',
      { kind: 'request', id: 'x1', type: 'host.eval', payload: { code: 'alert(1)' } },
      { kind: 'request', id: 'x2', type: 'host.selftest', payload: { backend: 'cuda' } },
      { kind: 'request', id: '<b>', type: 'bg.ping', payload: {} },
    ]) {
      const r = (await rawRpc(page, bad)) as { ok: boolean; error: { code: string } };
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      expect(r.error.code).toBe('bad-request');
    }
    const ok = (await rawRpc(page, { kind: 'request', id: 'ok1', type: 'bg.ping', payload: {} })) as { ok: boolean };
    expect(ok.ok).toBe(true);
  });

  it('gives web pages no way in', async () => {
    const page = await h.context.newPage();
    await page.goto(`${server.url}/lecture.html`);
    // No externally_connectable: a page sees no runtime to connect with.
    expect(await rawRpc(page, { kind: 'request', id: 'w1', type: 'bg.ping', payload: {} })).toBe('no-runtime');
    const sendToUs = await page.evaluate(async (id) => {
      const chrome = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      if (typeof chrome?.runtime?.sendMessage !== 'function') return 'no-sendMessage';
      try {
        await (chrome.runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, { kind: 'request' });
        return 'delivered';
      } catch {
        return 'refused';
      }
    }, h.extensionId);
    expect(sendToUs).not.toBe('delivered');
  });

  it('asks for no host permissions and no external connections up front', async () => {
    // (The content scripts' request allow-list is unit-tested with the router.)
    const manifest = await (await h.context.newPage()).goto(h.url('manifest.json'));
    const m = (await manifest!.json()) as { host_permissions?: string[]; externally_connectable?: unknown; permissions: string[] };
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.externally_connectable).toBeUndefined();
    expect(m.permissions).not.toContain('<all_urls>');
  });

  it('content-script shell: mounts one shadow root without touching the page text, and leaves when turned off', async () => {
    const page = await h.context.newPage();
    await page.goto(`${server.url}/lecture.html`);
    const original = await page.evaluate(() => document.body.innerText);
    await page.locator('dl-tutor-root').waitFor({ state: 'attached' });
    expect(await page.locator('dl-tutor-root').count()).toBe(1);
    expect(await page.evaluate(() => !!document.querySelector('dl-tutor-root')?.shadowRoot)).toBe(true);
    expect(await page.evaluate(() => document.body.innerText)).toBe(original);

    const options = await h.context.newPage();
    await options.goto(h.url('options.html'));
    await setOption(options, 'option-enabled', 'enabled', false);
    await expect.poll(() => page.locator('dl-tutor-root').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerText)).toBe(original);
    await setOption(options, 'option-enabled', 'enabled', true);
    await expect.poll(() => page.locator('dl-tutor-root').count()).toBe(1);
  });
});
