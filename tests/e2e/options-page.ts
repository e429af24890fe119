import type { Page } from 'playwright-core';
import { expect } from 'vitest';

type Stored = Record<string, unknown>;
/** The storage API as an extension page sees it (the tests do not load @types/chrome). */
declare const chrome: { storage: { local: { get(key: string): Promise<Stored> } } };

/**
 * Changes one option on the options page and waits until storage holds it.
 * The page saves asynchronously (read, merge, write): a test that closes the page or looks
 * at another tab right after the click can otherwise run against the old settings.
 */
export async function setOption(options: Page, testId: string, key: string, value: string | boolean): Promise<void> {
  const control = options.getByTestId(testId);
  if (typeof value === 'boolean') await control.setChecked(value);
  else await control.selectOption(value);
  await expect
    .poll(() => options.evaluate((k) => chrome.storage.local.get('settings').then((v) => (v.settings as Stored | undefined)?.[k]), key))
    .toBe(value);
}
