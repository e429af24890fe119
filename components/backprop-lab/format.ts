// Numbers as the Backprop lab prints them: short enough for a 320 px panel, never "0" for a small nonzero gradient.

/** 4 significant digits; exponent form below 1e-3 so tiny gradients stay readable. */
export function num(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) {
    const [m, e] = v.toExponential(2).split('e');
    return `${m}e${Number(e)}`;
  }
  return Number(v.toPrecision(4)).toString();
}

/** A percentage with one decimal. */
export const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** Index of the largest value. */
export function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i]! > v[best]!) best = i;
  return best;
}

/** Largest absolute value (0 for none). */
export function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m;
}

/**
 * Sign colours of the whole lab. A positive dC/dw means the step lowers the weight, drawn in the
 * theme's "bad" red; a negative one raises it, in the accent blue.
 */
export const SIGN_COLOR = { up: 'var(--accent)', down: 'var(--bad)' } as const;
export const signColor = (gradient: number): string => (gradient > 0 ? SIGN_COLOR.down : SIGN_COLOR.up);
