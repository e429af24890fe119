import { useEffect } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { useSettings } from '@/components/shared/use-settings';
import { ReviewView } from '@/components/review/review-view';

/** review.html: the review deck in a tab of its own. */
export function ReviewPage() {
  const settings = useSettings();
  useEffect(() => {
    document.title = t('reviewTitle');
  }, [settings.uiLang]);
  return (
    <main class="stack" style={{ maxWidth: '760px', margin: '0 auto' }}>
      <h1>{t('reviewTitle')}</h1>
      <ReviewView />
    </main>
  );
}
