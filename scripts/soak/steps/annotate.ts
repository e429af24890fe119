import type { Page } from 'playwright-core';
import { closePage, fail, openPage, pass, runStep, type StepContext, type Verdict } from '@/scripts/soak/steps/step';

// Page annotation: a lecture fixture page on 127.0.0.1 (a lecture site, annotated without asking)
// gets its concept marks, among them the ones these pages are known to have; then a card opens on
// one of them and gets its body from the background (bg.concept), whether or not the service
// worker was just stopped.

const PAGES = [
  { file: 'english.html', expect: ['backpropagation', 'gradient-descent', 'learning-rate'] },
  { file: 'chinese.html', expect: ['backpropagation', 'chain-rule', 'self-attention'] },
] as const;

const marked = (page: Page) => page.evaluate(() => [...new Set([...document.querySelectorAll('dl-concept')].map((e) => (e as HTMLElement).dataset.concept ?? ''))]);

/** Opens the card of a marked concept and waits for its body (or the card's failure message). */
async function openCard(page: Page, conceptId: string): Promise<Verdict> {
  await page.locator(`dl-concept[data-concept=${conceptId}]`).first().click();
  const card = page.getByTestId('concept-card');
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if ((await card.locator('.summary').count()) > 0) return pass;
    const failed = card.getByTestId('card-failed');
    if ((await failed.count()) > 0) return fail(`card ${conceptId}: ${await failed.textContent()}`);
    await page.waitForTimeout(100);
  }
  return fail(`card ${conceptId}: no body after 20 s`);
}

export async function annotate(ctx: StepContext): Promise<void> {
  const fixture = PAGES[Math.floor(ctx.rng() * PAGES.length)]!;
  await runStep(ctx, `annotate ${fixture.file}`, async (): Promise<Verdict> => {
    const page = await openPage(ctx, `${ctx.lectures}/${fixture.file}`, { width: 1000, height: 800 });
    try {
      const deadline = Date.now() + 60_000;
      let found: string[] = [];
      while (Date.now() < deadline) {
        found = await marked(page);
        if (fixture.expect.every((c) => found.includes(c))) return await openCard(page, fixture.expect[Math.floor(ctx.rng() * fixture.expect.length)]!);
        await page.waitForTimeout(250);
      }
      return fail(`marks after 60 s: [${found.join(', ')}], expected at least [${fixture.expect.join(', ')}]`);
    } finally {
      await closePage(ctx, page, 'lecture page');
    }
  });
}
