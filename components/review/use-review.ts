import { useEffect, useState } from 'preact/hooks';
import { loadDeck, loadMet, watchReview } from '@/features/review/store';
import { DEFAULT_OPTIONS, type Deck, type MetBook } from '@/features/review/types';

export interface ReviewData {
  met: MetBook;
  deck: Deck;
  loaded: boolean;
}

const EMPTY: ReviewData = { met: {}, deck: { cards: {}, log: [], options: DEFAULT_OPTIONS }, loaded: false };

/** The deck and what was met, kept live: a page reporting a meeting or another tab rating shows at once. */
export function useReview(): ReviewData {
  const [data, setData] = useState<ReviewData>(EMPTY);
  useEffect(() => {
    let alive = true;
    const read = () => void Promise.all([loadMet(), loadDeck()]).then(([met, deck]) => alive && setData({ met, deck, loaded: true }));
    read();
    const unwatch = watchReview(read);
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return data;
}
