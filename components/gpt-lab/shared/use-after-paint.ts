import { useEffect, useState } from 'preact/hooks';

/**
 * False on the first render, true once the browser has painted it. A view shows its main figure
 * first and mounts its secondary parts a task later, so neither render is one long task.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true), 0);
    });
    return () => (cancelAnimationFrame(frame), clearTimeout(timer));
  }, []);
  return painted;
}
