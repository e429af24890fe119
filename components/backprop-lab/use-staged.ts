import { useEffect, useState } from 'preact/hooks';
import { yieldToOthers } from '@/lib/yield';

/**
 * The value as it was up to `count` tasks ago: element 0 is the value now, element i catches up
 * i tasks later. The lab's stages render in steps (the example and cost first, the deeper stages
 * in later tasks), so one change never holds the panel's thread for the whole lab at once.
 * With delayMs, the catching up starts only once the value has kept still that long. Returns
 * also whether every element has caught up.
 */
export function useStaged<T>(value: T, count: number, delayMs = 0): { staged: T[]; settled: boolean } {
  const [staged, setStaged] = useState<T[]>(() => Array.from({ length: count }, () => value));
  useEffect(() => {
    let alive = true;
    void (async () => {
      // While the learner draws, values come every frame: the deeper stages wait for a pause.
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      for (let i = 1; i < count && alive; i++) {
        await yieldToOthers();
        if (!alive) return;
        setStaged((s) => (s[i] === value ? s : s.map((v, k) => (k === i ? value : v))));
      }
    })();
    return () => {
      alive = false;
    };
  }, [value, count, delayMs]);
  const now = [value, ...staged.slice(1)];
  return { staged: now, settled: now.every((v) => v === value) };
}
