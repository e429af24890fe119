// Sites where lecture pages live and the content script runs by default.
// Localhost is included because lecture notes are often read from a local
// docs server (Jupyter Book, mkdocs, the bundled demo page).
export const LECTURE_SITE_MATCHES = [
  '*://*.3blue1brown.com/*',
  '*://*.bilibili.com/*',
  '*://*.youtube.com/*',
  '*://d2l.ai/*',
  '*://*.d2l.ai/*',
  '*://neuralnetworksanddeeplearning.com/*',
  '*://*.github.io/*',
  '*://*.zhihu.com/*',
  '*://distill.pub/*',
  'file:///*',
  'http://localhost/*',
  'http://127.0.0.1/*',
];
