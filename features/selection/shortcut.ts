import { browser } from 'wxt/browser';
import { demoPath } from '@/platform/demo-url';
import { openDemo, openSidePanel } from '@/platform/background/tabs';
import { clipSelection } from '@/features/selection/clip';
import { LOOK_INSIDE_GPT } from '@/features/selection/demo';

/** What the shortcut needs from the browser; faked in unit tests. */
export interface ShortcutDeps {
  readSelection(tabId: number): Promise<string>;
  openSidePanel(tabId: number, path: string): Promise<boolean>;
  /** Points a side panel that is open at another page. */
  pointSidePanel(tabId: number, path: string): Promise<void>;
  openDemo(...args: Parameters<typeof openDemo>): Promise<unknown>;
}

/** The tab's selection (the shortcut grants activeTab); '' where no extension may run scripts. */
export async function readSelection(tabId: number): Promise<string> {
  try {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => window.getSelection()?.toString() ?? '',
    });
    return clipSelection(typeof frame?.result === 'string' ? frame.result : '');
  } catch {
    return '';
  }
}

const BROWSER_DEPS: ShortcutDeps = {
  readSelection,
  openSidePanel,
  pointSidePanel: async (tabId, path) => {
    await browser.sidePanel.setOptions({ tabId, path: path.replace(/^\//, ''), enabled: true });
  },
  openDemo,
};

/**
 * The shortcut: the active tab's selection to the lab. Reading the selection
 * is a round trip to the page, and the side panel can only be opened before
 * the first await (inside the key press), so the panel opens at once on the
 * lab and is pointed at the text when it arrives. Without a side panel the
 * lab opens in a tab, on the text; with no selection, with no text.
 */
export async function openGptLabFromShortcut(tabId: number | undefined, deps: ShortcutDeps = BROWSER_DEPS): Promise<void> {
  if (tabId === undefined || tabId < 0) {
    await deps.openDemo(LOOK_INSIDE_GPT, '');
    return;
  }
  const panel = deps.openSidePanel(tabId, demoPath(LOOK_INSIDE_GPT, ''));
  const text = await deps.readSelection(tabId);
  if (await panel) {
    if (text) await deps.pointSidePanel(tabId, demoPath(LOOK_INSIDE_GPT, text));
    return;
  }
  await deps.openDemo(LOOK_INSIDE_GPT, text, tabId);
}
