import { describe, expect, it } from 'vitest';
import { identify, loadMethod } from '@/scripts/browser/brand';

describe('npm start: which browser, and how it loads the extension', () => {
  it('keeps --load-extension for Chromium, Chrome for Testing and Chrome before 137', () => {
    expect(identify('Chromium 156.0.8078.73 built on Debian GNU/Linux 12 (bookworm)')).toMatchObject({ brand: 'chromium', major: 156 });
    expect(loadMethod(identify('Chromium 156.0.8078.73'))).toBe('load-extension-flag');
    expect(loadMethod(identify('Google Chrome for Testing 140.0.7339.80'))).toBe('load-extension-flag');
    expect(loadMethod(identify('Google Chrome 136.0.7103.113'))).toBe('load-extension-flag');
  });

  it('loads over the DevTools protocol in Google Chrome 137 and later', () => {
    expect(identify('Google Chrome 137.0.7151.55')).toMatchObject({ brand: 'chrome', major: 137 });
    expect(loadMethod(identify('Google Chrome 137.0.7151.55'))).toBe('cdp-load-unpacked');
    expect(loadMethod(identify('Google Chrome 142.0.7444.59 unknown'))).toBe('cdp-load-unpacked');
    expect(loadMethod(identify('something 9'))).toBe('cdp-load-unpacked');
  });

  it('installs into Firefox over WebDriver BiDi', () => {
    expect(identify('Mozilla Firefox 153.8.0esr')).toMatchObject({ brand: 'firefox', major: 153 });
    expect(loadMethod(identify('Mozilla Firefox 153.8.0esr'))).toBe('webdriver-bidi-install');
  });
});
