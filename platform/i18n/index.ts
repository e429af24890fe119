import { signal } from '@preact/signals';
import type { UiLang } from '@/platform/settings';
import { en, zh, type MessageKey } from '@/platform/i18n/messages';

export type { Lang } from '@/platform/i18n/lang';
import type { Lang } from '@/platform/i18n/lang';

/** 'auto' follows the browser: any Chinese locale gets Chinese, everything else English. */
export function resolveLang(setting: UiLang, browserLang: string): Lang {
  if (setting !== 'auto') return setting;
  return browserLang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export const lang = signal<Lang>('en');

/** Values for a message's {name} placeholders. */
export type Vars = Record<string, string | number>;

/** The one translation function: a message in a language, its {name} placeholders filled from vars. */
export function tr(l: Lang, key: MessageKey, vars?: Vars): string {
  const text: string = (l === 'zh' ? zh : en)[key];
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

/** tr in this page's UI language (the `lang` signal), for components. */
export const t = (key: MessageKey, vars?: Vars): string => tr(lang.value, key, vars);

/** The BCP 47 tag of a UI language, for `lang` attributes. */
export const langTag = (l: Lang): string => (l === 'zh' ? 'zh-CN' : 'en');

export type { MessageKey };
