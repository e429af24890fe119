// The review deck in Firefox ESR: concepts met on two lecture pages (one Chinese), in an opened
// card and in a playing video reach the Review page with their places, across a suspended event
// page (Firefox's counterpart of a stopped service worker); ratings from the keys and undo; the
// Anki text export read back by the format's rules; Send to Anki against the stand-in AnkiConnect
// (tests/e2e/anki-stand-in.ts: Anki itself cannot run on the build machines), adding then
// updating without duplicates; backup, forget everything, restore. Firefox's downloads are not
// reachable over WebDriver BiDi, so exported files are read from the blobs the page saves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { serveStatic } from '@/scripts/static-server.mjs';
import { ROOT } from '@/scripts/browser/chromium';
import { ask, launchFirefox, poll, text, type FirefoxHarness } from '@/tests/e2e/firefox/firefox-harness';
import { ankiStandIn, type AnkiStandIn } from '@/tests/e2e/anki-stand-in';
import { parseAnkiText } from '@/tests/unit/review/anki-parse';

type Met = Record<string, { places: { title: string; section?: string; sentence?: string; time?: number }[] }>;
type Stored = { 'review-met'?: { concepts: Met }; 'review-deck'?: { log: unknown[]; cards: Record<string, unknown> } };

const IDLE_S = 2;
const stored = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { browser: { storage: { local: { get(k: string[]): Promise<unknown> } } } }).browser.storage.local.get(['review-met', 'review-deck'])) as Promise<Stored>;
const met = async (page: Page) => (await stored(page))['review-met']?.concepts ?? {};

/** Clicks an export button and returns the text of the file the page offered. */
async function exported(page: Page, testid: string): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as { __saved?: Promise<string> };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      w.__saved = fetch(this.href).then((r) => r.text());
    };
  });
  await page.click(`[data-testid=${testid}]`);
  return page.evaluate(() => (window as unknown as { __saved: Promise<string> }).__saved);
}

/** Chooses a file for the restore input, as the file picker would. */
const choose = (page: Page, name: string, content: string) =>
  page.evaluate(
    (name, content) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid=review-import-json]')!;
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type: 'application/json' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    name,
    content,
  );

const shadow = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector('dl-tutor-root')?.shadowRoot?.querySelector(s)?.getAttribute('data-concept') ?? null, selector);

