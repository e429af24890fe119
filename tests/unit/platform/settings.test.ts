import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CARD_LANGS, DEFAULT_SETTINGS, DENSITIES, isAutoSite, isSiteEnabled, loadSettings, normalizeSettings, THEMES, UI_LANGS, updateSettings } from '@/platform/settings';
import { resolveLang } from '@/platform/i18n';
import { en, zh } from '@/platform/i18n/messages';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from the defaults and keeps what is saved', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await updateSettings({ uiLang: 'zh', theme: 'dark' });
    expect(await loadSettings()).toMatchObject({ uiLang: 'zh', theme: 'dark', backend: 'auto', enabled: true });
  });

  it('keeps every change when several are made at once', async () => {
    await Promise.all([updateSettings({ theme: 'light' }), updateSettings({ uiLang: 'zh' }), updateSettings({ density: 'all' })]);
    expect(await loadSettings()).toMatchObject({ theme: 'light', uiLang: 'zh', density: 'all' });
  });

  it('repairs garbage in storage instead of crashing', async () => {
    await fakeBrowser.storage.local.set({ settings: { uiLang: 'klingon', theme: 7, enabled: 'yes', disabledSites: [1, 'a.com'] } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.com'] });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('{"uiLang":"zh"}')).toEqual(DEFAULT_SETTINGS);
  });

  it('turns page features off per site and globally', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['www.youtube.com'] };
    expect(isSiteEnabled(s, 'www.youtube.com')).toBe(false);
    expect(isSiteEnabled(s, 'www.3blue1brown.com')).toBe(true);
    expect(isSiteEnabled({ ...s, enabled: false }, 'www.3blue1brown.com')).toBe(false);
  });
});

describe('auto sites', () => {
  it('matches a site and its subdomains, and local files', () => {
    const s = DEFAULT_SETTINGS;
    expect(isAutoSite(s, new URL('https://www.3blue1brown.com/lessons/gpt'))).toBe(true);
    expect(isAutoSite(s, new URL('https://colah.github.io/posts/2015-08-Understanding-LSTMs/'))).toBe(true);
    expect(isAutoSite(s, new URL('file:///home/me/notes.html'))).toBe(true);
    expect(isAutoSite(s, new URL('https://evil-3blue1brown.com/'))).toBe(false);
    expect(isAutoSite(s, new URL('https://example.com/'))).toBe(false);
    expect(isAutoSite({ ...s, autoSites: [] }, new URL('https://www.youtube.com/'))).toBe(false);
  });
});

describe('i18n', () => {
  it('follows the browser unless told otherwise', () => {
    expect(resolveLang('auto', 'zh-CN')).toBe('zh');
    expect(resolveLang('auto', 'zh-TW')).toBe('zh');
    expect(resolveLang('auto', 'en-GB')).toBe('en');
    expect(resolveLang('auto', 'fr')).toBe('en');
    expect(resolveLang('en', 'zh-CN')).toBe('en');
    expect(resolveLang('zh', 'en-US')).toBe('zh');
  });

  it('has every string in both languages', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(zh)) expect(v.trim(), k).not.toBe('');
  });
});

describe('card language', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to the interface language and keeps the page choice', async () => {
    expect((await loadSettings()).cardLang).toBe('ui');
    await updateSettings({ cardLang: 'page' });
    expect((await loadSettings()).cardLang).toBe('page');
  });

  it('is repaired on read: missing (settings saved before it existed) or garbage becomes the default', async () => {
    const { cardLang: _omitted, ...older } = DEFAULT_SETTINGS;
    await fakeBrowser.storage.local.set({ settings: { ...older, uiLang: 'zh' } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, uiLang: 'zh', cardLang: 'ui' });
    for (const bad of ['zh', 'PAGE', 1, null, { page: true }]) {
      expect(normalizeSettings({ ...DEFAULT_SETTINGS, cardLang: bad }).cardLang, String(bad)).toBe('ui');
    }
    expect(normalizeSettings({ cardLang: 'page' }).cardLang).toBe('page');
  });
});

describe('settings lists', () => {
  it('keep every listed choice and replace anything else with the default', () => {
    for (const density of DENSITIES) expect(normalizeSettings({ density }).density).toBe(density);
    for (const theme of THEMES) expect(normalizeSettings({ theme }).theme).toBe(theme);
    for (const uiLang of UI_LANGS) expect(normalizeSettings({ uiLang }).uiLang).toBe(uiLang);
    for (const cardLang of CARD_LANGS) expect(normalizeSettings({ cardLang }).cardLang).toBe(cardLang);
    expect(normalizeSettings({ density: 'some', theme: 3, uiLang: 'fr', cardLang: null })).toMatchObject({
      density: DEFAULT_SETTINGS.density,
      theme: DEFAULT_SETTINGS.theme,
      uiLang: DEFAULT_SETTINGS.uiLang,
      cardLang: DEFAULT_SETTINGS.cardLang,
    });
  });
});
