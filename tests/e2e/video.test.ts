import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serveStatic } from '@/scripts/static-server.mjs';
import { launch, ROOT, screenshot, tabIdOf, watchErrors, type Harness } from '@/tests/e2e/harness';
import { setOption } from '@/tests/e2e/options-page';

const markers = (page: Page) =>
  page.getByTestId('timeline-marker').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.concept}@${(e as HTMLElement).dataset.time}`));
const chips = (page: Page) => page.getByTestId('concept-chip').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.concept));

describe('lecture videos', () => {
  let h: Harness;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    h = await launch({ webgpu: false });
    server = await serveStatic(join(ROOT, 'tests', 'fixtures'));
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it('HTML5 video with tracks: timeline at the right times, seek on click, chips follow time, card from a chip', async () => {
    const page = await h.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/pages/video.html`);
    await page.getByTestId('timeline-marker').first().waitFor({ timeout: 15_000 });
    // English UI: the English track is chosen though Chinese comes first.
    expect(await markers(page)).toEqual(
      expect.arrayContaining(['loss-function@4', 'gradient-descent@8', 'backpropagation@13', 'chain-rule@18', 'transformer@23']),
    );
    // Reading the tracks never shows them: the page showed none, and still shows none.
    expect(await page.evaluate(() => [...(document.getElementById('v') as HTMLVideoElement).textTracks].map((t) => t.mode))).not.toContain(
      'showing',
    );

    await page.locator('[data-testid=timeline-marker][data-concept=backpropagation]').click();
    await expect.poll(() => page.evaluate(() => (document.getElementById('v') as HTMLVideoElement).currentTime)).toBeCloseTo(13, 1);
    await expect.poll(() => chips(page)).toContain('backpropagation');

    await page.evaluate(() => {
      (document.getElementById('v') as HTMLVideoElement).currentTime = 19;
    });
    await expect.poll(() => chips(page)).toEqual(expect.arrayContaining(['chain-rule']));
    expect(await chips(page)).not.toContain('backpropagation');

    // Chips sit over the top of the picture, clear of captions and controls at the bottom.
    const geo = await page.evaluate(() => {
      const v = document.getElementById('v')!.getBoundingClientRect();
      const root = document.querySelector('dl-tutor-root')!.shadowRoot!;
      const c = root.querySelector('[data-testid=concept-chip]')!.getBoundingClientRect();
      const tl = root.querySelector('[data-testid=concept-timeline]')!.getBoundingClientRect();
      return { vTop: v.top, vBottom: v.bottom, cBottom: c.bottom, tlTop: tl.top };
    });
    expect(geo.cBottom).toBeLessThan(geo.vTop + (geo.vBottom - geo.vTop) / 3);
    expect(geo.tlTop).toBeGreaterThanOrEqual(geo.vBottom);

    await page.locator('[data-testid=concept-chip][data-concept=chain-rule]').click();
    await expect.poll(() => page.getByTestId('concept-card').getAttribute('data-concept')).toBe('chain-rule');
    await screenshot(page, 'video-timeline');

    // Playing on its own: chips follow timeupdate.
    await page.keyboard.press('Escape');
    await page.evaluate(async () => {
      const v = document.getElementById('v') as HTMLVideoElement;
      v.currentTime = 7.5;
      await v.play();
    });
    await expect.poll(() => chips(page), { timeout: 5_000 }).toContain('gradient-descent');
    await page.evaluate(() => (document.getElementById('v') as HTMLVideoElement).pause());
    expect(errors).toEqual([]);
  });

  it('the side panel shows the outline, seeks, exports notes and takes a caption file', async () => {
    const page = await h.context.newPage();
    await page.goto(`${server.url}/pages/video.html`);
    await page.getByTestId('timeline-marker').first().waitFor({ timeout: 15_000 });
    const tabId = await tabIdOf(h, page);
    const panel = await h.context.newPage();
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.goto(h.url(`sidepanel.html?tab=${tabId}`));
    await panel.getByTestId('outline-concept').first().waitFor();
    const outline = await panel.getByTestId('outline-concept').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.concept));
    expect(outline.indexOf('loss-function')).toBeLessThan(outline.indexOf('backpropagation'));
    await screenshot(panel, 'sidepanel-video');

    await panel.locator('[data-testid=outline-time][data-time="18"]').first().click();
    await expect.poll(() => page.evaluate(() => (document.getElementById('v') as HTMLVideoElement).currentTime)).toBeCloseTo(18, 1);

    const download = panel.waitForEvent('download');
    await panel.getByTestId('export-notes').click();
    const file = await (await download).path();
    const md = (await import('node:fs')).readFileSync(file, 'utf8');
    expect(md).toContain('**backpropagation**');
    expect(md).toMatch(/\[0:13\]\(http:\/\/127\.0\.0\.1:\d+\/pages\/video\.html#t=13\)/);

    // A local SRT replaces the captions.
    await panel.getByTestId('caption-file').setInputFiles({
      name: 'mine.srt',
      mimeType: 'text/plain',
      buffer: Buffer.from('1\n00:00:02,000 --> 00:00:05,000\nDropout fights overfitting.\n'),
    });
    await expect.poll(() => markers(page)).toEqual(['dropout@2', 'overfitting@2']);
  });

  it('reads YouTube-shaped and Bilibili-shaped player data', async () => {
    const yt = await h.context.newPage();
    await yt.goto(`${server.url}/pages/youtube.html`);
    await yt.getByTestId('timeline-marker').first().waitFor({ timeout: 15_000 });
    // The human English track wins over the automatic one and the Chinese one.
    expect(await markers(yt)).toEqual(expect.arrayContaining(['backpropagation@13', 'chain-rule@18']));

    const bili = await h.context.newPage();
    await bili.goto(`${server.url}/pages/bilibili.html`);
    await bili.getByTestId('timeline-marker').first().waitFor({ timeout: 15_000 });
    expect(await markers(bili)).toEqual(expect.arrayContaining(['loss-function@4', 'backpropagation@13', 'self-attention@23']));
  });

  it('follows the player into fullscreen, and leaves no trace when turned off', async () => {
    const page = await h.context.newPage();
    await page.goto(`${server.url}/pages/video.html`);
    await page.getByTestId('timeline-marker').first().waitFor({ timeout: 15_000 });
    const before = await page.evaluate(() => [...(document.getElementById('v') as HTMLVideoElement).textTracks].map((t) => t.mode));

    // A player container in fullscreen (as YouTube's is): the layer moves into it.
    await page.evaluate(async () => {
      const v = document.getElementById('v')!;
      const box = document.createElement('div');
      box.id = 'player';
      v.replaceWith(box);
      box.append(v);
      await box.requestFullscreen();
    });
    await expect.poll(() => page.evaluate(() => document.querySelector('#player > dl-tutor-root') !== null)).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => page.evaluate(() => document.querySelector('html > dl-tutor-root') !== null)).toBe(true);

    const options = await h.context.newPage();
    await options.goto(h.url('options.html'));
    await setOption(options, 'option-enabled', 'enabled', false);
    await expect.poll(() => page.locator('dl-tutor-root').count()).toBe(0);
    // Tracks we switched to 'hidden' to read them are back to what the page had.
    expect(before).toContain('hidden');
    expect(await page.evaluate(() => [...(document.getElementById('v') as HTMLVideoElement).textTracks].map((t) => t.mode))).toEqual(
      before.map((m) => (m === 'hidden' ? 'disabled' : m)),
    );
    await setOption(options, 'option-enabled', 'enabled', true);
    await options.close();
  });

  it('follows YouTube in-page navigation to the next video', async () => {
    const yt = await h.context.newPage();
    await yt.goto(`${server.url}/pages/youtube.html`);
    await yt.getByTestId('timeline-marker').first().waitFor({ timeout: 15_000 });
    // What YouTube does: change the URL without loading a page, then announce it.
    await yt.evaluate(() => {
      history.pushState({}, '', '/pages/youtube-next.html');
      document.dispatchEvent(new Event('yt-navigate-finish'));
    });
    await expect.poll(() => markers(yt), { timeout: 15_000 }).toEqual(expect.arrayContaining(['dropout@1', 'overfitting@1', 'batch-normalization@6']));
    expect(await markers(yt)).not.toContain('backpropagation@13');
  });

  it('says so when a video has no captions', async () => {
    const page = await h.context.newPage();
    await page.goto(`${server.url}/pages/nocaptions.html`);
    const tabId = await tabIdOf(h, page);
    const panel = await h.context.newPage();
    await panel.goto(h.url(`sidepanel.html?tab=${tabId}`));
    await expect.poll(() => panel.getByTestId('video-no-captions').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('timeline-marker').count()).toBe(0);
  });
});
