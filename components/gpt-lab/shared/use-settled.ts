import { useEffect, useState } from 'preact/hooks';

/**
 * A value once it has stopped changing for `ms`, and `initial` until then. A KaTeX formula with a
 * hovered cell's numbers costs several milliseconds to typeset: it follows once the pointer rests,
 * so the grid and the top-10 list keep repainting within a frame while it moves, and the view's
 * first paint does not wait for it.
 */
export function useSettled<T>(value: T, ms: number, initial: T = value): T {
  const [settled, setSettled] = useState(initial);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value]);
  return settled;
}
