import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { call } from '@/platform/messaging/client';
import { t } from '@/platform/i18n';
import { sitePattern } from '@/platform/background/opt-in-sites';
import { updateSettings, type Settings } from '@/platform/settings';

/** Popup controls for the current tab's site: annotate now, always, or never. */
export function SiteControls({ settings }: { settings: Settings }) {
  const [tab, setTab] = useState<{ id: number; url: string } | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([t0]) => {
      if (t0?.id !== undefined && t0.url) setTab({ id: t0.id, url: t0.url });
    });
  }, []);

  const pattern = tab ? sitePattern(tab.url) : null;
  const host = pattern ? new URL(tab!.url).hostname : null;
  if (!tab || !host) return null;
  const off = settings.disabledSites.includes(host);

  const annotate = async () => {
    const r = await call('tab.annotate', { tabId: tab.id });
    setNote(r.ok ? t('annotating') : r.error.message);
  };
  const always = async () => {
    // Must run in the click's own task: browsers only grant permissions to a user gesture.
    const granted = await browser.permissions.request({ origins: [pattern!] });
    setNote(granted ? t('alwaysOnGranted') : t('permissionDenied'));
    if (granted) await annotate();
  };
  const toggleOff = () =>
    void updateSettings({
      disabledSites: off ? settings.disabledSites.filter((s) => s !== host) : [...settings.disabledSites, host],
    });

  return (
    <div class="card stack" data-testid="site-controls">
      <div class="muted">{host}</div>
      <div class="row">
        <button data-testid="annotate-page" onClick={() => void annotate()}>
          {t('annotateThisPage')}
        </button>
        <button data-testid="always-on-site" onClick={() => void always()}>
          {t('alwaysOnSite')}
        </button>
        <label class="row">
          <input type="checkbox" data-testid="site-off" checked={off} onChange={toggleOff} />
          {t('offOnSite')}
        </label>
      </div>
      {note && <div class="muted" aria-live="polite">{note}</div>}
    </div>
  );
}
