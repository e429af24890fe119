import { langTag, pageText, type Lang } from '@/platform/i18n/page';

export interface LargePageNoticeProps {
  /** The text size above which pages are left unmarked, in millions of characters. */
  millions: number;
  lang: Lang;
  theme: 'light' | 'dark';
  onMark(): void;
  onDismiss(): void;
}

/**
 * Says why a very large page has no marks (after each mark the browser lays the page out again,
 * up to 78 ms at a time on the 20 MB test page), that selected text still opens in the GPT lab,
 * and lets the learner mark it anyway.
 */
export function LargePageNotice({ millions, lang, theme, onMark, onDismiss }: LargePageNoticeProps) {
  return (
    <div class="notice-anchor">
      <div class="card notice" role="status" data-theme={theme} lang={langTag(lang)} data-testid="large-page-notice">
        <p>{pageText(lang, 'largePage', { millions, wan: millions * 100 })}</p>
        <div class="notice-actions">
          <button type="button" class="try" data-testid="large-page-mark" onClick={onMark}>
            {pageText(lang, 'largePageMark')}
          </button>
          <button type="button" class="icon" data-testid="large-page-dismiss" aria-label={pageText(lang, 'cardClose')} onClick={onDismiss}>
            ×
          </button>
        </div>
      </div>
    </div>
  );
}
