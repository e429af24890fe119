import { browser } from 'wxt/browser';
import { t } from '@/platform/i18n';
import { dueCount } from '@/features/review/due';
import { useReview } from '@/components/review/use-review';

/** "N to review" and a way to the Review page, for the popup and the side panel's page tab. */
export function DueBadge() {
  const { met, deck, loaded } = useReview();
  if (!loaded) return null;
  const n = dueCount(deck, met, Date.now());
  const open = () => void browser.tabs.create({ url: (browser.runtime.getURL as (p: string) => string)('/review.html') });
  return (
    <div class="row review-due" data-testid="review-due" data-due={n}>
      <span>{t('reviewDueBadge', { n })}</span>
      <button onClick={open}>{t('reviewOpen')}</button>
    </div>
  );
}
