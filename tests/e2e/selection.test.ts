import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serveStatic } from '@/scripts/static-server.mjs';
import { launch, openedExtensionPage, rawRpc, ROOT, screenshot, watchErrors, type Harness } from '@/tests/e2e/harness';

/** Selects the contents of an element, as a script or keyboard selection would (no pointer events). */
const selectContents = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(sel)!);
    const s = getSelection()!;
    s.removeAllRanges();
    s.addRange(range);
    return s.toString().trim();
  }, selector);

const clearSelection = (page: Page) => page.evaluate(() => getSelection()!.removeAllRanges());

/** Waits long enough for the debounced selection check to have run. */
const settle = (page: Page) => page.waitForTimeout(700);

/** The button is visible, in the viewport, and just above or below the selection. */
function besideSelection(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const host = document.querySelector('dl-tutor-root')!;
    const b = host.shadowRoot!.querySelector('[data-testid=gpt-selection-button]')!.getBoundingClientRect();
    const s = getSelection()!.getRangeAt(0).getBoundingClientRect();
    const inView = b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight && b.right <= innerWidth;
    const below = b.top >= s.bottom && b.top < s.bottom + 20;
    const above = b.bottom <= s.top && b.bottom > s.top - 20;
    return inView && getComputedStyle(host.shadowRoot!.querySelector('[data-testid=gpt-selection-button]')!).visibility === 'visible' && (below || above);
  });
}

async function open(h: Harness, url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  // The shadow root is there once the page's features are on.
  await page.locator('dl-tutor-root').waitFor({ state: 'attached', timeout: 10_000 });
  return page;
}

