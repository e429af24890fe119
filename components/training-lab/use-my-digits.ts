import { useEffect, useState } from 'preact/hooks';
import { loadMyDigits, myDigitsItem, type MyDigits } from '@/features/digits/my-digits';

/** The learner's own drawings (saved from the popup), kept current as they change in storage. */
export function useMyDigits(): MyDigits {
  const [mine, setMine] = useState<MyDigits>({ pixels: [], labels: [] });
  useEffect(() => {
    void loadMyDigits().then(setMine);
    return myDigitsItem.watch((v) => setMine(v ?? { pixels: [], labels: [] }));
  }, []);
  return mine;
}
