import type { CDPSession, Page } from 'playwright-core';
import type { Harness } from '@/tests/e2e/harness';
import { shownOnTop } from '@/tests/e2e/in-page-checks';

// What every hostile page is checked for: errors, long tasks, the page's text, what the
// extension leaves behind when the site is turned off, and whether its features still work.

/** When the extension's UI host first appeared on the page (probe.js), or null if it never did. */
export function hostAppearedAt(page: Page): Promise<number | null> {
  return page.evaluate(() => (window as unknown as { __hostAt: number | null }).__hostAt);
}

/** The page's text as the user reads it (innerText) and as the DOM holds it (textContent). */
export function pageText(page: Page): Promise<{ inner: string; content: string }> {
  return page.evaluate(() => ({ inner: document.body.innerText, content: document.body.textContent ?? '' }));
}

/** Waits until a page script sets window[flag]. */
export function pageFlag(page: Page, flag: string, timeout = 30_000): Promise<unknown> {
  return page.waitForFunction((f) => (window as unknown as Record<string, unknown>)[f], flag, { timeout });
}

/** Marks made by the extension: its wrapper elements carry data-concept and are not the page's spoofs (data-spoof). */
export function ownMarks(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(`${sel} [data-concept]`)]
        .filter((e) => e.localName.startsWith('dl-concept') && !e.hasAttribute('data-spoof'))
        .map((e) => `${(e as HTMLElement).dataset.concept}:${e.textContent}`),
    within,
  );
}

/** Waits until the extension has marked something inside `within`; returns the marks. */
export async function waitForMarks(page: Page, within = 'body', timeout = 20_000): Promise<string[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const marks = await ownMarks(page, within);
    if (marks.length) return marks;
    if (Date.now() > deadline) throw new Error(`no marks in ${within}`);
    await page.waitForTimeout(200);
  }
}

/**
 * Clicks the first mark of a concept and waits for its card; closes it again. With `stays`, the
 * card must still be open, connected and on top after it (say, the page's next render).
 */
export async function cardOpens(page: Page, conceptId: string, within = 'body', stays?: () => Promise<void>): Promise<void> {
  await page.evaluate(
    ([sel, id]) => {
      const mark = [...document.querySelectorAll(`${sel} [data-concept="${id}"]`)].find(
        (e) => e.localName.startsWith('dl-concept') && !e.hasAttribute('data-spoof'),
      ) as HTMLElement | undefined;
      if (!mark) throw new Error(`no mark for ${id}`);
      mark.scrollIntoView({ block: 'center' });
    },
    [within, conceptId],
  );
  const mark = page.locator(`${within} [data-concept="${conceptId}"]:not([data-spoof])`).first();
  await mark.click();
  const card = page.getByTestId('concept-card');
  await card.waitFor({ state: 'visible', timeout: 10_000 });
  // Placed once the browser has laid it out (it waits off-screen until then).
  await page.waitForFunction(() => {
    const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('dl-tutor-root') && e.shadowRoot);
    const box = host?.shadowRoot?.querySelector('[data-testid=concept-card]')?.getBoundingClientRect();
    return !!box && box.top >= 0 && box.left >= 0;
  });
  if ((await card.getAttribute('data-concept')) !== conceptId) throw new Error(`the card shows ${await card.getAttribute('data-concept')}`);
  // Visible means on top: nothing of the page covers it.
  const box = (await card.boundingBox())!;
  const top = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.localName ?? '', [box.x + box.width / 2, box.y + 20]);
  if (!top.startsWith('dl-tutor-root')) throw new Error(`the card is covered by <${top}>`);
  if (stays) {
    await stays();
    const shown = await page.evaluate(shownOnTop, 'concept-card');
    if (shown) throw new Error(`the card did not stay: ${shown}`);
  }
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
}

/** Turns the extension off or on for the fixture site, as the popup's site switch does. */
export async function setSiteEnabled(options: Page, hostname: string, enabled: boolean): Promise<void> {
  await options.evaluate(
    async ([host, on]) => {
      type Area = { get(k: string): Promise<Record<string, unknown>>; set(o: object): Promise<void> };
      const storage = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome.storage.local;
      const { settings } = await storage.get('settings');
      await storage.set({ settings: { ...(settings as object | undefined), disabledSites: on ? [] : [host] } });
    },
    [hostname, enabled] as const,
  );
}

/**
 * The event listeners the content script holds on the page's window, document and the given
 * elements, read in its own isolated world (DevTools lists each world's listeners apart).
 */
export async function extensionListeners(h: Harness, page: Page, selectors: string[] = []): Promise<string[]> {
  const cdp: CDPSession = await h.context.newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { frameId?: string; type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const ours = contexts.find((c) => c.origin === `chrome-extension://${h.extensionId}` && c.auxData?.frameId === frameTree.frame.id);
    if (!ours) return ['(no content script world)'];
    const out: string[] = [];
    for (const expr of ['window', 'document', ...selectors.map((s) => `document.querySelector(${JSON.stringify(s)})`)]) {
      const { result } = (await cdp.send('Runtime.evaluate', { expression: expr, contextId: ours.id })) as { result: { objectId?: string } };
      if (!result.objectId) continue;
      const { listeners } = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: 0 })) as {
        listeners: { type: string }[];
      };
      for (const l of listeners) out.push(`${expr}:${l.type}`);
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

/** WXT's own listener for a newer copy of the script: it lives as long as the script, on or off. */
export const SCRIPT_LIFETIME_LISTENER = /^document:.*wxt:content-script-started$/;
