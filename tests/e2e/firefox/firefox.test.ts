// The Firefox build in headless Firefox ESR (WebDriver BiDi): the same features as the Chromium
// suite, on Firefox's own terms (the background is an event page that hosts the model worker,
// extension pages are not cross-origin isolated, the GPT lab is a sidebar page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { serveStatic } from '@/scripts/static-server.mjs';
import { ROOT } from '@/scripts/browser/chromium';
import { ask, askTimed, attr, launchFirefox, poll, text, type FirefoxHarness } from '@/tests/e2e/firefox/firefox-harness';
import { conceptById } from '@/features/concepts/kb';

const EN = 'Gradient descent minimizes the loss function by following the gradient downhill.';
const ZH = '注意力机制让每个词元回看前面的词元，反向传播计算梯度。';

describe('Firefox: the extension in Firefox ESR', () => {
  let h: FirefoxHarness;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    h = await launchFirefox();
    server = await serveStatic(join(ROOT, 'tests', 'fixtures'));
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it('passes the diagnostics self-test on WASM, with one thread and the reason', async () => {
    const page = await h.openExtensionPage('diagnostics.html');
    const status = await poll(() => text(page, 'selftest-status'), (s) => s === 'pass' || !!s?.startsWith('fail'), 120_000);
    expect(status).toBe('pass');
    expect(await text(page, 'runtime-backend')).toBe('wasm');
    const threads = await poll(() => attr(page, 'host-threads', 'data-threads'), (v) => v !== null);
    expect(threads).toBe('1');
    expect(await text(page, 'host-threads')).toContain('not cross-origin isolated');
    const status2 = await ask<{ inWorker: boolean }>(page, 'host.status', {});
    expect(status2.inWorker).toBe(true);
    await page.close();
  });

  it('classifies a stroke on the digit pad in the popup', async () => {
    const page = await h.openExtensionPage('popup.html');
    await page.setViewport({ width: 640, height: 900 });
    await poll(() => text(page, 'digit-latency'), (s) => /784-/.test(s ?? ''), 60_000);
    const pad = (await page.$('[data-testid=digit-pad]'))!;
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 140, box.y + 50);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 140, box.y + 50 + i * 15);
    await page.mouse.up();
    expect(await poll(() => text(page, 'digit-prediction'), (s) => s === '1')).toBe('1');
    await page.close();
  });

  it('trains the digit network for a short run in the training lab', async () => {
    const page = await h.openExtensionPage('sidepanel.html?lab=training&optimizer=adam');
    await page.setViewport({ width: 420, height: 1400 });
    await page.waitForSelector('[data-testid=train-epochs]');
    await page.$eval('[data-testid=train-epochs]', (el) => {
      (el as HTMLInputElement).value = '1';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.click('[data-testid=train-start]');
    const acc = await poll(() => text(page, 'test-accuracy'), (s) => s !== null, 180_000);
    console.log(`[firefox] training lab, 1 epoch of Adam: test accuracy ${acc}`);
    expect(parseFloat(acc ?? '0')).toBeGreaterThan(70);
    await page.close();
  });

  for (const [lang, sample] of [['English', EN], ['Chinese', ZH]] as const) {
    it(`shows the GPT lab's views on a ${lang} selection`, async () => {
      const page = await h.openExtensionPage(`sidepanel.html?text=${encodeURIComponent(sample)}&view=tokens`);
      await page.setViewport({ width: 420, height: 1200 });
      await page.waitForSelector('[data-testid=token]', { timeout: 60_000 });
      const engine = await ask<{ tokens: { id: number }[] }>(page, 'host.gpt.tokenize', { text: sample });
      const shown = await page.$$eval('[data-testid=token]', (els) => els.flatMap((e) => ((e as HTMLElement).dataset.ids ?? '').split(' ').map(Number)));
      expect(shown).toEqual(engine.tokens.map((t) => t.id));
      for (const [view, testid] of [['embeddings', 'pca-scatter'], ['attention', 'attention-map'], ['generate', 'generate']] as const) {
        await page.click(`[data-testid=gpt-view-${view}]`);
        await page.waitForSelector(`[data-testid=${testid}]`, { timeout: 60_000 });
      }
      await page.close();
    });
  }

  it('annotates a lecture page and opens a card', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${server.url}/pages/english.html`);
    await page.waitForSelector('dl-concept', { timeout: 20_000 });
    const marked = await page.$$eval('dl-concept', (els) => els.map((e) => (e as HTMLElement).dataset.concept));
    expect(marked).toEqual(expect.arrayContaining(['backpropagation', 'gradient-descent']));
    await page.click('dl-concept[data-concept=backpropagation]');
    const card = await poll(
      () => page.evaluate(() => document.querySelector('dl-tutor-root')?.shadowRoot?.querySelector('[data-testid=concept-card]')?.getAttribute('data-concept') ?? null),
      (v) => v !== null,
      10_000,
    );
    expect(card).toBe('backpropagation');
    // Its body comes from the background page (bg.concept), formulas as MathML.
    const body = await poll(
      () =>
        page.evaluate(() => {
          const c = document.querySelector('dl-tutor-root')?.shadowRoot?.querySelector('[data-testid=concept-card]');
          return { summary: c?.querySelector('.summary')?.textContent ?? '', math: c?.querySelectorAll('math').length ?? 0 };
        }),
      (v) => v.summary !== '' && v.math > 0,
      10_000,
    );
    expect(body.summary).toBe(conceptById('backpropagation')!.summary.en);
    await page.close();
  });

  it('shows concept chips over the fixture video, following its time', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${server.url}/pages/video.html`);
    const chips = () =>
      page.evaluate(() => [...(document.querySelector('dl-tutor-root')?.shadowRoot?.querySelectorAll('[data-testid=concept-chip]') ?? [])].map((e) => (e as HTMLElement).dataset.concept));
    const markers = await poll(
      () => page.evaluate(() => document.querySelector('dl-tutor-root')?.shadowRoot?.querySelectorAll('[data-testid=timeline-marker]').length ?? 0),
      (n) => n > 0,
      20_000,
    );
    expect(markers).toBeGreaterThan(0);
    await page.evaluate(() => {
      (document.getElementById('v') as HTMLVideoElement).currentTime = 19;
    });
    expect(await poll(chips, (c) => c.includes('chain-rule'), 10_000)).toContain('chain-rule');
    await page.close();
  });

  it('reports no errors from the extension', () => {
    expect(h.errors()).toEqual([]);
  });
});

