// Color maps for the lab's heatmaps and strips, as RGB triples so canvases can
// fill ImageData directly.

export type Rgb = [number, number, number];

const lerp = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t)) as Rgb;

// 256-step tables: a 256 x 256 map is 65k lookups, not 65k color computations.
const STEPS = 255;
const table = (f: (x: number) => Rgb) => Array.from({ length: STEPS + 1 }, (_, i) => f(i / STEPS));
const SEQ = {
  light: table((x) => lerp([255, 255, 255], [20, 70, 170], Math.sqrt(x))),
  dark: table((x) => lerp([20, 23, 31], [122, 200, 255], Math.sqrt(x))),
};
const DIV = {
  light: table((x) => (x < 0.5 ? lerp([245, 245, 245], [33, 102, 172], 1 - 2 * x) : lerp([245, 245, 245], [178, 24, 43], 2 * x - 1))),
  dark: table((x) => (x < 0.5 ? lerp([40, 44, 56], [33, 102, 172], 1 - 2 * x) : lerp([40, 44, 56], [178, 24, 43], 2 * x - 1))),
};
const index = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * STEPS) || 0;

/** 0 → background, 1 → strong blue; sqrt so small attention weights stay visible. */
export function sequential(v: number, dark: boolean): Rgb {
  return (dark ? SEQ.dark : SEQ.light)[index(v)];
}

/** -1 → blue, 0 → neutral, +1 → red. */
export function diverging(v: number, dark: boolean): Rgb {
  return (dark ? DIV.dark : DIV.light)[index((v + 1) / 2)];
}

/** Token segment colors cycle through these (CSS classes tok-0..tok-5). */
export const TOKEN_COLORS = 6;
