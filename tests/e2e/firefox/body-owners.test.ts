// Pages whose framework owns <body> (tests/e2e/body-owners.test.ts), in headless Firefox ESR over
// WebDriver BiDi: the extension's UI lives outside body there too, and works with no fight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { serveStatic } from '@/scripts/static-server.mjs';
import { ROOT } from '@/scripts/browser/chromium';
import { launchFirefox, poll, type FirefoxHarness } from '@/tests/e2e/firefox/firefox-harness';
import {
  bodyText,
  buttonBesideSelection,
  cardBesideTerm,
  extensionNodes,
  frames,
  hostMoves,
  hostParent,
  markCentre,
  marksIn,
  openCard,
  ownCentre,
  renderCount,
  selectContents,
  shownOnTop,
  timelineMarkers,
  timelineUnderVideo,
  videoChips,
} from '@/tests/e2e/in-page-checks';

const OWNER = 'pages/hostile/body-owner.html';
const REPLACER = 'pages/hostile/body-replacer.html';

describe('Firefox: pages whose framework owns <body>', () => {
  let h: FirefoxHarness;
  let on: Awaited<ReturnType<typeof serveStatic>>;
  let off: Awaited<ReturnType<typeof serveStatic>>;
  let options: Page;
  beforeAll(async () => {
    h = await launchFirefox();
    on = await serveStatic(join(ROOT, 'tests', 'fixtures'));
    off = await serveStatic(join(ROOT, 'tests', 'fixtures'), 0, '127.0.0.2');
    options = await h.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await h?.close();
    await on?.close();
    await off?.close();
  });

  async function open(base: string, path: string): Promise<Page> {
    const page = await h.browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(`${base}/${path}`);
    return page;
  }

  /** Turns the extension off or on for the fixture site, as the popup's site switch does. */
  const setSiteEnabled = (enabled: boolean) =>
    options.evaluate(
      async (host, yes) => {
        type Area = { get(k: string): Promise<Record<string, unknown>>; set(o: object): Promise<void> };
        const storage = (globalThis as unknown as { browser: { storage: { local: Area } } }).browser.storage.local;
        const { settings } = await storage.get('settings');
        await storage.set({ settings: { ...(settings as object | undefined), disabledSites: yes ? [] : [host] } });
      },
      new URL(on.url).hostname,
      enabled,
    );

  async function marks(page: Page, within: string, when: string, ok: (m: string[]) => boolean = (m) => m.length > 0): Promise<string[]> {
    const found = await poll(() => page.evaluate(marksIn, within), ok, 60_000);
    expect(ok(found), `marks in ${within} ${when}: ${found.join(', ')}`).toBe(true);
    return found;
  }

  async function renders(page: Page, n: number): Promise<void> {
    const start = await page.evaluate(renderCount);
    await poll(() => page.evaluate(renderCount), (c) => c >= start + n, 30_000);
    await page.evaluate(frames, 5);
  }

  async function dataArrives(page: Page): Promise<void> {
    await page.evaluate(() => (window as unknown as { __dataArrived(): void }).__dataArrived());
    await marks(page, '#lesson', 'in the new body');
    await page.evaluate(frames, 5);
  }

  /** The extension's element is shown on top (it may wait off-screen for a frame to be placed). */
  async function shown(page: Page, testid: string): Promise<void> {
    expect(await poll(() => page.evaluate(shownOnTop, testid), (s) => s === '', 10_000)).toBe('');
  }

  /** A click on a term opens its card, which is still shown after `stays`; Esc closes it. */
  async function cardStays(page: Page, conceptId: string, stays: () => Promise<void>): Promise<void> {
    const at = await page.evaluate(markCentre, ['#lesson', conceptId] as [string, string]);
    expect(at, `a mark of ${conceptId}`).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    expect(await poll(() => page.evaluate(openCard), (c) => c === conceptId, 10_000)).toBe(conceptId);
    await shown(page, 'concept-card');
    await stays();
    expect(await page.evaluate(openCard)).toBe(conceptId);
    expect(await page.evaluate(shownOnTop, 'concept-card')).toBe('');
    await page.keyboard.press('Escape');
    expect(await poll(() => page.evaluate(openCard), (c) => c === null, 10_000)).toBeNull();
  }

  /** The video layer: the timeline under the player, a chip of the current cue, its card. */
  async function videoLayer(page: Page, stays: () => Promise<void>): Promise<void> {
    const markers = await poll(() => page.evaluate(timelineMarkers), (m) => m.includes('chain-rule@18'), 30_000);
    expect(markers).toEqual(expect.arrayContaining(['backpropagation@13', 'chain-rule@18']));
    expect(await poll(() => page.evaluate(timelineUnderVideo, '#video'), (s) => s === '', 10_000)).toBe('');
    await page.evaluate(() => void ((document.getElementById('video') as HTMLVideoElement).currentTime = 19));
    expect(await poll(() => page.evaluate(videoChips), (c) => c.includes('chain-rule'), 10_000)).toContain('chain-rule');
    const chip = await page.evaluate(ownCentre, ['concept-chip', 'chain-rule'] as [string, string | null]);
    await page.mouse.click(chip!.x, chip!.y);
    expect(await poll(() => page.evaluate(openCard), (c) => c === 'chain-rule', 10_000)).toBe('chain-rule');
    await shown(page, 'concept-card');
    await stays();
    expect(await page.evaluate(shownOnTop, 'concept-card')).toBe('');
    await page.keyboard.press('Escape');
    expect(await poll(() => page.evaluate(openCard), (c) => c === null, 10_000)).toBeNull();
  }

  /** Off: nothing of the extension is left and the text is the page's; on: marks and cards are back. */
  async function offAndOn(page: Page, conceptId: string): Promise<void> {
    const before = await page.evaluate(bodyText);
    await setSiteEnabled(false);
    expect(await poll(() => page.evaluate(marksIn, 'body'), (m) => m.length === 0, 15_000)).toEqual([]);
    expect(await poll(() => page.evaluate(extensionNodes), (n) => n === 0, 15_000)).toBe(0);
    expect(await page.evaluate(bodyText)).toEqual(before);
    await setSiteEnabled(true);
    await marks(page, '#lesson', 'on again');
    await cardStays(page, conceptId, () => page.evaluate(frames, 5));
  }

  it('a framework that removes every child of body it did not create: cards, the button and the video layer work, the host stays', async () => {
    const base = await open(off.url, OWNER);
    const page = await open(on.url, OWNER);
    await marks(page, '#lesson', 'after loading');
    expect(await page.evaluate(hostParent)).toBe('html');
    await cardStays(page, 'backpropagation', () => renders(page, 2));

    await page.evaluate(selectContents, '#text');
    expect(await poll(() => page.evaluate(buttonBesideSelection), (s) => s === '', 10_000)).toBe('');
    await renders(page, 2);
    expect(await page.evaluate(shownOnTop, 'gpt-selection-button')).toBe('');
    await page.evaluate(() => getSelection()!.removeAllRanges());

    await videoLayer(page, () => renders(page, 2));
    await page.click('#nav-2');
    await marks(page, '#lesson', 'after navigating', (m) => m.includes('dropout:Dropout'));
    await cardStays(page, 'dropout', () => renders(page, 2));
    expect(await page.evaluate(() => (window as unknown as { __foreignRemoved: string[] }).__foreignRemoved)).toEqual([]);
    const moves = await page.evaluate(hostMoves);
    console.log(`[firefox body owner] host inserted ${moves.inserts} times, removed ${moves.removals}`);
    expect(moves).toEqual({ inserts: 1, removals: 0 });

    await base.click('#nav-2');
    expect(await page.evaluate(bodyText)).toEqual(await base.evaluate(bodyText));
    await offAndOn(page, 'dropout');
    await base.close();
    await page.close();
  });

  it('a framework that puts a new body in place of the old on every render', async () => {
    const base = await open(off.url, REPLACER);
    const page = await open(on.url, REPLACER);
    await marks(page, '#lesson', 'after loading');
    expect(await page.evaluate(hostParent)).toBe('html');
    await cardStays(page, 'backpropagation', () => dataArrives(page));

    await page.evaluate(selectContents, '#text');
    expect(await poll(() => page.evaluate(buttonBesideSelection), (s) => s === '', 10_000)).toBe('');
    // The new body takes the selected text with it, and the button goes with it.
    await dataArrives(page);
    expect(await poll(() => page.evaluate(shownOnTop, 'gpt-selection-button'), (s) => s.startsWith('no '), 10_000)).toMatch(/^no /);

    await videoLayer(page, () => page.evaluate(frames, 5));
    await page.click('#nav-2');
    await marks(page, '#lesson', 'after navigating', (m) => m.includes('dropout:Dropout'));
    await cardStays(page, 'dropout', () => dataArrives(page));
    const moves = await page.evaluate(hostMoves);
    console.log(`[firefox body replacer] ${await page.evaluate(renderCount)} bodies; host inserted ${moves.inserts} times, removed ${moves.removals}`);
    expect(moves).toEqual({ inserts: 1, removals: 0 });

    await base.click('#nav-2');
    expect(await page.evaluate(bodyText)).toEqual(await base.evaluate(bodyText));
    await offAndOn(page, 'dropout');
    await base.close();
    await page.close();
  });

  for (const layout of ['scroller', 'transform', 'zoom', 'grid']) {
    it(`layout ${layout}: every layer where it points, the page's boxes unchanged`, async () => {
      const base = await open(off.url, `${OWNER}?layout=${layout}`);
      const page = await open(on.url, `${OWNER}?layout=${layout}`);
      await marks(page, '#lesson', 'after loading');
      const boxes = (p: Page) =>
        p.evaluate(() => [document.documentElement.scrollHeight, document.body.scrollHeight, ...['#lesson', '#video', '#app-header'].map((s) => JSON.stringify(document.querySelector(s)!.getBoundingClientRect()))]);
      expect(await boxes(page)).toEqual(await boxes(base));
      await cardStays(page, 'backpropagation', async () => {
        await renders(page, 2);
        expect(await page.evaluate(cardBesideTerm, ['#lesson', 'backpropagation'] as [string, string])).toBe('');
      });
      await page.evaluate(selectContents, '#text');
      expect(await poll(() => page.evaluate(buttonBesideSelection), (s) => s === '', 10_000)).toBe('');
      expect(await poll(() => page.evaluate(timelineUnderVideo, '#video'), (s) => s === '', 30_000)).toBe('');
      if (layout === 'scroller') {
        await page.evaluate(() => document.body.scrollBy(0, 60));
        expect(await poll(() => page.evaluate(buttonBesideSelection), (s) => s === '', 10_000)).toBe('');
        expect(await poll(() => page.evaluate(timelineUnderVideo, '#video'), (s) => s === '', 10_000)).toBe('');
      }
      expect(await page.evaluate(hostMoves)).toEqual({ inserts: 1, removals: 0 });
      await base.close();
      await page.close();
    });
  }

  it('the large-page notice on a body-owning page stays through its renders', async () => {
    const page = await open(on.url, `${OWNER}?large=1`);
    expect(await poll(() => page.evaluate(shownOnTop, 'large-page-notice'), (s) => s === '', 60_000)).toBe('');
    await renders(page, 2);
    expect(await page.evaluate(shownOnTop, 'large-page-notice')).toBe('');
    const dismiss = await page.evaluate(ownCentre, ['large-page-dismiss', null] as [string, string | null]);
    await page.mouse.click(dismiss!.x, dismiss!.y);
    expect(await poll(() => page.evaluate(shownOnTop, 'large-page-notice'), (s) => s.startsWith('no '), 10_000)).toMatch(/^no /);
    expect(await page.evaluate(marksIn, '#lesson')).toEqual([]);
    expect(await page.evaluate(hostMoves)).toEqual({ inserts: 1, removals: 0 });
    await page.close();
  });

  it('reports no errors', () => {
    expect(h.errors()).toEqual([]);
  });
});
