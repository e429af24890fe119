import { defineContentScript } from 'wxt/utils/define-content-script';
import '@/components/concepts/card.css';
import '@/components/selection-button/selection-button.css';
import { LECTURE_SITE_MATCHES } from '@/platform/sites';
import { PageFeatures } from '@/entrypoints/content/page-features';
import { yieldToPage } from '@/lib/yield';

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
    // The task that evaluates this script already holds its compiling; starting the features
    // (the extension APIs' first use, settings from storage, the shadow root) waits for a task of
    // its own, so the two never add up to one long task (bench/content/evaluation.ts).
    await yieldToPage();
    await new PageFeatures(ctx).init();
  },
});
