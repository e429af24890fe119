import { signal } from '@preact/signals';
import { en, zh, type MessageKey } from '@/platform/i18n/messages';
import { fill, type Lang, type Vars } from '@/platform/i18n/lang';

export { langTag, resolveLang, type Lang, type Vars } from '@/platform/i18n/lang';

export const lang = signal<Lang>('en');

/** The translation function of the extension's pages (the content script has pageText, page.ts): a message in a language, its {name} placeholders filled from vars. */
export function tr(l: Lang, key: MessageKey, vars?: Vars): string {
  return fill((l === 'zh' ? zh : en)[key], vars);
}

/** tr in this page's UI language (the `lang` signal), for components. */
export const t = (key: MessageKey, vars?: Vars): string => tr(lang.value, key, vars);

export type { MessageKey };
