import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshot, selfTestResult, watchErrors, type Harness } from '@/tests/e2e/harness';
import { setOption } from '@/tests/e2e/options-page';

const PAGES = [
  { path: 'popup.html', name: 'popup', ready: 'host-status' },
  { path: 'sidepanel.html', name: 'sidepanel', ready: 'host-status' },
  { path: 'options.html', name: 'options', ready: 'option-lang' },
  { path: 'diagnostics.html', name: 'diagnostics', ready: 'selftest-status' },
];

async function checkPages(h: Harness, suffix: string, expectText: RegExp) {
  for (const p of PAGES) {
    const page = await h.context.newPage();
    if (p.name === 'popup') await page.setViewportSize({ width: 380, height: 320 });
    if (p.name === 'sidepanel') await page.setViewportSize({ width: 360, height: 640 });
    const errors = watchErrors(page);
    await page.goto(h.url(p.path));
    await page.getByTestId(p.ready).waitFor();
    if (p.name === 'diagnostics') {
      expect((await selfTestResult(page)).status).toBe('pass');
      // KaTeX typeset the formula (its CSS and fonts load under the extension CSP), in a task of its own.
      await page.locator('[data-testid=selftest-formula] .katex-html').waitFor();
      expect(await page.locator('[data-testid=selftest-formula] .katex-html').count()).toBe(1);
    }
    else if (p.ready === 'host-status') {
      await page.waitForFunction(() => !document.querySelector('[data-testid=host-status]')?.textContent?.match(/Checking|检查中/));
    }
    expect(await page.locator('body').innerText(), p.name).toMatch(expectText);
    expect(await page.getByText(/unreachable|did not answer|没有响应/).count(), p.name).toBe(0);
    await screenshot(page, `${p.name}${suffix}`);
    expect(errors, `${p.name} console errors`).toEqual([]);
    await page.close();
  }
}

describe('extension pages render without errors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ webgpu: false });
  });
  afterAll(async () => h?.close());

  it('in English, light theme', async () => {
    await checkPages(h, '', /DL Tutor|Lab|Options|Diagnostics/);
  });

  it('in Chinese, dark theme, switched from the options page', async () => {
    const page = await h.context.newPage();
    await page.goto(h.url('options.html'));
    await setOption(page, 'option-lang', 'uiLang', 'zh');
    await setOption(page, 'option-theme', 'theme', 'dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => page.locator('h1').textContent()).toBe('设置');
    await page.close();
    await checkPages(h, '-zh-dark', /[\u4e00-\u9fff]/);
  });
});
