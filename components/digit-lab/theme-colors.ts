// Canvas cannot use CSS variables directly: read them from the element so the
// drawings follow the light/dark theme of assets/ui.css.

export interface ThemeColors {
  bg: string;
  fg: string;
  muted: string;
  border: string;
  accent: string;
  bad: string;
}

const FALLBACK: ThemeColors = { bg: '#ffffff', fg: '#1d2433', muted: '#5b6478', border: '#d9deea', accent: '#2f6fde', bad: '#b3261e' };

export function themeColors(el: Element): ThemeColors {
  const style = getComputedStyle(el);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    bg: read('--panel', FALLBACK.bg),
    fg: read('--fg', FALLBACK.fg),
    muted: read('--muted', FALLBACK.muted),
    border: read('--border', FALLBACK.border),
    accent: read('--accent', FALLBACK.accent),
    bad: read('--bad', FALLBACK.bad),
  };
}

