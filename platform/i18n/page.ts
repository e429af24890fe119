import { pageEn, pageZh, type PageMessageKey } from '@/platform/i18n/page-messages';
import { fill, type Lang, type Vars } from '@/platform/i18n/lang';

export { langTag, resolveLang, type Lang } from '@/platform/i18n/lang';
export type { PageMessageKey };

/**
 * tr for what the content script shows on pages: the same strings as the extension's pages get,
 * from a table of their own (page-messages.ts), with no signals, so the script stays small.
 */
export function pageText(l: Lang, key: PageMessageKey, vars?: Vars): string {
  return fill((l === 'zh' ? pageZh : pageEn)[key], vars);
}
