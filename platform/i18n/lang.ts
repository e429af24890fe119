/** The UI languages: English and Simplified Chinese. */
export type Lang = 'en' | 'zh';

/** 'auto' follows the browser: any Chinese locale gets Chinese, everything else English. */
export function resolveLang(setting: Lang | 'auto', browserLang: string): Lang {
  if (setting !== 'auto') return setting;
  return browserLang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The BCP 47 tag of a UI language, for `lang` attributes. */
export const langTag = (l: Lang): string => (l === 'zh' ? 'zh-CN' : 'en');

/** Values for a message's {name} placeholders. */
export type Vars = Record<string, string | number>;

/** A message's {name} placeholders filled from vars (unknown names are left as written). */
export const fill = (text: string, vars?: Vars): string =>
  vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
