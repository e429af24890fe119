import { t } from '@/platform/i18n';
import { forecast, retention, reviewsPerDay } from '@/features/review/due';
import type { Deck } from '@/features/review/types';
import { Bars } from '@/components/review/bars';

const dayLabel = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString();

/** Reviews per day, retention and the forecast of due cards, drawn. */
export function ReviewStats({ deck }: { deck: Deck }) {
  const now = Date.now();
  const perDay = reviewsPerDay(deck, now, 30);
  const ahead = forecast(deck, now, 14);
  const r = retention(deck);
  const rated = deck.log.filter((e) => e.state === 2).length;
  return (
    <section class="card stack" data-testid="review-stats">
      <h2>{t('reviewStats')}</h2>
      <div>{t('reviewPerDay')}</div>
      <Bars values={perDay} labels={perDay.map((_, i) => dayLabel(i - 29))} testid="review-per-day" />
      <div data-testid="review-retention">{r === null ? t('reviewRetainedNone') : t('reviewRetained', { p: Math.round(r * 100), n: rated })}</div>
      <div>{t('reviewForecast')}</div>
      <Bars values={ahead} labels={ahead.map((_, i) => dayLabel(i))} testid="review-forecast" />
    </section>
  );
}
