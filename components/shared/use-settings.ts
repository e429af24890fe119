import { useEffect, useState } from 'preact/hooks';
import { lang, resolveLang } from '@/platform/i18n';
import { DEFAULT_SETTINGS, loadSettings, normalizeSettings, settingsItem, type Settings, type Theme } from '@/platform/settings';

function applyTheme(theme: Theme): void {
  const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

function apply(s: Settings): void {
  lang.value = resolveLang(s.uiLang, navigator.language);
  document.documentElement.lang = lang.value === 'zh' ? 'zh-CN' : 'en';
  applyTheme(s.theme);
}

/** Current settings for a page, applied (language, theme) and kept live across tabs. */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    let alive = true;
    void loadSettings().then((s) => {
      if (!alive) return;
      apply(s);
      setSettings(s);
    });
    const unwatch = settingsItem.watch((raw) => {
      const s = normalizeSettings(raw);
      apply(s);
      setSettings(s);
    });
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return settings;
}
