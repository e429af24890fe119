import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Times an interaction from its event to the end of the commit that shows it: `start()` in the
 * handler, and after the render (children's layout effects, where canvases repaint, run before
 * their parent's) the element gets data-paint-ms. The e2e tests read it to check a repaint fits
 * in one frame.
 */
export function usePaintTimer<E extends HTMLElement>() {
  const box = useRef<E>(null);
  const t0 = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (t0.current === null) return;
    box.current?.setAttribute('data-paint-ms', (performance.now() - t0.current).toFixed(2));
    t0.current = null;
  });
  return {
    box,
    start: () => {
      t0.current = performance.now();
    },
  };
}
