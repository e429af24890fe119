import { t } from '@/platform/i18n';
import { useReview } from '@/components/review/use-review';
import { ReviewSession } from '@/components/review/review-session';
import { ReviewStats } from '@/components/review/review-stats';
import { ReviewTools } from '@/components/review/review-tools';
import { ReviewDeck } from '@/components/review/review-deck';

/** The whole review: session, statistics, deck, settings and exports (review.html and the side panel's tab). */
export function ReviewView() {
  const { met, deck, loaded } = useReview();
  if (!loaded) return null;
  return (
    <div class="stack review" data-testid="review">
      <p class="lead">{t('reviewIntro')}</p>
      <ReviewSession met={met} deck={deck} />
      <ReviewStats deck={deck} />
      <ReviewDeck met={met} deck={deck} />
      <ReviewTools met={met} deck={deck} />
    </div>
  );
}
