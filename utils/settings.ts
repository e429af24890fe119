import { storage } from 'wxt/utils/storage';
import type { BackendPreference } from './messaging/protocol';

export type UiLang = 'auto' | 'en' | 'zh';
export type Theme = 'auto' | 'light' | 'dark';

export interface Settings {
  uiLang: UiLang;
  theme: Theme;
  /** Which backend the model host should try first. */
  backend: BackendPreference;
  /** Master switch for everything the extension adds to pages. */
  enabled: boolean;
  /** Hostnames where the user turned page features off. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  uiLang: 'auto',
  theme: 'auto',
  backend: 'auto',
  enabled: true,
  disabledSites: [],
};

const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(v as T) ? (v as T) : fallback;

/**
 * Whatever is in storage (an older version, a hand-edited value, garbage)
 * becomes valid settings: known fields are kept, bad ones fall back.
 */
export function normalizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    uiLang: oneOf(r.uiLang, ['auto', 'en', 'zh'], DEFAULT_SETTINGS.uiLang),
    theme: oneOf(r.theme, ['auto', 'light', 'dark'], DEFAULT_SETTINGS.theme),
    backend: oneOf(r.backend, ['auto', 'webgpu', 'wasm'], DEFAULT_SETTINGS.backend),
    enabled: typeof r.enabled === 'boolean' ? r.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(r.disabledSites)
      ? r.disabledSites.filter((s): s is string => typeof s === 'string').slice(0, 1000)
      : [],
  };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

export function isSiteEnabled(s: Settings, hostname: string): boolean {
  return s.enabled && !s.disabledSites.includes(hostname);
}
