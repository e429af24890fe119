import type { Page } from 'playwright-core';
import { closePage, fail, openPage, pass, runStep, type StepContext, type Verdict } from '@/scripts/soak/steps/step';

// Page annotation: a lecture fixture page on 127.0.0.1 (a lecture site, annotated without asking)
// gets its concept marks, among them the ones these pages are known to have.

const PAGES = [
  { file: 'english.html', expect: ['backpropagation', 'gradient-descent', 'learning-rate'] },
  { file: 'chinese.html', expect: ['backpropagation', 'chain-rule', 'self-attention'] },
] as const;

const marked = (page: Page) => page.evaluate(() => [...new Set([...document.querySelectorAll('dl-concept')].map((e) => (e as HTMLElement).dataset.concept ?? ''))]);

export async function annotate(ctx: StepContext): Promise<void> {
  const fixture = PAGES[Math.floor(ctx.rng() * PAGES.length)]!;
  await runStep(ctx, `annotate ${fixture.file}`, async (): Promise<Verdict> => {
    const page = await openPage(ctx, `${ctx.lectures}/${fixture.file}`, { width: 1000, height: 800 });
    try {
      const deadline = Date.now() + 60_000;
      let found: string[] = [];
      while (Date.now() < deadline) {
        found = await marked(page);
        if (fixture.expect.every((c) => found.includes(c))) return pass;
        await page.waitForTimeout(250);
      }
      return fail(`marks after 60 s: [${found.join(', ')}], expected at least [${fixture.expect.join(', ')}]`);
    } finally {
      await closePage(ctx, page, 'lecture page');
    }
  });
}
