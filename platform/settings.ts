import { storage } from 'wxt/utils/storage';
import { DEFAULT_AUTO_SITES } from '@/platform/sites';

export { DEFAULT_AUTO_SITES };
import type { BackendPreference } from '@/platform/protocol/protocol';
import { BACKEND_PREFERENCES } from '@/platform/protocol/backend';
import { oneOf } from '@/lib/one-of';

// Each choice is one `as const` list: its type and the check of what storage holds both come from it.
export const UI_LANGS = ['auto', 'en', 'zh'] as const;
export type UiLang = (typeof UI_LANGS)[number];
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** Concept cards in the interface's language, or in the language of the page around the term. */
export const CARD_LANGS = ['ui', 'page'] as const;
export type CardLang = (typeof CARD_LANGS)[number];
/** Mark the first mention of each concept per section, or every mention. */
export const DENSITIES = ['first-per-section', 'all'] as const;
export type Density = (typeof DENSITIES)[number];

export interface Settings {
  uiLang: UiLang;
  theme: Theme;
  /** Which backend the model host should try first. */
  backend: BackendPreference;
  /** Master switch for everything the extension adds to pages. */
  enabled: boolean;
  /** Hostnames where the user turned page features off. */
  disabledSites: string[];
  /** Mark the first mention of each concept per section, or every mention. */
  density: Density;
  /** Sites annotated without asking (hostname or parent domain; 'file' for local files). */
  autoSites: string[];
  /** Which language a concept card is written in. */
  cardLang: CardLang;
  /** Keep, in this browser only, which concepts the learner met and where (the review deck). */
  recordMet: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  uiLang: 'auto',
  theme: 'auto',
  backend: 'auto',
  enabled: true,
  disabledSites: [],
  density: 'first-per-section',
  autoSites: DEFAULT_AUTO_SITES,
  cardLang: 'ui',
  recordMet: true,
};

/**
 * Whatever is in storage (an older version, a hand-edited value, garbage)
 * becomes valid settings: known fields are kept, bad ones fall back.
 */
export function normalizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    uiLang: oneOf(UI_LANGS, r.uiLang, DEFAULT_SETTINGS.uiLang),
    theme: oneOf(THEMES, r.theme, DEFAULT_SETTINGS.theme),
    backend: oneOf(BACKEND_PREFERENCES, r.backend, DEFAULT_SETTINGS.backend),
    enabled: typeof r.enabled === 'boolean' ? r.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(r.disabledSites)
      ? r.disabledSites.filter((s): s is string => typeof s === 'string').slice(0, 1000)
      : [],
    density: oneOf(DENSITIES, r.density, DEFAULT_SETTINGS.density),
    autoSites: Array.isArray(r.autoSites)
      ? r.autoSites.filter((s): s is string => typeof s === 'string' && s.length > 0).slice(0, 1000)
      : DEFAULT_AUTO_SITES,
    cardLang: oneOf(CARD_LANGS, r.cardLang, DEFAULT_SETTINGS.cardLang),
    recordMet: typeof r.recordMet === 'boolean' ? r.recordMet : DEFAULT_SETTINGS.recordMet,
  };
}

// A field added later needs no migration: settings saved before it are read through
// normalizeSettings, which gives the missing field its default.
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

// Each update reads, merges and writes. Two quick changes on one page (the options page's
// theme, then its language) would both read the same old settings, and the second write would
// undo the first; so a page's updates run one after another.
let pending: Promise<unknown> = Promise.resolve();

export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const run = pending.then(async () => {
    const next = normalizeSettings({ ...(await loadSettings()), ...patch });
    await settingsItem.setValue(next);
    return next;
  });
  pending = run.catch(() => undefined);
  return run;
}

export function isSiteEnabled(s: Settings, hostname: string): boolean {
  return s.enabled && !s.disabledSites.includes(hostname);
}

/** Is this page on the user's list of sites annotated without asking? */
export function isAutoSite(s: Settings, url: URL): boolean {
  if (url.protocol === 'file:') return s.autoSites.includes('file');
  const host = url.hostname;
  return s.autoSites.some((site) => host === site || host.endsWith(`.${site}`));
}
