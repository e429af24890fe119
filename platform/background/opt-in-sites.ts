import { browser } from 'wxt/browser';
import { LECTURE_SITE_MATCHES } from '@/platform/sites';

// Sites beyond the built-in lecture list, which the user opted into: each
// one is an optional host permission the user granted, and a content script
// registered for exactly those origins.
const SCRIPT_ID = 'dl-tutor-opt-in';

/** The match pattern that covers one page's site. */
export function sitePattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** Keeps the registered content script in step with the granted permissions. */
export async function syncOptInScripts(): Promise<string[]> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const origins = granted.filter((o) => !LECTURE_SITE_MATCHES.includes(o));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, matches: origins, js: ['content-scripts/content.js'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return origins;
}
