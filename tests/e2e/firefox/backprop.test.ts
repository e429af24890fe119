// The Backprop lab in Firefox ESR: draw a digit, pick a target, follow the stages,
// step, undo, export; the JSON recomputed here independently. Firefox's downloads are not
// reachable from WebDriver BiDi, so the exported file is read from the blob the page saves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { attr, launchFirefox, poll, text, type FirefoxHarness } from '@/tests/e2e/firefox/firefox-harness';
import { recompute, relDiff, type BackpropJson } from '@/tests/e2e/backprop-check';

/** Clicks "Export JSON" and returns what the page offered for download. */
async function exported(page: Page): Promise<BackpropJson> {
  await page.evaluate(() => {
    const w = window as unknown as { __saved?: Promise<string> };
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download.endsWith('.json')) w.__saved = fetch(this.href).then((r) => r.text());
      else original.call(this);
    };
  });
  await page.click('[data-testid=export-json]');
  return JSON.parse(await page.evaluate(() => (window as unknown as { __saved: Promise<string> }).__saved)) as BackpropJson;
}

const settled = (page: Page) => page.waitForSelector('[data-testid=backprop-lab][data-settled=true]');
const num = async (page: Page, testid: string, name: string) => Number(await attr(page, testid, name));

describe('Firefox: the Backprop lab', () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    h = await launchFirefox();
  });
  afterAll(async () => h?.close());

  it('draws, retargets, follows the stages, steps, undoes and exports what it shows', async () => {
    const page = await h.openExtensionPage('sidepanel.html?view=backprop');
    await page.setViewport({ width: 420, height: 1200 });
    await page.waitForSelector('[data-testid=backprop-lab][data-ready=true]', { timeout: 60_000 });
    expect(await text(page, 'bp-sample-note')).toMatch(/#0 .*7/);

    const pad = (await page.$('[data-testid=digit-pad]'))!;
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 140, box.y + 50);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 140, box.y + 50 + i * 15);
    await page.mouse.up();
    const prediction = () => page.$eval('[data-testid=bp-stage-example] [data-testid=digit-prediction]', (e) => e.textContent);
    expect(await poll(prediction, (s) => s === '1')).toBe('1');
    await page.select('[data-testid=bp-target]', '7');
    expect(await poll(() => attr(page, 'bp-cost', 'data-target'), (v) => v === '7')).toBe('7');
    await settled(page);
    // The stages are there and agree: the chain rule's product is backprop's number.
    for (const id of ['want', 'levers', 'flow', 'gradient', 'chain', 'step', 'batch']) await page.waitForSelector(`[data-testid=bp-stage-${id}]`);
    expect(await num(page, 'bp-net', 'data-links')).toBeGreaterThan(100);
    const product = await num(page, 'bp-chain', 'data-product');
    const grad = await num(page, 'bp-chain', 'data-grad');
    expect(Math.abs(product - grad)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(grad)));

    const first = await exported(page);
    expect(first.target).toBe(7);
    const r = recompute(first);
    expect(Math.abs(first.cost_value - r.cost)).toBeLessThan(1e-12 * r.cost);
    for (let l = 1; l <= 3; l++) expect(relDiff(first.grad_W[l], r.gradW[l]), `grad_W ${l}`).toBeLessThan(1e-10);

    await page.click('[data-testid=bp-step]');
    expect(await poll(() => attr(page, 'bp-steps', 'data-steps'), (v) => v === '1')).toBe('1');
    expect(await num(page, 'bp-step-report', 'data-cost-after')).toBeLessThan(await num(page, 'bp-step-report', 'data-cost-before'));
    expect(await poll(() => attr(page, 'bp-acc-after', 'data-acc'), (v) => !!v, 60_000)).toMatch(/^0\.\d+/);
    const second = await exported(page);
    for (let l = 1; l <= 3; l++) {
      const expectW = first.W[l]!.map((row, j) => row.map((w, k) => w - first.eta * first.grad_W[l]![j]![k]!));
      expect(relDiff(second.W[l], expectW), `W ${l}`).toBeLessThan(1e-14);
    }
    await page.click('[data-testid=bp-undo]');
    expect(await poll(() => attr(page, 'bp-steps', 'data-steps'), (v) => v === '0')).toBe('0');
    expect((await exported(page)).W).toEqual(first.W);

    await page.click('[data-testid=bp-batch-compute]');
    await page.waitForSelector('[data-testid=bp-batch-result]');
    const compute = await num(page, 'bp-timing', 'data-compute-median');
    const batch = await num(page, 'bp-timing', 'data-batch-median');
    console.log(`[bench backprop firefox] forward+backward of one example: median ${compute.toFixed(3)} ms (n = ${await attr(page, 'bp-timing', 'data-compute-n')}); 64-example mini-batch gradient: ${batch.toFixed(3)} ms`);
    await page.close();
  });

  it('reports no errors from the extension', () => {
    expect(h.errors()).toEqual([]);
  });
});
