import { useEffect, useRef, useState } from 'preact/hooks';
import type { Grade } from 'ts-fsrs';
import { lang as uiLang, t } from '@/platform/i18n';
import { queue } from '@/features/review/due';
import { rate, undoRating, type Undo } from '@/features/review/schedule';
import { updateDeck } from '@/features/review/store';
import type { Deck, MetBook } from '@/features/review/types';
import { cardSource } from '@/components/review/card-sources';
import { ReviewCard } from '@/components/review/review-card';

const GRADES = [
  [1, 'reviewAgain'],
  [2, 'reviewHard'],
  [3, 'reviewGood'],
  [4, 'reviewEasy'],
] as const;

const typing = (e: KeyboardEvent) => {
  const el = e.target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
};

/** One card at a time: Space shows the answer, 1–4 rate it, the last rating can be taken back. */
export function ReviewSession({ met, deck }: { met: MetBook; deck: Deck }) {
  const [now, setNow] = useState(Date.now);
  const [shown, setShownState] = useState(false);
  // Keys read these, not the render's values: Space then 1 typed quickly arrive before a re-render.
  const shownNow = useRef(false);
  const busy = useRef(false);
  const setShown = (v: boolean) => {
    shownNow.current = v;
    setShownState(v);
  };
  const [undos, setUndos] = useState<Undo[]>([]);
  const q = queue(deck, met, now);
  const ids = [...q.due, ...q.fresh].filter((id) => cardSource(id));
  const id = ids[0];
  const c = id ? cardSource(id) : undefined;
  // A learning step comes due within minutes: look again now and then.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const rateCard = async (grade: Grade) => {
    if (!id || !shownNow.current || busy.current) return;
    busy.current = true;
    let undo: Undo | null = null;
    try {
      await updateDeck((d) => {
        const r = rate(d, id, grade, Date.now());
        undo = r.undo;
        return r.deck;
      });
    } finally {
      busy.current = false;
    }
    if (undo) setUndos((u) => [...u.slice(-49), undo!]);
    setShown(false);
    setNow(Date.now());
  };
  const undoLast = async () => {
    const u = undos.at(-1);
    if (!u) return;
    await updateDeck((d) => undoRating(d, u));
    setUndos((s) => s.slice(0, -1));
    setShown(true);
    setNow(Date.now());
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ' ' && c && !shownNow.current) {
        e.preventDefault();
        setShown(true);
      } else if (shownNow.current && ['1', '2', '3', '4'].includes(e.key)) {
        e.preventDefault();
        void rateCard(Number(e.key) as Grade);
      } else if (e.key === 'u' || e.key === 'z') void undoLast();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const l = uiLang.value;
  return (
    <section class="stack" data-testid="review-session">
      <div class="row">
        <span data-testid="review-counts">{t('reviewCounts', { due: q.due.length, fresh: q.fresh.length })}</span>
        <button data-testid="review-undo" disabled={!undos.length} onClick={() => void undoLast()}>
          {t('reviewUndo')}
        </button>
      </div>
      {!c && <p data-testid="review-done">{Object.keys(met).length ? t('reviewDone') : t('reviewEmpty')}</p>}
      {c && id && (
        <>
          <ReviewCard c={c} lang={l} places={met[id]?.places ?? []} shown={shown} isNew={!deck.cards[id]} />
          {!shown ? (
            <button class="primary" data-testid="review-show" onClick={() => setShown(true)}>
              {t('reviewShow')}
            </button>
          ) : (
            <div class="row review-grades">
              {GRADES.map(([g, key]) => (
                <button key={g} data-testid={`review-rate-${g}`} onClick={() => void rateCard(g)}>
                  {g} · {t(key)}
                </button>
              ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}
