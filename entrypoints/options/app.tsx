import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { updateSettings, type Settings } from '@/platform/settings';
import { useSettings } from '@/components/shared/use-settings';
import { OptInSites } from '@/components/shared/opt-in-list';
import { RecordOptions } from '@/components/review/record-options';

export function Options() {
  const settings = useSettings();
  const [saved, setSaved] = useState(false);
  const save = (patch: Partial<Settings>) =>
    void updateSettings(patch).then(() => {
      setSaved(true);
      setTimeout(() => setSaved(false), 1500);
    });
  const value = (e: Event) => (e.currentTarget as HTMLSelectElement).value;

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <div class="card stack">
        <label class="row">
          <span style={{ minWidth: '160px' }}>{t('language')}</span>
          <select
            data-testid="option-lang"
            value={settings.uiLang}
            onChange={(e) => save({ uiLang: value(e) as Settings['uiLang'] })}
          >
            <option value="auto">{t('langAuto')}</option>
            <option value="en">English</option>
            <option value="zh">简体中文</option>
          </select>
        </label>
        <label class="row">
          <span style={{ minWidth: '160px' }}>{t('theme')}</span>
          <select data-testid="option-theme" value={settings.theme} onChange={(e) => save({ theme: value(e) as Settings['theme'] })}>
            <option value="auto">{t('themeAuto')}</option>
            <option value="light">{t('themeLight')}</option>
            <option value="dark">{t('themeDark')}</option>
          </select>
        </label>
        <label class="row">
          <span style={{ minWidth: '160px' }}>{t('preferBackend')}</span>
          <select
            data-testid="option-backend"
            value={settings.backend}
            onChange={(e) => save({ backend: value(e) as Settings['backend'] })}
          >
            <option value="auto">{t('backendAuto')}</option>
            <option value="wasm">{t('backendWasm')}</option>
            <option value="webgpu">{t('backendWebgpu')}</option>
          </select>
        </label>
        <label class="row">
          <span style={{ minWidth: '160px' }}>{t('density')}</span>
          <select
            data-testid="option-density"
            value={settings.density}
            onChange={(e) => save({ density: value(e) as Settings['density'] })}
          >
            <option value="first-per-section">{t('densityFirst')}</option>
            <option value="all">{t('densityAll')}</option>
          </select>
        </label>
        <label class="row">
          <span style={{ minWidth: '160px' }}>{t('cardLang')}</span>
          <select
            data-testid="option-card-lang"
            value={settings.cardLang}
            onChange={(e) => save({ cardLang: value(e) as Settings['cardLang'] })}
          >
            <option value="ui">{t('cardLangUi')}</option>
            <option value="page">{t('cardLangPage')}</option>
          </select>
        </label>
        <label class="row">
          <input
            type="checkbox"
            data-testid="option-enabled"
            checked={settings.enabled}
            onChange={(e) => save({ enabled: (e.currentTarget as HTMLInputElement).checked })}
          />
          <span>{t('pageFeatures')}</span>
        </label>
        <OptInSites />
        <div class="muted" aria-live="polite">
          {saved ? t('saved') : '\u00a0'}
        </div>
      </div>
      <RecordOptions settings={settings} />
    </main>
  );
}
