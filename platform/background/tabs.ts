import { browser } from 'wxt/browser';
import type { Demo } from '@/platform/protocol/demo';
import { demoPath } from '@/platform/demo-url';
import { RpcFailure, type PageApi, type PageMsg } from '@/platform/protocol/protocol';

// The background's side of page features: finding the tab, talking to its
// content script, injecting it on demand, opening demos.

export async function targetTab(tabId?: number): Promise<number> {
  if (tabId !== undefined) return tabId;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) throw new RpcFailure('bad-request', 'there is no active tab');
  return tab.id;
}

export async function askPage<K extends keyof PageApi>(tabId: number, type: K, payload: PageApi[K]['req']): Promise<PageApi[K]['res']> {
  const msg: PageMsg<K> = { kind: 'page', type, payload };
  try {
    const res = (await browser.tabs.sendMessage(tabId, msg)) as PageApi[K]['res'] | undefined;
    if (res === undefined) throw new Error('no answer');
    return res;
  } catch {
    throw new RpcFailure('host-unavailable', 'DL Tutor is not running on this page (not a lecture site yet, or it needs a reload)');
  }
}

/** Starts annotation in a tab, injecting the content script first when the site is not on the list. */
export async function annotateTab(tabId: number): Promise<{ started: boolean }> {
  try {
    return await askPage(tabId, 'page.annotate', {});
  } catch {
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
    } catch (e) {
      throw new RpcFailure('forbidden', `this page can't be annotated: ${e instanceof Error ? e.message : String(e)}`);
    }
    return askPage(tabId, 'page.annotate', {});
  }
}

/**
 * Shows an extension page in a tab's side panel; false where that is not
 * possible. sidePanel.open only works while the user's gesture (a click, a
 * menu entry, a shortcut) lasts, and an await ends it, so both calls go out
 * in the caller's task: the browser applies them in order.
 */
export function openSidePanel(tabId: number, path: string): Promise<boolean> {
  if (import.meta.env.FIREFOX || !browser.sidePanel) return Promise.resolve(false);
  try {
    void browser.sidePanel.setOptions({ tabId, path: path.replace(/^\//, ''), enabled: true }).catch(() => undefined);
    return browser.sidePanel.open({ tabId }).then(
      () => true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/** Opens a demo in the side panel when the browser lets us, else in a tab. */
export async function openDemo(demo: Demo, text: string, tabId?: number): Promise<{ opened: 'side-panel' | 'tab'; url: string }> {
  const path = demoPath(demo, text);
  const url = (browser.runtime.getURL as (p: string) => string)(path);
  // No await before this: it has to run inside the user's gesture.
  if (path.startsWith('/sidepanel.html') && tabId !== undefined && (await openSidePanel(tabId, path))) {
    return { opened: 'side-panel', url };
  }
  // No user gesture reached us (or no side panel API): a tab works everywhere.
  await browser.tabs.create({ url });
  return { opened: 'tab', url };
}
