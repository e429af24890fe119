// Colour maps for the lab's heatmaps and strips, as RGB triples so canvases can
// fill ImageData directly.

export type Rgb = [number, number, number];

const lerp = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t)) as Rgb;

/** 0 → background, 1 → strong blue; sqrt so small attention weights stay visible. */
export function sequential(v: number, dark: boolean): Rgb {
  const x = Math.sqrt(Math.min(1, Math.max(0, v)));
  return dark ? lerp([20, 23, 31], [122, 200, 255], x) : lerp([255, 255, 255], [20, 70, 170], x);
}

/** -1 → blue, 0 → neutral, +1 → red. */
export function diverging(v: number, dark: boolean): Rgb {
  const x = Math.max(-1, Math.min(1, v));
  const mid: Rgb = dark ? [40, 44, 56] : [245, 245, 245];
  return x < 0 ? lerp(mid, [33, 102, 172], -x) : lerp(mid, [178, 24, 43], x);
}

export const prefersDark = () => matchMedia('(prefers-color-scheme: dark)').matches;

/** Token segment colours cycle through these (CSS classes tok-0..tok-5). */
export const TOKEN_COLOURS = 6;
