import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/platform/i18n';
import { LECTURE_SITE_MATCHES } from '@/platform/sites';

/** The sites the user added (granted optional host permissions), each removable. */
export function OptInSites() {
  const [origins, setOrigins] = useState<string[]>([]);
  const refresh = () =>
    void browser.permissions.getAll().then((p) => setOrigins((p.origins ?? []).filter((o) => !LECTURE_SITE_MATCHES.includes(o))));
  useEffect(refresh, []);
  return (
    <div class="stack" data-testid="opt-in-sites">
      <strong>{t('optInSites')}</strong>
      {origins.length === 0 && <span class="muted">{t('noOptInSites')}</span>}
      {origins.map((o) => (
        <div class="row">
          <code>{o}</code>
          <button onClick={() => void browser.permissions.remove({ origins: [o] }).then(refresh)}>{t('remove')}</button>
        </div>
      ))}
    </div>
  );
}
