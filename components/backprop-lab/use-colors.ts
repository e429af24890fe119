import { useEffect, useState } from 'preact/hooks';
import { themeColors, type ThemeColors } from '@/components/digit-lab/theme-colors';
import { onThemeChange } from '@/components/shared/theme';

// The theme's colours for the lab's canvases, read once and again when the theme flips. Reading
// them per canvas per repaint forced a style recalculation of the whole lab every time.

export type Rgb = readonly [number, number, number];

export interface LabColors extends ThemeColors {
  /** The same colours as RGB bytes, for pictures painted pixel by pixel (ImageData). */
  rgb: { bg: Rgb; fg: Rgb; accent: Rgb; bad: Rgb };
}

/** Any CSS colour as RGB bytes: a canvas normalises what it is given to #rrggbb or rgba(). */
function toRgb(color: string): Rgb {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return [0, 0, 0];
  ctx.fillStyle = '#000';
  ctx.fillStyle = color;
  const s = String(ctx.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(s);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(s);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

let cached: LabColors | null = null;
function read(): LabColors {
  const c = themeColors(document.documentElement);
  cached = { ...c, rgb: { bg: toRgb(c.bg), fg: toRgb(c.fg), accent: toRgb(c.accent), bad: toRgb(c.bad) } };
  return cached;
}

export function useColors(): LabColors {
  const [colors, setColors] = useState<LabColors>(() => cached ?? read());
  useEffect(() => onThemeChange(() => setColors(read())), []);
  return colors;
}
