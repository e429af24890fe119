// The review deck end to end in Chromium: concepts met on two lecture pages (one Chinese), in an
// opened card and in a playing video reach the Review page with their places, through a service
// worker stop; ratings with the keys and undo; the Anki text export read back by the format's
// rules; Send to Anki against a stand-in AnkiConnect (tests/e2e/anki-stand-in.ts: Anki itself
// cannot run on the build machines), adding and then updating without duplicates; backup, forget
// everything, restore gives the same deck.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { serveStatic } from '@/scripts/static-server.mjs';
import { launch, rawRpc, ROOT, screenshot, stopServiceWorker, watchErrors, type Harness } from '@/tests/e2e/harness';
import { setOption } from '@/tests/e2e/options-page';
import { ankiStandIn, type AnkiStandIn } from '@/tests/e2e/anki-stand-in';
import { parseAnkiText } from '@/tests/unit/review/anki-parse';

/** The extension's APIs as its pages see them (typed here: the tests do not load @types/chrome). */
declare const chrome: {
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
  developerPrivate: { addHostPermission(id: string, host: string, cb: () => void): void };
};

type Stored = { 'review-met'?: { concepts: Record<string, { count: number; places: { url: string; title: string; section?: string; sentence?: string; time?: number }[] }> }; 'review-deck'?: unknown };

const stored = (page: Page) => page.evaluate(() => chrome.storage.local.get(['review-met', 'review-deck'])) as Promise<Stored>;
const metIds = async (page: Page) => Object.keys((await stored(page))['review-met']?.concepts ?? {}).sort();

/** The answer side with its formulas typeset and KaTeX's fonts loaded (text in a loading font is invisible). */
async function answerShown(page: Page): Promise<void> {
  await page.getByTestId('review-back').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('.review-formula')].every((f) => f.querySelector('[data-typeset]')));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function saved(page: Page, testid: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testid).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

