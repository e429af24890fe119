import { browser, type Browser } from 'wxt/browser';
import { resolveLang, tr } from '@/platform/i18n';
import { openDemo } from '@/platform/background/tabs';
import { clipSelection } from '@/features/selection/clip';
import type { Settings } from '@/platform/settings';
import { LOOK_INSIDE_GPT } from '@/features/selection/demo';

export const GPT_MENU_ID = 'look-inside-gpt';

/** The part of the context-menu API used here; faked in unit tests. */
export type Menus = Pick<typeof Browser.contextMenus, 'removeAll' | 'create' | 'update'>;

/** The entry as the settings want it: in the UI language, gone while the extension is switched off. */
export function gptMenuProps(s: Settings, browserLang: string): { title: string; visible: boolean } {
  // With the UI language left to the browser, the browser's own i18n (_locales) names the entry.
  const fromLocales = s.uiLang === 'auto' ? safeMessage('menuLookInsideGpt') : '';
  return { title: fromLocales || tr(resolveLang(s.uiLang, browserLang), 'lookInsideGptMenu'), visible: s.enabled };
}

/** A _locales message, or '' where the browser has none (unit tests' fake browser, an old build). */
function safeMessage(name: string): string {
  try {
    return (browser.i18n?.getMessage as ((n: string) => string) | undefined)?.(name) ?? '';
  } catch {
    return '';
  }
}

/**
 * Creates the entry on selections. The browser keeps menus across restarts
 * and updates, and creating an id twice is an error: everything goes first.
 */
export async function installGptMenu(menus: Menus, s: Settings, browserLang: string): Promise<void> {
  await menus.removeAll();
  await new Promise<void>((resolve, reject) => {
    menus.create({ id: GPT_MENU_ID, contexts: ['selection'], ...gptMenuProps(s, browserLang) }, () => {
      // Reading lastError also keeps Chrome from logging it as unchecked.
      const error = browser.runtime.lastError?.message;
      if (error) reject(new Error(error));
      else resolve();
    });
  });
}

/** Follows the settings (language, master switch); before the entry exists there is nothing to follow. */
export async function updateGptMenu(menus: Menus, s: Settings, browserLang: string): Promise<void> {
  try {
    await menus.update(GPT_MENU_ID, gptMenuProps(s, browserLang));
  } catch {
    // Not created yet: installGptMenu will use the same settings.
  }
}

/**
 * The entry's click: the selection to the lab, beside the tab it came from.
 * Nothing is awaited before opening, which must happen inside the click.
 */
export function onGptMenuClick(
  info: { menuItemId: string | number; selectionText?: string },
  tab: { id?: number } | undefined,
  open: typeof openDemo = openDemo,
): Promise<unknown> | undefined {
  if (info.menuItemId !== GPT_MENU_ID) return undefined;
  const tabId = tab?.id !== undefined && tab.id >= 0 ? tab.id : undefined;
  return open(LOOK_INSIDE_GPT, clipSelection(info.selectionText ?? ''), tabId);
}
