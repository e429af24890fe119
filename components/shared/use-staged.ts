import { useEffect, useState } from 'preact/hooks';

/**
 * How many of `total` items to render: `step` at first, `step` more after each paint, until all
 * are. A list of hundreds of elements (SVG text above all: each label is shaped and laid out on
 * its own) cost 50-80 ms to render and lay out in one task; in slices of `step`, each task stays
 * short and the first rows show at once. A new `key` (new data) starts over.
 */
export function useStaged(total: number, step: number, key: unknown = total): number {
  const [staged, setStaged] = useState({ key, n: step });
  const n = Math.min(total, Object.is(staged.key, key) ? staged.n : step);
  useEffect(() => {
    if (n >= total) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setStaged({ key, n: n + step }), 0);
    });
    return () => (cancelAnimationFrame(frame), clearTimeout(timer));
  }, [n, total, key]);
  return n;
}
