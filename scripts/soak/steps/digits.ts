import type { Page } from 'playwright-core';
import { closePage, fail, openPage, pass, runStep, type StepContext } from '@/scripts/soak/steps/step';

// Digit classification in the popup (opened as a tab): the pad's network loads, a stroke drawn
// with the mouse (as tests/e2e/digits.test.ts draws) gets a prediction.

type Stroke = [number, number][];

/** A few seeded shapes: a vertical bar, a ring, a seven; where they land moves a little. */
function shape(rng: () => number): Stroke {
  const dx = Math.round((rng() - 0.5) * 60);
  const kind = Math.floor(rng() * 3);
  if (kind === 0) return Array.from({ length: 12 }, (_, i) => [140 + dx, 50 + i * 16]);
  if (kind === 1) return Array.from({ length: 17 }, (_, i) => [140 + dx + 55 * Math.sin((i / 16) * 2 * Math.PI), 140 + 80 * Math.cos((i / 16) * 2 * Math.PI)]);
  return [[80 + dx, 50], [200 + dx, 50], [170 + dx, 110], [140 + dx, 170], [120 + dx, 230]];
}

async function draw(page: Page, points: Stroke): Promise<void> {
  const box = (await page.getByTestId('digit-pad').boundingBox())!;
  await page.mouse.move(box.x + points[0]![0], box.y + points[0]![1]);
  await page.mouse.down();
  for (const [x, y] of points.slice(1)) await page.mouse.move(box.x + x, box.y + y, { steps: 3 });
  await page.mouse.up();
}

export async function digits(ctx: StepContext): Promise<void> {
  const stroke = shape(ctx.rng);
  await runStep(ctx, 'digit pad', async () => {
    const page = await openPage(ctx, ctx.h.url('popup.html'), { width: 640, height: 900 });
    try {
      await page.getByTestId('digit-latency').filter({ hasText: /784-/ }).waitFor({ timeout: 60_000 });
      await draw(page, stroke);
      const prediction = page.getByTestId('digit-prediction');
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        if (/^\d$/.test(((await prediction.textContent()) ?? '').trim())) return pass;
        await page.waitForTimeout(100);
      }
      return fail(`no prediction 30 s after the stroke (shows "${await prediction.textContent()}")`);
    } finally {
      await closePage(ctx, page, 'popup (digit lab)');
    }
  });
}
