// The language a page is written in where a learner opened a card: for "card language: the
// page's", so that Chinese notes get Chinese cards in an English browser. The text around the
// term decides first (a page's lang attribute is often a template's default); the nearest lang
// attribute decides when the text has no letters of either language.

import type { Lang } from '@/platform/i18n/lang';
import { sentenceOfTerm } from '@/features/concepts/annotate/term-sentence';

const HAN = /[\u3400-\u9fff]/g;
const LATIN = /[A-Za-z]/g;
/** A Han character carries about as much text as a short English word: three letters' weight. */
const HAN_WEIGHT = 3;

/** Chinese or English by the letters of `text`, or null when it has neither. */
export function textLang(text: string): Lang | null {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (han === 0 && latin === 0) return null;
  return han * HAN_WEIGHT >= latin ? 'zh' : 'en';
}

/** Chinese or English by a BCP 47 tag ("zh-Hans", "en-GB"), or null for any other language. */
export function tagLang(tag: string | null | undefined): Lang | null {
  const t = (tag ?? '').trim().toLowerCase();
  if (t.startsWith('zh')) return 'zh';
  if (t.startsWith('en')) return 'en';
  return null;
}

/** The language of the page where `term` is (the sentence around it, else the nearest lang attribute), or null. */
export function pageLangAt(term: HTMLElement | null, doc: Document): Lang | null {
  if (term?.isConnected) {
    const byText = textLang(sentenceOfTerm(term));
    if (byText !== null) return byText;
    const tagged = term.closest('[lang]');
    if (tagged) return tagLang(tagged.getAttribute('lang'));
  }
  return tagLang(doc.documentElement.getAttribute('lang'));
}
