import { signal } from '@preact/signals';
import type { UiLang } from '@/platform/settings';
import { en, zh, type MessageKey } from '@/platform/i18n/messages';

export type Lang = 'en' | 'zh';

/** 'auto' follows the browser: any Chinese locale gets Chinese, everything else English. */
export function resolveLang(setting: UiLang, browserLang: string): Lang {
  if (setting !== 'auto') return setting;
  return browserLang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export const lang = signal<Lang>('en');

export function t(key: MessageKey): string {
  return (lang.value === 'zh' ? zh : en)[key];
}

export type { MessageKey };
