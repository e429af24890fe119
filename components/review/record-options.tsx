import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { updateSettings, type Settings } from '@/platform/settings';
import { forgetSite, sitesOf } from '@/features/review/met-book';
import { replaceAll, updateMet } from '@/features/review/store';
import { DEFAULT_OPTIONS } from '@/features/review/types';
import { useReview } from '@/components/review/use-review';

/** The options page's privacy controls for the review deck: recording on or off, forget a site, forget everything. */
export function RecordOptions({ settings }: { settings: Settings }) {
  const { met, deck } = useReview();
  const [done, setDone] = useState(false);
  const sites = sitesOf(met);
  const forgot = () => setDone(true);
  return (
    <div class="card stack" data-testid="record-options">
      <h2>{t('optRecordTitle')}</h2>
      <label class="row">
        <input type="checkbox" data-testid="option-record-met" checked={settings.recordMet} onChange={(e) => void updateSettings({ recordMet: e.currentTarget.checked })} />
        <span>{t('optRecordMet')}</span>
      </label>
      {sites.length === 0 && <div class="muted">{t('optNoPlaces')}</div>}
      <ul data-testid="record-sites">
        {sites.map((s) => (
          <li key={s.host} class="row" data-host={s.host}>
            <span>
              {s.host} ({s.places})
            </span>
            <button data-testid="forget-site" onClick={() => void updateMet((b) => forgetSite(b, s.host)).then(forgot)}>
              {t('optForgetSite')}
            </button>
          </li>
        ))}
      </ul>
      <div class="row">
        <button
          data-testid="forget-all"
          disabled={!sites.length && !Object.keys(deck.cards).length}
          onClick={() => void replaceAll({}, { cards: {}, log: [], options: deck.options ?? DEFAULT_OPTIONS }).then(forgot)}
        >
          {t('optForgetAll')}
        </button>
        {done && <span class="muted">{t('optForgotten')}</span>}
      </div>
    </div>
  );
}
