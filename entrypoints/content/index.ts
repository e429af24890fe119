import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { LECTURE_SITE_MATCHES } from '@/utils/sites';
import { isSiteEnabled, loadSettings, normalizeSettings, settingsItem } from '@/utils/settings';

// The page-side shell. Later features (concept cards, the selection button,
// video chips) mount inside this one shadow root, so page styles never reach
// them and turning the extension off removes one element.
export default defineContentScript({
  matches: LECTURE_SITE_MATCHES,
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    let ui: ShadowRootContentScriptUi<void> | null = null;
    const host = location.hostname;

    const mount = async () => {
      if (ui || ctx.isInvalid) return;
      ui = await createShadowRootUi(ctx, {
        name: 'dl-tutor-root',
        position: 'overlay',
        anchor: 'body',
        onMount(container) {
          container.dataset.extension = browser.runtime.id;
        },
      });
      ui.mount();
    };
    const unmount = () => {
      ui?.remove();
      ui = null;
    };

    if (isSiteEnabled(await loadSettings(), host)) await mount();
    const unwatch = settingsItem.watch((raw) => {
      if (isSiteEnabled(normalizeSettings(raw), host)) void mount();
      else unmount();
    });
    ctx.onInvalidated(() => {
      unwatch();
      unmount();
    });
  },
});