describe('review deck', () => {
  let h: Harness;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let anki: AnkiStandIn;
  let ext: Page;
  beforeAll(async () => {
    h = await launch({ webgpu: false });
    server = await serveStatic(join(ROOT, 'tests', 'fixtures'));
    anki = await ankiStandIn();
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
    await anki?.close();
  });

  it('records what was read, opened and watched, through a service worker stop', async () => {
    ext = await h.context.newPage();
    await ext.goto(h.url('review.html'));
    const en = await h.context.newPage();
    const errors = watchErrors(en);
    await en.goto(`${server.url}/pages/english.html`);
    // On screen for a moment: the marks in view are met.
    await expect.poll(() => metIds(ext), { timeout: 30_000 }).toEqual(expect.arrayContaining(['backpropagation', 'gradient-descent']));
    await en.locator('dl-concept[data-concept=adam]').first().click();
    await en.getByTestId('concept-card').waitFor();

    await stopServiceWorker(h, ext);

    const zh = await h.context.newPage();
    await zh.goto(`${server.url}/pages/chinese.html`);
    await expect.poll(async () => (await stored(ext))['review-met']?.concepts['chain-rule']?.places.some((p) => p.title === 'Fixture: 中文讲义'), { timeout: 30_000 }).toBe(true);

    const video = await h.context.newPage();
    await video.goto(`${server.url}/pages/video.html`);
    await video.getByTestId('timeline-marker').first().waitFor({ timeout: 15_000 });
    await video.evaluate(async () => {
      const v = document.getElementById('v') as HTMLVideoElement;
      await v.play();
      v.currentTime = 12.5;
    });
    await expect.poll(async () => (await stored(ext))['review-met']?.concepts.backpropagation?.places.find((p) => p.time !== undefined)?.time, { timeout: 30_000 }).toBeGreaterThanOrEqual(12);

    const met = (await stored(ext))['review-met']!.concepts;
    // Nothing written before the stop was lost, and the card's place carries its section and sentence.
    expect(Object.keys(met)).toEqual(expect.arrayContaining(['backpropagation', 'gradient-descent', 'adam', 'chain-rule']));
    const adam = met.adam!.places.find((p) => p.title === 'Fixture: English lecture')!;
    expect(adam.section).toBe('Training a small network');
    expect(adam.sentence).toMatch(/Adam optimizer/);
    expect(adam.sentence!.length).toBeLessThanOrEqual(200);
    expect(errors).toEqual([]);
    await Promise.all([en.close(), zh.close(), video.close()]);
  });

  it('shows the concepts with their places, and schedules ratings from the keys, with undo', async () => {
    await ext.reload();
    const items = ext.getByTestId('review-deck-item');
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.concept))).toEqual(expect.arrayContaining(['adam', 'chain-rule', 'backpropagation']));
    const bp = ext.locator('[data-testid=review-deck-item][data-concept=backpropagation]');
    await bp.locator('summary').click();
    const links = await bp.locator('a').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).href));
    expect(links.some((l) => l.includes('/pages/video.html#t='))).toBe(true);
    expect(links.some((l) => l.includes('/pages/chinese.html'))).toBe(true);
    // The video's link back opens the page at the video's time.
    const back = await h.context.newPage();
    await back.goto(links.find((l) => l.includes('/pages/video.html#t='))!);
    await expect.poll(() => back.evaluate(() => (document.getElementById('v') as HTMLVideoElement).currentTime), { timeout: 15_000 }).toBeGreaterThanOrEqual(12);
    await back.close();

    const first = await ext.getByTestId('review-card').getAttribute('data-concept');
    await ext.keyboard.press('Space');
    await answerShown(ext);
    await screenshot(ext, 'review-light');
    await ext.keyboard.press('3');
    await expect.poll(() => ext.getByTestId('review-card').getAttribute('data-concept')).not.toBe(first);
    const second = await ext.getByTestId('review-card').getAttribute('data-concept');
    await ext.keyboard.press('Space');
    await ext.keyboard.press('1');
    await expect.poll(async () => ((await stored(ext))['review-deck'] as { log: unknown[] }).log.length).toBe(2);
    await ext.getByTestId('review-undo').click();
    await expect.poll(async () => ((await stored(ext))['review-deck'] as { log: unknown[] }).log.length).toBe(1);
    expect(await ext.getByTestId('review-card').getAttribute('data-concept')).toBe(second);
    const deck = (await stored(ext))['review-deck'] as { cards: Record<string, { state: number; due: number }> };
    expect(Object.keys(deck.cards)).toEqual([first]);
    // The reviews-per-day chart counts today's rating.
    expect(await ext.getByTestId('review-per-day').locator('rect').count()).toBe(30);
  });

  it('exports a text file Anki imports, one note per concept with a stable id', async () => {
    const text = await saved(ext, 'review-export-anki');
    const parsed = parseAnkiText(text);
    expect(parsed.headers).toMatchObject({ separator: 'tab', html: 'true', notetype: 'DL Tutor concept', 'deck column': '7', 'tags column': '8' });
    const ids = parsed.rows.map((r) => r[0]);
    expect(ids).toEqual(expect.arrayContaining(['dl-tutor:adam', 'dl-tutor:chain-rule', 'dl-tutor:backpropagation']));
    expect(new Set(ids).size).toBe(ids.length);
    const adam = parsed.rows.find((r) => r[0] === 'dl-tutor:adam')!;
    expect(adam[3]).toMatch(/^\\\(.+\\\)/);
    expect(adam[5]).toContain('Fixture: English lecture');
  });

  it('sends to Anki through AnkiConnect: adds, then updates without duplicates', async () => {
    // What a learner does on chrome://extensions (site access): granted there, the extension's
    // own permissions.request answers at once instead of opening a prompt headless Chromium cannot show.
    const settings = await h.context.newPage();
    await settings.goto(`chrome://extensions/?id=${h.extensionId}`);
    await settings.evaluate(
      ([id, origin]) => new Promise<void>((res) => chrome.developerPrivate.addHostPermission(id!, origin!, res)),
      [h.extensionId, `${anki.url}/*`],
    );
    await settings.close();
    await ext.goto(h.url(`review.html?anki=${encodeURIComponent(anki.url)}`));
    const n = (await metIds(ext)).length;
    await ext.getByTestId('review-send-anki').click();
    await expect.poll(() => ext.getByTestId('review-message').textContent(), { timeout: 30_000 }).toBe(`Sent to Anki: ${n} added, 0 updated.`);
    expect(anki.notes).toHaveLength(n);
    expect(anki.decks.has('DL Tutor')).toBe(true);
    expect(anki.models.get('DL Tutor concept')).toEqual(['Id', 'Front', 'Back', 'Formula', 'Related', 'Where met']);
    await ext.getByTestId('review-send-anki').click();
    await expect.poll(() => ext.getByTestId('review-message').textContent(), { timeout: 30_000 }).toBe(`Sent to Anki: 0 added, ${n} updated.`);
    expect(anki.notes).toHaveLength(n);
    expect(new Set(anki.notes.map((x) => x.fields.Id)).size).toBe(n);
  });

  it('says plainly when Anki is not running', async () => {
    await anki.close();
    await ext.getByTestId('review-send-anki').click();
    await expect.poll(() => ext.getByTestId('review-message').textContent(), { timeout: 30_000 }).toMatch(/Anki is not running/);
  });

  it('backs up, forgets everything, and restores the same deck; a damaged file changes nothing', async () => {
    const before = await stored(ext);
    const backup = await saved(ext, 'review-export-json');
    const options = await h.context.newPage();
    await options.goto(h.url('options.html'));
    await options.getByTestId('forget-all').click();
    await expect.poll(() => metIds(ext)).toEqual([]);
    await options.close();
    await ext.reload();
    await ext.getByTestId('review-done').waitFor();
    await ext.getByTestId('review-import-json').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"dl-tutor-review","version":1,"met":{}') });
    await expect.poll(() => ext.getByTestId('review-message').textContent()).toMatch(/not JSON/);
    expect(await metIds(ext)).toEqual([]);
    await ext.getByTestId('review-import-json').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await expect.poll(() => ext.getByTestId('review-message').textContent()).toMatch(/Restored/);
    const after = await stored(ext);
    expect((after['review-met'] as { concepts: unknown }).concepts).toEqual((before['review-met'] as { concepts: unknown }).concepts);
    expect(after['review-deck']).toEqual(before['review-deck']);
  });

  it('shows due counts in the popup and the side panel, and the page in dark and Chinese', async () => {
    const popup = await h.context.newPage();
    await popup.goto(h.url('popup.html'));
    await expect.poll(() => popup.getByTestId('review-due').getAttribute('data-due')).not.toBeNull();
    expect(Number(await popup.getByTestId('review-due').getAttribute('data-due'))).toBeGreaterThan(0);
    const panel = await h.context.newPage();
    await panel.goto(h.url('sidepanel.html'));
    await panel.getByTestId('review-due').waitFor();
    await panel.getByTestId('tab-review').click();
    await panel.getByTestId('review-card').waitFor();
    await Promise.all([popup.close(), panel.close()]);

    const options = await h.context.newPage();
    await options.goto(h.url('options.html'));
    await setOption(options, 'option-theme', 'theme', 'dark');
    await ext.reload();
    await ext.getByTestId('review-card').waitFor();
    await ext.keyboard.press('Space');
    await answerShown(ext);
    await screenshot(ext, 'review-dark');
    await setOption(options, 'option-theme', 'theme', 'light');
    await setOption(options, 'option-lang', 'uiLang', 'zh');
    await ext.reload();
    await ext.getByTestId('review-card').waitFor();
    await expect.poll(() => ext.locator('h1').textContent()).toBe('DL Tutor · 复习');
    await ext.keyboard.press('Space');
    await answerShown(ext);
    await screenshot(ext, 'review-zh');
    await options.close();
  });
  it('keeps every report when two tabs report at once', async () => {
    const options = await h.context.newPage();
    await options.goto(h.url('options.html'));
    await options.getByTestId('forget-all').click();
    await expect.poll(() => metIds(ext)).toEqual([]);
    await options.close();
    const [en, zh] = await Promise.all([h.context.newPage(), h.context.newPage()]);
    await Promise.all([en.goto(`${server.url}/pages/english.html`), zh.goto(`${server.url}/pages/chinese.html`)]);
    const fromBoth = async () => {
      const m = (await stored(ext))['review-met']?.concepts ?? {};
      const titles = new Set(Object.values(m).flatMap((c) => c.places.map((p) => p.title)));
      return titles.has('Fixture: English lecture') && titles.has('Fixture: 中文讲义') && !!m['gradient-descent'] && !!m['chain-rule'];
    };
    await expect.poll(fromBoth, { timeout: 30_000 }).toBe(true);
    await Promise.all([en.close(), zh.close()]);
  });
  it('forgets a site, and records nothing while recording is off', async () => {
    const options = await h.context.newPage();
    await options.goto(h.url('options.html'));
    await options.locator('[data-host="127.0.0.1"] [data-testid=forget-site]').click();
    await expect.poll(() => metIds(ext)).toEqual([]);
    const report = (id: string) =>
      rawRpc(ext, { kind: 'request', id, type: 'bg.met', payload: { events: [{ conceptId: 'softmax', kind: 'card', url: 'https://example.org/', title: 'T' }] } });
    const recording = () => ext.evaluate(() => chrome.storage.local.get(['settings']).then((v) => (v.settings as { recordMet?: boolean } | undefined)?.recordMet));
    await options.getByTestId('option-record-met').uncheck();
    await expect.poll(recording).toBe(false);
    expect(await report('off')).toEqual({ ok: true, value: { recorded: 0 } });
    expect(await metIds(ext)).toEqual([]);
    await options.getByTestId('option-record-met').check();
    await expect.poll(recording).toBe(true);
    expect(await report('on')).toEqual({ ok: true, value: { recorded: 1 } });
    expect(await metIds(ext)).toEqual(['softmax']);
    await options.close();
  });
});