describe('Firefox: the review deck', () => {
  let h: FirefoxHarness;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let anki: AnkiStandIn;
  let review: Page;
  beforeAll(async () => {
    // Optional permissions granted without the prompt headless Firefox cannot show; the request is still made.
    h = await launchFirefox({ backgroundIdleSeconds: IDLE_S, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    server = await serveStatic(join(ROOT, 'tests', 'fixtures'));
    anki = await ankiStandIn();
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
    await anki?.close();
  });

  it('records pages, a card and a playing video across a suspended background', { timeout: 300_000 }, async () => {
    review = await h.openExtensionPage(`review.html?anki=${encodeURIComponent(anki.url)}`);
    const en = await h.browser.newPage();
    await en.goto(`${server.url}/pages/english.html`);
    expect(Object.keys(await poll(() => met(review), (m) => !!m.backpropagation && !!m['gradient-descent'], 30_000))).toEqual(
      expect.arrayContaining(['backpropagation', 'gradient-descent']),
    );
    await en.click('dl-concept[data-concept=adam]');
    expect(await poll(() => shadow(en, '[data-testid=concept-card]'), (v) => v === 'adam', 10_000)).toBe('adam');
    await en.close();

    // The event page is suspended when idle (its start time moves); look rarely, each look is activity.
    const startedAt = async () => (await ask<{ backgroundStartedAt: number }>(review, 'bg.ping', {})).backgroundStartedAt;
    const before = await startedAt();
    let after = before;
    for (let waitMs = 2 * IDLE_S * 1000; after === before && waitMs <= 64_000; waitMs *= 2) {
      await new Promise((r) => setTimeout(r, waitMs));
      after = await startedAt();
    }
    expect(after, 'the background was never suspended').toBeGreaterThan(before);

    const zh = await h.browser.newPage();
    await zh.goto(`${server.url}/pages/chinese.html`);
    await poll(() => met(review), (m) => !!m['chain-rule']?.places.some((p) => p.title === 'Fixture: 中文讲义'), 30_000);
    await zh.close();

    const video = await h.browser.newPage();
    await video.goto(`${server.url}/pages/video.html`);
    await poll(() => video.evaluate(() => document.querySelector('dl-tutor-root')?.shadowRoot?.querySelectorAll('[data-testid=timeline-marker]').length ?? 0), (n) => n > 0, 20_000);
    await video.evaluate(async () => {
      const v = document.getElementById('v') as HTMLVideoElement;
      await v.play();
      v.currentTime = 12.5;
    });
    const m = await poll(() => met(review), (x) => (x.backpropagation?.places.find((p) => p.time !== undefined)?.time ?? -1) >= 12, 30_000);
    await video.close();
    expect(Object.keys(m)).toEqual(expect.arrayContaining(['backpropagation', 'gradient-descent', 'adam', 'chain-rule']));
    expect(m.adam!.places.find((p) => p.title === 'Fixture: English lecture')).toMatchObject({ section: 'Training a small network', sentence: expect.stringMatching(/Adam optimizer/) });
  });

  it('shows the places, rates from the keys and undoes', async () => {
    await h.navigate(review, h.url(`review.html?anki=${encodeURIComponent(anki.url)}`));
    await review.waitForSelector('[data-testid=review-deck-item][data-concept=chain-rule]');
    const first = await review.$eval('[data-testid=review-card]', (e) => e.getAttribute('data-concept'));
    await review.keyboard.press(' ');
    await review.waitForSelector('[data-testid=review-back]');
    await review.keyboard.press('3');
    await poll(() => review.$eval('[data-testid=review-card]', (e) => e.getAttribute('data-concept')), (v) => v !== first, 10_000);
    await review.keyboard.press(' ');
    await review.waitForSelector('[data-testid=review-back]');
    await review.keyboard.press('1');
    expect(await poll(async () => (await stored(review))['review-deck']?.log.length ?? 0, (n) => n === 2, 10_000)).toBe(2);
    await review.click('[data-testid=review-undo]');
    expect(await poll(async () => (await stored(review))['review-deck']?.log.length ?? 0, (n) => n === 1, 10_000)).toBe(1);
    expect(Object.keys((await stored(review))['review-deck']!.cards)).toEqual([first]);
  });

  it('exports the Anki text file and sends to Anki without duplicates', async () => {
    const parsed = parseAnkiText(await exported(review, 'review-export-anki'));
    expect(parsed.headers).toMatchObject({ separator: 'tab', html: 'true', notetype: 'DL Tutor concept' });
    const ids = parsed.rows.map((r) => r[0]);
    expect(ids).toEqual(expect.arrayContaining(['dl-tutor:adam', 'dl-tutor:chain-rule', 'dl-tutor:backpropagation']));
    const n = Object.keys(await met(review)).length;
    expect(ids).toHaveLength(n);
    await review.click('[data-testid=review-send-anki]');
    expect(await poll(() => text(review, 'review-message'), (s) => !!s, 30_000)).toBe(`Sent to Anki: ${n} added, 0 updated.`);
    await review.evaluate(() => document.querySelector('[data-testid=review-message]')?.remove());
    await review.click('[data-testid=review-send-anki]');
    expect(await poll(() => text(review, 'review-message'), (s) => !!s && s.includes('updated'), 30_000)).toBe(`Sent to Anki: 0 added, ${n} updated.`);
    expect(anki.notes).toHaveLength(n);
  });

  it('backs up, forgets everything, refuses a damaged file and restores the same deck', async () => {
    const before = await stored(review);
    const backup = await exported(review, 'review-export-json');
    const options = await h.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid=forget-all]:not([disabled])');
    await options.click('[data-testid=forget-all]');
    await poll(() => met(review), (m) => Object.keys(m).length === 0, 10_000);
    await options.close();
    await choose(review, 'broken.json', '{"format":"dl-tutor-review"');
    expect(await poll(() => text(review, 'review-message'), (s) => !!s && /not JSON/.test(s), 10_000)).toMatch(/not JSON/);
    expect(await met(review)).toEqual({});
    await choose(review, 'backup.json', backup);
    expect(await poll(() => text(review, 'review-message'), (s) => !!s && /Restored/.test(s), 10_000)).toMatch(/Restored/);
    const after = await stored(review);
    expect(after['review-met']!.concepts).toEqual(before['review-met']!.concepts);
    expect(after['review-deck']).toEqual(before['review-deck']);
  });

  it('reports no errors from the extension', () => {
    expect(h.errors()).toEqual([]);
  });
});
