import { useEffect, useState } from 'preact/hooks';
import { lang, langTag, resolveLang } from '@/platform/i18n';
import { DEFAULT_SETTINGS, loadSettings, normalizeSettings, settingsItem, type Settings } from '@/platform/settings';
import { applyTheme } from '@/components/shared/theme';

function apply(s: Settings): void {
  lang.value = resolveLang(s.uiLang, navigator.language);
  document.documentElement.lang = langTag(lang.value);
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