describe('Firefox: the model host across a suspended background', () => {
  // Firefox suspends an idle event page after this many seconds (30 by default).
  const IDLE_S = 2;
  let h: FirefoxHarness;
  let page: Page;
  beforeAll(async () => {
    h = await launchFirefox({ backgroundIdleSeconds: IDLE_S });
    page = await h.openExtensionPage('options.html');
  });
  afterAll(async () => h?.close());

  const backgroundStartedAt = async () => (await ask<{ backgroundStartedAt: number }>(page, 'bg.ping', {})).backgroundStartedAt;

  // Nothing here assumes how fast the machine is: suspension is observed (the background's start
  // time changes), and a run's length is grown from what the last run took until it outlasts the
  // idle timeout twice over.
  it('answers after the background was suspended', { timeout: 180_000 }, async () => {
    const before = await backgroundStartedAt();
    const hostBefore = await ask<{ hostStartedAt: number }>(page, 'host.status', {});
    // Each look is a request, which counts as activity: so look rarely, each wait longer than the last.
    let after = before;
    for (let waitMs = 2 * IDLE_S * 1000; after === before && waitMs <= 64_000; waitMs *= 2) {
      await new Promise((r) => setTimeout(r, waitMs));
      after = await backgroundStartedAt();
    }
    expect(after, 'the background was never suspended').toBeGreaterThan(before);
    const hostAfter = await ask<{ hostStartedAt: number }>(page, 'host.status', {});
    console.log(`[firefox] background suspended and started again; host ${hostAfter.hostStartedAt === hostBefore.hostStartedAt ? 'kept' : 'started afresh'}`);
    expect(hostAfter.hostStartedAt).toBeGreaterThan(0);
  });

  it('does not cut off a generation or a training run that outlasts the idle timeout twice', { timeout: 600_000 }, async () => {
    const longEnough = 2 * IDLE_S * 1000;
    // A generation: each step recomputes the whole prefix (no cache), the prompt grows until one
    // generation outlasts the idle timeout twice (or fills the 256-token context).
    let words = 8;
    for (;;) {
      const bg = await backgroundStartedAt();
      const g = await askTimed<{ steps: unknown[]; stopped: string }>(page, 'host.gpt.generate', {
        text: 'The gradient of the loss tells each weight which way to move. '.repeat(words).trim(),
        settings: { temperature: 0.8, topK: 0, topP: 1, seed: 3, maxTokens: 256 },
        cache: false,
      });
      const ms = g.answeredAt - g.sentAt;
      console.log(`[firefox] uncached generation of ${g.value.steps.length} tokens after a ${words * 12}-word prompt: ${(ms / 1000).toFixed(1)} s, ${IDLE_S} s idle timeout`);
      expect(g.value.steps.length).toBeGreaterThan(0);
      expect(['max-tokens', 'end-of-text', 'context-full']).toContain(g.value.stopped);
      // Cut off, the port would have closed (ask throws); suspended and restarted, the start time moves.
      expect(await backgroundStartedAt()).toBe(bg);
      if (ms >= longEnough || words >= 16) break;
      words *= 2;
    }
    // A training run, its epochs doubled until one run outlasts the idle timeout twice.
    let epochs = 4;
    for (let run = 0; ; run++) {
      const bg = await backgroundStartedAt();
      const t = await askTimed<{ status: string; epochsDone: number }>(page, 'host.train.start', {
        runId: `firefox-idle-${run}`,
        backend: 'auto',
        config: { hidden: [16, 16], activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', eta: 0.003, batch: 64, epochs, l1: 0, l2: 0, dropout: 0, init: 'he', seed: 1 },
      });
      const ms = t.answeredAt - t.sentAt;
      console.log(`[firefox] training run of ${epochs} epochs: ${(ms / 1000).toFixed(1)} s, ${t.progress} progress messages, ${t.value.status}`);
      expect(t.value).toMatchObject({ status: 'done', epochsDone: epochs });
      expect(await backgroundStartedAt()).toBe(bg);
      if (ms >= longEnough) break;
      // The next run is sized from this one's speed, with room to spare.
      epochs = Math.min(1000, Math.ceil((epochs * 2 * longEnough) / Math.max(ms, 1)));
    }
  });
});
