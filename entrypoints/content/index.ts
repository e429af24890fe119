import { defineContentScript } from 'wxt/utils/define-content-script';
import '@/components/concepts/card.css';
import '@/components/selection-button/selection-button.css';
import { LECTURE_SITE_MATCHES } from '@/platform/sites';
import { PageFeatures } from '@/entrypoints/content/page-features';

// Runs by itself on lecture sites, and is injected on demand elsewhere
// (activeTab); the flag keeps a second injection from doubling everything.
export default defineContentScript({
  matches: LECTURE_SITE_MATCHES,
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  // WXT would also announce the script to the page with window.postMessage: a message every page
  // receives (breaking message listeners that expect their own strings), which names the extension,
  // and whose delivery was most of the script's first task. Its custom event suffices.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const g = globalThis as { __dlTutorLoaded?: boolean };
    if (g.__dlTutorLoaded) return;
    g.__dlTutorLoaded = true;
    await new PageFeatures(ctx).init();
  },
});
