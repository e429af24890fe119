// Which browser a binary is, from what it says of itself (`--version`), and how `npm start` can
// load an unpacked extension into it. Google Chrome 137 and later ignore --load-extension
// (Chromium and Chrome for Testing still honour it); there the extension is loaded over the
// DevTools protocol (Extensions.loadUnpacked, with --enable-unsafe-extension-debugging).

export type Brand = 'chromium' | 'chrome' | 'chrome-for-testing' | 'edge' | 'firefox' | 'unknown';

export interface BrowserIdentity {
  brand: Brand;
  major: number;
  /** The line the binary printed. */
  version: string;
}

/** Reads `--version` output: "Chromium 156.0.8078.73", "Google Chrome 140.0.7339.80", "Google Chrome for Testing 140…", "Mozilla Firefox 153.8.0esr". */
export function identify(versionLine: string): BrowserIdentity {
  const line = versionLine.trim();
  const major = Number(/(\d+)\.\d+/.exec(line)?.[1] ?? NaN);
  const brand: Brand = /Google Chrome for Testing/i.test(line)
    ? 'chrome-for-testing'
    : /Google Chrome/i.test(line)
      ? 'chrome'
      : /Chromium/i.test(line)
        ? 'chromium'
        : /Microsoft Edge/i.test(line)
          ? 'edge'
          : /Firefox/i.test(line)
            ? 'firefox'
            : 'unknown';
  return { brand, major, version: line };
}

export type LoadMethod = 'load-extension-flag' | 'cdp-load-unpacked' | 'webdriver-bidi-install';

/** How to put the unpacked build into this browser. */
export function loadMethod(id: BrowserIdentity): LoadMethod {
  if (id.brand === 'firefox') return 'webdriver-bidi-install';
  // Branded Chrome 137+ ignores the flag; so may an unknown brand, where the protocol path works too.
  if ((id.brand === 'chrome' && !(id.major < 137)) || id.brand === 'unknown') return 'cdp-load-unpacked';
  return 'load-extension-flag';
}
