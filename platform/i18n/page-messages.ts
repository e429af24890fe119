// The strings the content script shows on pages (cards, the large-page notice, the selection
// button). Apart from the rest so that the content script, which every page compiles, does not
// carry the labs' strings too; messages.ts includes these for the extension's own pages.

export const pageEn = {
  cardRelated: 'Related',
  cardPrereq: 'Builds on',
  cardIntuition: 'Intuition',
  cardTryIt: 'Try it',
  cardBack: 'Back',
  cardClose: 'Close',
  largePage: 'This page holds more than {millions} million characters of text. Marking its concepts would make the page stall while the browser lays it out again after each mark, so DL Tutor leaves it unmarked. Selected text still opens in the GPT lab (“Look inside GPT”).',
  largePageMark: 'Mark concepts anyway',
  cardWhere: 'where',
  cardLoading: 'Loading the explanation…',
  cardFailed: 'The explanation could not be loaded ({reason}).',
  cardRetry: 'Try again',
  lookInsideGpt: 'Look inside GPT',
} as const;

export type PageMessageKey = keyof typeof pageEn;

export const pageZh: Record<PageMessageKey, string> = {
  cardRelated: '相关概念',
  cardPrereq: '先修概念',
  cardIntuition: '直观理解',
  cardTryIt: '动手试试',
  cardBack: '返回',
  cardClose: '关闭',
  largePage: '此页面的文字超过 {wan} 万个字符。标注其中的概念时，浏览器每次标注后都要重新排版，页面会卡顿，所以 DL Tutor 不标注此页。选中的文字仍可在 GPT 实验室中查看（“用 GPT 看看”）。',
  largePageMark: '仍然标注概念',
  cardWhere: '其中',
  cardLoading: '正在载入讲解…',
  cardFailed: '讲解没能载入（{reason}）。',
  cardRetry: '重试',
  lookInsideGpt: '用 GPT 看看',
};