describe('the "Look inside GPT" button on selections', () => {
  let h: Harness;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    h = await launch({ webgpu: false });
    server = await serveStatic(join(ROOT, 'tests', 'fixtures', 'pages'));
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it('shows beside a selection, goes on Esc, and opens the GPT lab on the selected text', async () => {
    const page = await open(h, `${server.url}/english.html`);
    const errors = watchErrors(page);
    const button = page.getByTestId('gpt-selection-button');
    // The fixture adds a paragraph later; the page is compared with itself once it is complete.
    await page.locator('#dynamic dl-concept').first().waitFor({ timeout: 10_000 });
    const before = await page.evaluate(() => ({ text: document.body.textContent, p5: document.getElementById('p5')!.getBoundingClientRect().toJSON() }));

    const text = await selectContents(page, '#p5');
    await button.waitFor({ state: 'visible' });
    expect(await button.textContent()).toBe('Look inside GPT');
    // Beside the selection: just under its last line, inside the viewport.
    const box = (await button.boundingBox())!;
    const sel = await page.evaluate(() => getSelection()!.getRangeAt(0).getBoundingClientRect().toJSON() as DOMRect);
    expect(box.y).toBeGreaterThanOrEqual(sel.bottom);
    expect(box.y).toBeLessThan(sel.bottom + 20);
    expect(box.x + box.width).toBeLessThanOrEqual(1000);
    // The page's text, layout and selection are untouched.
    const after = await page.evaluate(() => ({ text: document.body.textContent, p5: document.getElementById('p5')!.getBoundingClientRect().toJSON() }));
    expect(after).toEqual(before);
    expect(await page.evaluate(() => getSelection()!.toString().trim())).toBe(text);
    await screenshot(page, 'selection-button');

    await page.keyboard.press('Escape');
    await expect.poll(() => button.count()).toBe(0);
    // The same selection stays dismissed...
    await settle(page);
    expect(await button.count()).toBe(0);
    // ...a new one brings the button back.
    await clearSelection(page);
    await settle(page);
    expect(await selectContents(page, '#p5')).toBe(text);
    await button.waitFor({ state: 'visible' });

    const url = new URL(await openedExtensionPage(h, page, 'sidepanel.html', () => button.click()));
    expect(url.pathname).toBe('/sidepanel.html');
    expect(url.searchParams.get('lab')).toBe('gpt');
    expect(url.searchParams.get('view')).toBe('tokens');
    expect(url.searchParams.get('text')).toBe(text);
    expect(text).toMatch(/^Each token of the input is mapped to an embedding vector, .* reads from\.$/);
    await expect.poll(() => button.count()).toBe(0);
    // The lab shows that text's tokens, as the engine gives them.
    const lab = await h.context.newPage();
    await lab.goto(url.href);
    await lab.getByTestId('token').first().waitFor({ timeout: 60_000 });
    const engine = (await rawRpc(lab, { kind: 'request', id: 'sel-tok', type: 'host.gpt.tokenize', payload: { text } })) as { value: { tokens: { id: number }[] } };
    const shown = (await lab.getByTestId('token').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.ids ?? ''))).flatMap((x) => x.split(' ').map(Number));
    expect(shown).toEqual(engine.value.tokens.map((t) => t.id));
    await lab.close();

    // Another selection: the lab (already open beside the page) moves to it.
    const next = await selectContents(page, '#p4');
    await button.waitFor({ state: 'visible' });
    const again = new URL(await openedExtensionPage(h, page, 'sidepanel.html', () => button.click()));
    expect(again.searchParams.get('text')).toBe(next);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows mouse selections: a double click offers it, a click elsewhere dismisses it', async () => {
    const page = await open(h, `${server.url}/english.html`);
    const button = page.getByTestId('gpt-selection-button');
    await page.locator('#p3').dblclick({ position: { x: 5, y: 8 } });
    await button.waitFor({ state: 'visible' });
    await page.mouse.click(990, 790);
    await expect.poll(() => button.count()).toBe(0);
    await settle(page);
    expect(await button.count()).toBe(0);

    // Dragging out a selection across marked terms.
    const p1 = (await page.locator('#p1').boundingBox())!;
    await page.mouse.move(p1.x + 2, p1.y + 8);
    await page.mouse.down();
    await page.mouse.move(p1.x + 300, p1.y + p1.height - 8, { steps: 5 });
    await page.waitForTimeout(400);
    // Not while the selection is still being dragged out.
    expect(await button.count()).toBe(0);
    await page.mouse.up();
    await button.waitFor({ state: 'visible' });
    await page.close();
  });

  it('is not offered in form fields, editable areas or the extension\'s own card', async () => {
    const page = await open(h, `${server.url}/english.html`);
    const button = page.getByTestId('gpt-selection-button');
    await page.locator('textarea').focus();
    await page.evaluate(() => document.querySelector('textarea')!.select());
    await settle(page);
    expect(await button.count()).toBe(0);
    await page.locator('input').focus();
    await page.evaluate(() => document.querySelector('input')!.select());
    await settle(page);
    expect(await button.count()).toBe(0);
    await page.locator('[contenteditable]').focus();
    await selectContents(page, '[contenteditable]');
    await settle(page);
    expect(await button.count()).toBe(0);

    await page.locator('#p1 dl-concept[data-concept=backpropagation]').click();
    const card = page.getByTestId('concept-card');
    await card.waitFor();
    await card.locator('h2').dblclick();
    await settle(page);
    expect(await button.count()).toBe(0);
    await page.close();
  });

  it('flips above a selection at the bottom of the viewport, and follows it as the page scrolls', async () => {
    const page = await open(h, `${server.url}/english.html`);
    const button = page.getByTestId('gpt-selection-button');
    // A viewport that ends just under the paragraph: no room for the button below it.
    const p2 = (await page.locator('#p2').boundingBox())!;
    await page.setViewportSize({ width: 1000, height: Math.round(p2.y + p2.height + 4) });
    await selectContents(page, '#p2');
    await button.waitFor({ state: 'visible' });
    expect(await button.getAttribute('data-side')).toBe('above');
    expect(await besideSelection(page)).toBe(true);

    await page.evaluate(() => scrollBy(0, 60));
    await expect.poll(() => besideSelection(page)).toBe(true);
    // A selection scrolled out of view takes the button with it.
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => button.isVisible()).toBe(false);
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(() => besideSelection(page)).toBe(true);
    await page.close();
  });

  it('works in fullscreen, inside the fullscreen element', async () => {
    const page = await open(h, `${server.url}/english.html`);
    const button = page.getByTestId('gpt-selection-button');
    await page.evaluate(async () => {
      const box = document.createElement('div');
      box.id = 'reader';
      box.style.background = '#fff';
      document.getElementById('p4')!.before(box);
      box.append(document.getElementById('p4')!, document.getElementById('p5')!);
      await box.requestFullscreen();
    });
    await expect.poll(() => page.evaluate(() => document.querySelector('#reader > dl-tutor-root') !== null)).toBe(true);
    await selectContents(page, '#p4');
    await button.waitFor({ state: 'visible' });
    // The button is on top, not hidden behind the fullscreen element.
    const b = (await button.boundingBox())!;
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName, [b.x + b.width / 2, b.y + b.height / 2])).toBe('DL-TUTOR-ROOT');
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => page.evaluate(() => document.querySelector('html > dl-tutor-root') !== null)).toBe(true);
    await page.close();
  });

  it('is gone, host and all, when the extension is turned off for the site', async () => {
    const page = await open(h, `${server.url}/english.html`);
    const button = page.getByTestId('gpt-selection-button');
    await selectContents(page, '#p1');
    await button.waitFor({ state: 'visible' });

    const options = await h.context.newPage();
    await options.goto(h.url('options.html'));
    const setDisabledSites = (sites: string[]) =>
      options.evaluate(async (disabledSites) => {
        type Area = { get(k: string): Promise<Record<string, unknown>>; set(o: object): Promise<void> };
        const storage = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome.storage.local;
        const { settings } = await storage.get('settings');
        await storage.set({ settings: { ...(settings as object | undefined), disabledSites } });
      }, sites);
    await setDisabledSites([new URL(server.url).hostname]);
    await expect.poll(() => page.locator('dl-tutor-root').count()).toBe(0);
    // Nothing listens any more: a new selection brings nothing back.
    await clearSelection(page);
    await selectContents(page, '#p2');
    await settle(page);
    expect(await page.locator('dl-tutor-root').count()).toBe(0);

    await setDisabledSites([]);
    await page.locator('dl-tutor-root').waitFor({ state: 'attached' });
    await clearSelection(page);
    await selectContents(page, '#p1');
    await button.waitFor({ state: 'visible' });
    await options.close();
    await page.close();
  });

  it('is also in the context menu on selections, and behind a shortcut', async () => {
    const options = await h.context.newPage();
    await options.goto(h.url('options.html'));
    const found = await options.evaluate(async () => {
      type Chrome = {
        contextMenus: { create(p: object, done: () => void): void };
        runtime: { lastError?: { message: string } };
        commands: { getAll(): Promise<{ name: string; shortcut: string }[]> };
      };
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      // The entry made at install is there: making it again is refused.
      const duplicate = await new Promise<string>((resolve) =>
        c.contextMenus.create({ id: 'look-inside-gpt', title: 'x', contexts: ['selection'] }, () => resolve(c.runtime.lastError?.message ?? '')),
      );
      const command = (await c.commands.getAll()).find((k) => k.name === 'open-gpt-lab');
      return { duplicate, command };
    });
    expect(found.duplicate).toMatch(/duplicate id/i);
    expect(found.command?.shortcut).toMatch(/Alt\+Shift\+G/);
    await options.close();
  });

  it('speaks Chinese in a Chinese browser', async () => {
    const zh = await launch({ webgpu: false, locale: 'zh-CN', colorScheme: 'dark' });
    try {
      const page = await open(zh, `${server.url}/chinese.html`);
      await selectContents(page, 'p');
      const button = page.getByTestId('gpt-selection-button');
      await button.waitFor({ state: 'visible' });
      expect(await button.textContent()).toBe('用 GPT 看看');
      expect(await button.getAttribute('data-theme')).toBe('dark');
    } finally {
      await zh.close();
    }
  });
});
