// Canvases cannot use CSS variables: the lab's drawings read the theme's colours and the page's
// font from the element they draw in, so light, dark and the UI font follow assets/ui.css.

export interface Ink {
  fg: string;
  muted: string;
  accent: string;
  panel: string;
  border: string;
  bg: string;
  /** A canvas font string at the lab's small text size. */
  font: string;
}

export function inkOf(el: Element, px = 12): Ink {
  const style = getComputedStyle(el);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    fg: read('--fg', '#1d2433'),
    muted: read('--muted', '#5b6478'),
    accent: read('--accent', '#2f6fde'),
    panel: read('--panel', '#f4f6fb'),
    border: read('--border', '#d9deea'),
    bg: read('--bg', '#ffffff'),
    font: `${px}px ${style.fontFamily || 'sans-serif'}`,
  };
}
