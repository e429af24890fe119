import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serveStatic } from '@/scripts/static-server.mjs';
import { launch, ROOT, watchErrors, type Harness } from '@/tests/e2e/harness';
import { causedByExtension, record, type Recording } from '@/tests/e2e/hostile-attribution';
import { makeScalePage } from '@/tests/e2e/hostile-big-page';
import {
  cardOpens,
  extensionListeners,
  hostAppearedAt,
  ownMarks,
  pageFlag,
  pageText,
  SCRIPT_LIFETIME_LISTENER,
  setSiteEnabled,
  waitForMarks,
} from '@/tests/e2e/hostile-checks';

// Pages that attack the content script. Each is loaded on 127.0.0.1, where
// the extension runs, and compared with the same page on 127.0.0.2, where it does not (not a
// lecture site). One browser for the whole suite keeps it within a few minutes on two cores.

interface Opened {
  page: Page;
  errors: string[];
  /** Pages with the extension are recorded; pages without it are what they are compared with. */
  recording: Recording | null;
}

describe('hostile pages', () => {
  let h: Harness;
  let on: Awaited<ReturnType<typeof serveStatic>>;
  let off: Awaited<ReturnType<typeof serveStatic>>;
  let options: Page;
  let scaleDir: string;
  let scale: Awaited<ReturnType<typeof serveStatic>>;
  const FIXTURES = join(ROOT, 'tests', 'fixtures');

  beforeAll(async () => {
    h = await launch({ webgpu: false });
    on = await serveStatic(FIXTURES);
    off = await serveStatic(FIXTURES, 0, '127.0.0.2');
    scaleDir = makeScalePage();
    scale = await serveStatic(scaleDir);
    options = await h.context.newPage();
    await options.goto(h.url('options.html'));
  });
  /** The recording under way: tracing is one per browser, so a test that failed must not leave it running. */
  let recording: Recording | null = null;
  afterEach(async () => {
    await recording?.stop().catch(() => undefined);
    recording = null;
    await setSiteEnabled(options, new URL(on.url).hostname, true);
  });
  afterAll(async () => {
    await h?.close();
    await on?.close();
    await off?.close();
    await scale?.close();
    if (scaleDir) rmSync(scaleDir, { recursive: true, force: true });
  });

  /** Opens a page, recording its renderer's tasks and samples from the moment it commits. */
  async function open(base: string, path: string, timeout = 30_000): Promise<Opened> {
    const page = await h.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${base}/${path}`, { waitUntil: 'commit', timeout });
    if (base !== off.url) recording = await record(h, page);
    await page.waitForLoadState('load', { timeout });
    return { page, errors, recording: base === off.url ? null : recording };
  }

  /**
   * No long task caused by the extension (hostile-attribution.ts) from the page's start to now,
   * the evaluation of the content script included; the page's own long tasks are reported.
   */
  async function expectNoLongTasks(name: string, opened: Opened): Promise<void> {
    const tasks = await opened.recording!.stop();
    recording = null;
    const hostAt = await hostAppearedAt(opened.page);
    const shown = tasks.map((t) => `${t.at}:${t.duration}ms/cpu ${t.cpu}ms(${t.evaluation ? 'evaluation, ' : ''}extension ${t.extension}ms)`);
    console.log(`[${name}] tasks over 50 ms of wall time (at ms: wall/cpu, the extension's share): ${shown.join(' ') || 'none'}`);
    expect(hostAt, `${name}: the extension never mounted`).not.toBeNull();
    expect(causedByExtension(tasks), `${name}: long tasks caused by the extension`).toEqual([]);
  }

  /**
   * Turns the site off: every mark, the host, the document style and every listener but WXT's
   * own go, a new term stays unmarked; then on again: the features are back.
   */
  async function offAndOnAgain(pages: { name: string; page: Page }[]): Promise<void> {
    const before = await Promise.all(pages.map(({ page }) => pageText(page)));
    await setSiteEnabled(options, new URL(on.url).hostname, false);
    for (const [i, { name, page }] of pages.entries()) {
      await expect.poll(() => ownMarks(page), { message: `${name}: marks left`, timeout: 15_000 }).toEqual([]);
      await expect
        .poll(() => page.evaluate(() => document.querySelectorAll('[wxt-shadow-root-document-styles]').length + [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('dl-tutor-root') && !e.hasAttribute('data-spoof')).length), {
          message: `${name}: nodes left`,
        })
        .toBe(0);
      expect((await extensionListeners(h, page, ['video'])).filter((l) => !SCRIPT_LIFETIME_LISTENER.test(l)), `${name}: listeners left`).toEqual([]);
      expect(await pageText(page), `${name}: text after turning off`).toEqual(before[i]);
    }
    // Nothing watches the pages any more.
    for (const { page } of pages) await appendSection(page, 'while-off');
    await pages[0]!.page.waitForTimeout(800);
    for (const { name, page } of pages) expect(await ownMarks(page, '#while-off'), name).toEqual([]);
    await setSiteEnabled(options, new URL(on.url).hostname, true);
    for (const { page } of pages) {
      await appendSection(page, 'back-on');
      await waitForMarks(page, '#back-on');
      await cardOpens(page, 'backpropagation', '#back-on');
    }
  }

  /** A new section at the end of the page, naming a concept. */
  function appendSection(page: Page, id: string): Promise<void> {
    return page.evaluate((sectionId) => {
      const section = document.createElement('section');
      section.id = sectionId;
      const h2 = document.createElement('h2');
      h2.textContent = `Section ${sectionId}`;
      const p = document.createElement('p');
      p.textContent = 'Backpropagation is explained once more, for the test.';
      section.append(h2, p);
      document.body.append(section);
    }, id);
  }

  it('mutation storms: thousands of text nodes a second, document.body replaced, the host removed on sight', async () => {
    // The storm with and without the extension, one after the other (they would share two cores).
    const base = await open(off.url, 'pages/hostile/storm.html');
    await pageFlag(base.page, '__stormDone', 60_000);
    const ext = await open(on.url, 'pages/hostile/storm.html');
    await pageFlag(ext.page, '__stormDone', 60_000);
    const timing = await Promise.all(
      [base, ext].map(({ page }) => page.evaluate(() => (window as unknown as { __stormDone: number }).__stormDone)),
    );
    console.log(`[storm] done at ${timing.map(Math.round).join(' ms without, ')} ms with the extension`);
    await ext.page.waitForTimeout(1000);
    expect(await pageText(ext.page)).toEqual(await pageText(base.page));
    await expectNoLongTasks('storm', ext);
    // The page kept its pace: the extension's slices did not starve its timers.
    expect(timing[1]!).toBeLessThan(timing[0]! * 1.5 + 500);

    const swapBase = await open(off.url, 'pages/hostile/swap.html');
    const swap = await open(on.url, 'pages/hostile/swap.html');
    await pageFlag(swap.page, '__swapDone');
    await pageFlag(swapBase.page, '__swapDone');
    await waitForMarks(swap.page, '#current');
    expect(await pageText(swap.page)).toEqual(await pageText(swapBase.page));
    await cardOpens(swap.page, 'backpropagation', '#current');
    await expectNoLongTasks('body swap', swap);

    const killer = await open(on.url, 'pages/hostile/killer.html');
    await pageFlag(killer.page, '__killerDone');
    const killed = await killer.page.evaluate(() => (window as unknown as { __killed: number }).__killed);
    // It did remove the host, and the extension did not fight back in a loop.
    expect(killed).toBeGreaterThan(0);
    expect(killed).toBeLessThan(5);
    await waitForMarks(killer.page, '#p1');
    await cardOpens(killer.page, 'backpropagation', '#p1');
    await expectNoLongTasks('host killer', killer);

    for (const o of [ext, swap, killer]) expect(o.errors).toEqual([]);
    await offAndOnAgain([
      { name: 'storm', page: ext.page },
      { name: 'body swap', page: swap.page },
      { name: 'host killer', page: killer.page },
    ]);
    for (const o of [ext, swap, killer]) expect(o.errors).toEqual([]);
    for (const o of [base, ext, swapBase, swap, killer]) await o.page.close();
  });

  // Wall-clock, like long-tasks.test.ts: on a shared 2-core machine a descheduled slice of ours
  // can read as a long task of ours (CPU samples are taken in wall time). Seen once in CI: a 55 ms
  // task, all of it ours, at 16 s, before any mark. A local rerun with DEBUG_ATTRIBUTION=1, which
  // prints where such a task went, did not show it. One retry; if it comes back, that print says
  // what it is.
  it('scale: 20 MB with a 1 MB word, 1 MB of Chinese without punctuation, 5,000 table rows and 50,000 paragraphs', { retry: 1, timeout: 600_000 }, async () => {
    const t0 = Date.now();
    const ext = await open(scale.url, 'scale.html', 120_000);
    const { page, errors } = ext;
    await pageFlag(page, '__pageReady', 120_000);
    const loaded = Date.now() - t0;
    // Too large to mark on its own (page-size.ts: a mark and its layout took up to 78 ms here, and
    // marking all of it minutes). The page is left as it is, and a notice says why. (Most long
    // tasks logged here are this test's own DOM queries over 20 MB: they come with no mark at all.)
    const notice = page.getByTestId('large-page-notice');
    await notice.waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForTimeout(3000);
    expect(await ownMarks(page)).toEqual([]);
    await expectNoLongTasks('scale', ext);
    // Dismissed, it stays away; the page is still untouched.
    await page.getByTestId('large-page-dismiss').click();
    await notice.waitFor({ state: 'detached' });
    expect(await ownMarks(page)).toEqual([]);
    // The learner asks for the marks anyway (the toolbar's "annotate this page"), and gets them.
    await setSiteEnabled(options, new URL(on.url).hostname, false);
    await setSiteEnabled(options, new URL(on.url).hostname, true);
    await page.getByTestId('large-page-mark').click({ timeout: 60_000 });
    await waitForMarks(page, '#top', 60_000);
    // The annotator works down the page (the whole of it takes minutes); the odd nodes come first.
    await expect.poll(() => ownMarks(page, '#table'), { timeout: 30_000 }).not.toEqual([]);
    // Runs of a megabyte are data, not prose: left alone (a mark would re-lay out all of it).
    expect(await ownMarks(page, '#zh')).toEqual([]);
    expect(await ownMarks(page, '#nospace')).toEqual([]);
    await cardOpens(page, 'backpropagation', '#table');
    await page.waitForTimeout(2000);
    // Off in the middle of the work: the exact original text nodes come back.
    await setSiteEnabled(options, new URL(on.url).hostname, false);
    await expect.poll(() => ownMarks(page), { timeout: 30_000 }).toEqual([]);
    const same = await page.evaluate(() => {
      const w = window as unknown as { __nodes: Text[]; __texts: string[] };
      const now: Text[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) now.push(n as Text);
      return now.length === w.__nodes.length && now.every((n, i) => n === w.__nodes[i] && n.data === w.__texts[i]);
    });
    expect(same).toBe(true);
    console.log(`[scale] loaded in ${loaded} ms, left unmarked with a notice, marked on request and the marks taken away`);
    // On again: the notice again, not the marks (asking holds for one visit of the site switch).
    await setSiteEnabled(options, new URL(on.url).hostname, true);
    await notice.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await ownMarks(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('structure: shadow roots, frames, editable regions being typed into, SVG, MathML, <template>, right-to-left text', async () => {
    const base = await open(off.url, 'pages/hostile/structure.html');
    const ext = await open(on.url, 'pages/hostile/structure.html');
    const { page, errors } = ext;
    await waitForMarks(page, '#rtl');
    // Everything the page's structure hides from the light DOM, or gives to the user to edit.
    const untouched = () =>
      page.evaluate(() => {
        const own = (root: ParentNode) => [...root.querySelectorAll('[data-concept]')].map((e) => e.localName);
        const frame = (id: string) => (document.getElementById(id) as HTMLIFrameElement).contentDocument!;
        const closed = (window as unknown as { __closedRoot: ShadowRoot }).__closedRoot;
        return [
          ...own(document.getElementById('open-note')!.shadowRoot!),
          ...own(closed),
          ...own(frame('same')),
          ...own(frame('srcdoc')),
          ...own(document.getElementById('editor')!),
          ...own(document.getElementById('svg')!),
          ...own(document.getElementById('math')!),
          ...own((document.getElementById('tpl') as HTMLTemplateElement).content),
        ];
      });
    expect(await ownMarks(page, '#plain')).toEqual(expect.arrayContaining(['backpropagation:Backpropagation', 'gradient-descent:gradient descent']));
    expect(await ownMarks(page, '#rtl')).toEqual(['backpropagation:backpropagation', 'gradient-descent:gradient descent']);
    expect(await untouched()).toEqual([]);

    // The user types terms into an editable region and a text area: nothing is marked there.
    await page.locator('#editor').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' backpropagation, dropout and gradient descent.', { delay: 5 });
    await page.locator('#area').click();
    await page.keyboard.type('Backpropagation in a text area.', { delay: 5 });
    // A paragraph the page makes editable loses its marks, and stays unmarked while typed into.
    await waitForMarks(page, '#becomes-editable');
    await page.evaluate(() => document.getElementById('becomes-editable')!.setAttribute('contenteditable', 'true'));
    await expect.poll(() => ownMarks(page, '#becomes-editable')).toEqual([]);
    await page.locator('#becomes-editable').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Backpropagation too.', { delay: 5 });
    await page.waitForTimeout(800);
    expect(await ownMarks(page, '#becomes-editable')).toEqual([]);
    expect(await untouched()).toEqual([]);

    // The same typing on the page without the extension gives the same text everywhere.
    await base.page.locator('#editor').click();
    await base.page.keyboard.press('End');
    await base.page.keyboard.type(' backpropagation, dropout and gradient descent.');
    await base.page.locator('#area').click();
    await base.page.keyboard.type('Backpropagation in a text area.');
    await base.page.evaluate(() => document.getElementById('becomes-editable')!.setAttribute('contenteditable', 'true'));
    await base.page.locator('#becomes-editable').click();
    await base.page.keyboard.press('End');
    await base.page.keyboard.type(' Backpropagation too.');
    const everything = (p: Page) =>
      p.evaluate(() => {
        const frame = (id: string) => (document.getElementById(id) as HTMLIFrameElement).contentDocument!.body.innerText;
        return [
          document.body.innerText,
          document.getElementById('open-note')!.shadowRoot!.textContent,
          (window as unknown as { __closedRoot: ShadowRoot }).__closedRoot.textContent,
          frame('same'),
          frame('srcdoc'),
          (document.getElementById('area') as HTMLTextAreaElement).value,
          (document.getElementById('tpl') as HTMLTemplateElement).content.textContent,
        ];
      });
    expect(await everything(page)).toEqual(await everything(base.page));
    await cardOpens(page, 'backpropagation', '#rtl');
    await expectNoLongTasks('structure', ext);
    expect(errors).toEqual([]);
    await offAndOnAgain([{ name: 'structure', page }]);
    expect(errors).toEqual([]);
    await base.page.close();
    await page.close();
  });

  it('hostile scripts: built-ins overridden, our tag names taken, spoofed marks, a postMessage flood, strict CSP with Trusted Types', async () => {
    const ext = await open(on.url, 'pages/hostile/scripts.html');
    const { page, errors } = ext;
    await waitForMarks(page, '#p1');
    await pageFlag(page, '__floodDone');
    // The page without the extension opens once this one is done: opened first, its flood ran in a
    // second browser on the same two cores while this page evaluated the content script, and
    // stretched that task past 50 ms in CI (51 ms, 17 ms of it the script's own code).
    const base = await open(off.url, 'pages/hostile/scripts.html');
    await pageFlag(base.page, '__floodDone');
    // Marks under other names (the page took ours), neither hijacked nor hidden by its styles.
    expect(await ownMarks(page, '#p1')).toEqual(expect.arrayContaining(['backpropagation:Backpropagation', 'gradient-descent:gradient descent']));
    expect(await page.evaluate(() => [...document.querySelectorAll('#p1 [data-concept]')].every((e) => e.localName.startsWith('dl-concept-')))).toBe(true);
    expect(await pageText(page)).toEqual(await pageText(base.page));
    await cardOpens(page, 'backpropagation', '#p1');
    // The page's look-alikes open nothing, and their clicks stay the page's.
    for (const id of ['#spoof1', '#spoof2']) {
      await page.locator(id).click();
      await page.waitForTimeout(300);
      expect(await page.getByTestId('concept-card').count(), id).toBe(0);
    }
    const probe = await page.evaluate(() => {
      const w = window as unknown as { __extensionCalls: string[]; __foreign: string[]; __violations: string[]; __spoofClick: string; __floodDone: number };
      return { calls: w.__extensionCalls, foreign: w.__foreign, violations: w.__violations, spoofClick: w.__spoofClick, flood: w.__floodDone };
    });
    // The content script's world has its own built-ins: the page's overrides never ran for it.
    expect(probe.calls).toEqual([]);
    // Nothing the extension does posts a message to the page or trips its CSP.
    expect(probe.foreign).toEqual([]);
    expect(probe.violations).toEqual([]);
    expect(probe.spoofClick).toBe('free');
    expect(probe.flood).toBeGreaterThan(10_000);
    await expectNoLongTasks('scripts', ext);
    expect(errors).toEqual([]);
    await offAndOnAgain([{ name: 'scripts', page }]);
    // The page's own look-alikes are still there after the extension left.
    expect(await page.locator('[data-spoof]').count()).toBe(3);
    expect(errors).toEqual([]);
    await base.page.close();
    await page.close();
  });

  it('single-page app: pushState swaps the article, the video element, then its source and tracks', async () => {
    const markers = (p: Page) =>
      p.getByTestId('timeline-marker').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.concept}@${(e as HTMLElement).dataset.time}`));
    const base = await open(off.url, 'pages/hostile/spa.html');
    const ext = await open(on.url, 'pages/hostile/spa.html');
    const { page, errors } = ext;
    await expect.poll(() => markers(page), { timeout: 15_000 }).toEqual(expect.arrayContaining(['backpropagation@13', 'chain-rule@18']));
    await waitForMarks(page, 'main');

    await page.evaluate(() => (window as unknown as { navigateTo(n: number): void }).navigateTo(2));
    await expect.poll(() => markers(page), { timeout: 15_000 }).toEqual(expect.arrayContaining(['dropout@1', 'overfitting@1', 'batch-normalization@6']));
    expect(await markers(page)).not.toContain('backpropagation@13');
    await expect.poll(() => ownMarks(page, 'main')).toEqual(expect.arrayContaining(['dropout:Dropout', 'backpropagation:backpropagation']));
    await cardOpens(page, 'dropout', 'main');

    // The same <video> element, another source and track list.
    await page.evaluate(() => (window as unknown as { navigateTo(n: number): void }).navigateTo(3));
    await expect.poll(() => markers(page), { timeout: 15_000 }).toEqual(expect.arrayContaining(['backpropagation@13', 'chain-rule@18']));
    expect(await markers(page)).not.toContain('dropout@1');
    await expect.poll(() => ownMarks(page, 'main')).toEqual(expect.arrayContaining(['learning-rate:learning rate']));
    await page.goBack();
    await expect.poll(() => markers(page), { timeout: 15_000 }).toEqual(expect.arrayContaining(['dropout@1', 'overfitting@1', 'batch-normalization@6']));
    expect(await markers(page)).not.toContain('backpropagation@13');

    for (const n of [2, 3]) await base.page.evaluate((k) => (window as unknown as { navigateTo(n: number): void }).navigateTo(k), n);
    await base.page.goBack();
    expect(await pageText(page)).toEqual(await pageText(base.page));
    await expectNoLongTasks('spa', ext);
    expect(errors).toEqual([]);
    await offAndOnAgain([{ name: 'spa', page }]);
    expect(errors).toEqual([]);
    await base.page.close();
    await page.close();
  });
});
