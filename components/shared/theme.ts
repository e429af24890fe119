import type { Theme } from '@/platform/settings';

// The one place a theme setting becomes light or dark: extension pages, the page layer of the
// content script and the canvases that draw in theme colors all ask here.

export type ResolvedTheme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** 'auto' follows the system's color scheme. */
export function resolveTheme(setting: Theme): ResolvedTheme {
  return setting === 'dark' || (setting === 'auto' && matchMedia(DARK_QUERY).matches) ? 'dark' : 'light';
}

/** Shows a theme on an extension page (its CSS keys on html[data-theme]). */
export function applyTheme(setting: Theme): void {
  document.documentElement.dataset.theme = resolveTheme(setting);
}

/** The theme an extension page shows now (as applied by applyTheme; the system's before settings load). */
export function pageTheme(): ResolvedTheme {
  const shown = document.documentElement.dataset.theme;
  return shown === 'dark' || shown === 'light' ? shown : resolveTheme('auto');
}

/** Calls back when the page theme may have changed (data-theme flip or system scheme); returns the unsubscribe. */
export function onThemeChange(callback: () => void): () => void {
  const observer = new MutationObserver(callback);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  const scheme = matchMedia(DARK_QUERY);
  scheme.addEventListener('change', callback);
  return () => {
    observer.disconnect();
    scheme.removeEventListener('change', callback);
  };
}
