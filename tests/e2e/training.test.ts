import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshot, watchErrors, type Harness } from './harness';

describe('training lab (side panel)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ webgpu: false });
  });
  afterAll(async () => h?.close());

  it('trains 784-16-16-10 with Adam in the browser: curves, test accuracy, confusion matrix, gallery', async () => {
    const page = await h.context.newPage();
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 420, height: 1400 });
    await page.goto(h.url('sidepanel.html?lab=training&optimizer=adam'));
    expect(await page.getByTestId('train-optimizer').inputValue()).toBe('adam');
    await page.getByTestId('train-epochs').fill('2');
    await page.getByTestId('train-epochs').dispatchEvent('change');
    await page.getByTestId('train-start').click();
    await page.getByTestId('test-accuracy').waitFor({ timeout: 120_000 });
    const acc = parseFloat((await page.getByTestId('test-accuracy').textContent()) ?? '0');
    console.log(`[training lab] 2 epochs of Adam on the 10k subset: test accuracy ${acc}%`);
    // Two epochs on 10k images: far above chance (10%), short of the full-data 96%.
    expect(acc).toBeGreaterThan(80);
    expect(await page.locator('[data-testid=loss-chart] polyline').count()).toBe(1);
    const counts = await page.locator('[data-testid=confusion-matrix] td').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.count)));
    expect(counts).toHaveLength(100);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(await page.locator('[data-testid=misclassified] canvas').count()).toBeGreaterThan(0);
    await screenshot(page, 'training-lab');
    expect(errors).toEqual([]);
  });

  it('stops a diverging run and says so, keeping nothing', async () => {
    const page = await h.context.newPage();
    await page.goto(h.url('sidepanel.html?lab=training&optimizer=sgd'));
    await page.getByTestId('train-eta').fill('100000');
    await page.getByTestId('train-eta').dispatchEvent('change');
    await page.getByTestId('train-start').click();
    await expect.poll(() => page.getByTestId('train-status').getAttribute('data-phase'), { timeout: 60_000 }).toBe('diverged');
    expect(await page.getByTestId('train-message').textContent()).toMatch(/smaller learning rate/);
    expect(await page.getByTestId('test-accuracy').count()).toBe(0);
  });

  it('pauses and resumes', async () => {
    const page = await h.context.newPage();
    await page.goto(h.url('sidepanel.html?lab=training'));
    await page.getByTestId('train-epochs').fill('20');
    await page.getByTestId('train-epochs').dispatchEvent('change');
    await page.getByTestId('train-start').click();
    await expect.poll(() => page.locator('[data-testid=loss-chart] polyline').getAttribute('points'), { timeout: 30_000 }).toMatch(/,/);
    await page.getByTestId('train-pause').click();
    expect(await page.getByTestId('train-status').getAttribute('data-phase')).toBe('paused');
    const at = (await page.locator('[data-testid=loss-chart] polyline').getAttribute('points'))!.split(' ').length;
    await page.waitForTimeout(500);
    expect((await page.locator('[data-testid=loss-chart] polyline').getAttribute('points'))!.split(' ').length).toBe(at);
    await page.getByTestId('train-resume').click();
    await expect
      .poll(async () => (await page.locator('[data-testid=loss-chart] polyline').getAttribute('points'))!.split(' ').length, { timeout: 30_000 })
      .toBeGreaterThan(at);
    await page.getByTestId('train-reset').click();
    expect(await page.getByTestId('train-status').getAttribute('data-phase')).toBe('idle');
  });
});
