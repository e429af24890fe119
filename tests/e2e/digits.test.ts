import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, screenshot, watchErrors, type Harness } from '@/tests/e2e/harness';
import { causedByExtension, record } from '@/tests/e2e/hostile-attribution';

async function stroke(page: Page, points: [number, number][]) {
  const box = (await page.getByTestId('digit-pad').boundingBox())!;
  await page.mouse.move(box.x + points[0]![0], box.y + points[0]![1]);
  await page.mouse.down();
  for (const [x, y] of points.slice(1)) await page.mouse.move(box.x + x, box.y + y, { steps: 3 });
  await page.mouse.up();
}

const vertical = (x: number): [number, number][] => Array.from({ length: 12 }, (_, i) => [x, 50 + i * 16] as [number, number]);

describe('digit lab in the popup', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ webgpu: false });
  });
  afterAll(async () => h?.close());

  it('says "draw a digit" on a blank pad, classifies a drawing live, and goes blank again on clear', async () => {
    const page = await h.context.newPage();
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 640, height: 900 });
    await page.goto(h.url('popup.html'));
    const prediction = page.getByTestId('digit-prediction');
    await expect.poll(() => prediction.textContent()).toBe('draw a digit');
    // Wait until the model is loaded (the model line names the network).
    await expect.poll(() => page.getByTestId('digit-latency').textContent(), { timeout: 30_000 }).toMatch(/784-/);

    await stroke(page, vertical(140));
    await expect.poll(() => prediction.textContent()).toBe('1');
    const bars = await page.getByTestId('digit-probs').innerText();
    expect(bars).toMatch(/%/);
    await screenshot(page, 'popup-digit-lab');

    // Label it and keep it for training.
    await page.getByTestId('add-drawing-label').selectOption('1');
    await page.getByTestId('add-drawing-button').click();
    await expect.poll(() => page.getByTestId('added-count').textContent()).toMatch(/: 1$/);

    await page.getByTestId('digit-clear').click();
    await expect.poll(() => prediction.textContent()).toBe('draw a digit');
    expect(errors).toEqual([]);
    // Nothing of this page may share the renderer's time with the timing below.
    await page.close();
  });

  // The popup is opened to draw at once: it must not freeze while it starts. It used to start an
  // onnxruntime WASM session for the digit network, about a second of this thread (which the
  // extension's pages share) compiling WASM and registering kernels, in tasks of up to 2.6 s; the
  // network now runs on the reference forward pass. Each task of the popup's renderer with over
  // 50 ms of main-thread CPU is checked against CPU samples (hostile-attribution.ts): the ones
  // where the extension's scripts (the popup's, and the offscreen host's on the same thread) were
  // the larger part, or 50 ms, fail. The browser's own work (parsing, style, GC) is reported.
  it('opens without a long task of its own, from navigation until it is ready to draw', { retry: 2 }, async () => {
    const fresh = await launch({ webgpu: false });
    const page = await fresh.context.newPage();
    await page.setViewportSize({ width: 640, height: 900 });
    await page.goto(h.url('popup.html'), { waitUntil: 'commit' });
    const recording = await record(fresh, page);
    await expect.poll(() => page.getByTestId('digit-latency').textContent(), { timeout: 30_000 }).toMatch(/784-/);
    await page.getByTestId('host-threads').waitFor({ timeout: 60_000 });
    // What the start left queued runs before the recording stops: the main thread idles first.
    await page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 5000 })));
    // Strokes are timed by the latency test below (a test's synthetic pointer events arrive many
    // to a frame, so they would be measured as one task here).
    const tasks = await recording.stop();
    console.log(`[popup start] tasks over 50 ms of wall time (at ms: wall/cpu, the extension's share): ${tasks.map((t) => `${t.at}:${t.duration}ms/cpu ${t.cpu}ms(extension ${t.extension}ms)`).join(' ') || 'none'}`);
    await stroke(page, vertical(140));
    await expect.poll(() => page.getByTestId('digit-prediction').textContent()).toBe('1');
    await fresh.close();
    expect(causedByExtension(tasks.map((t) => ({ ...t, evaluation: false })))).toEqual([]);
  });

  // The pad times itself, from each stroke event to its bars painted (wall clock). A trace of the
  // popup's renderer cannot stand in here: the popup shares it with the offscreen document, whose
  // tasks (the host's start, its relays) land between strokes, and a trace's CPU time does not
  // hold still on a loaded machine either (the handler's task measured 13-27 ms of CPU at load
  // average 14). So the budget is calibrated in the same page: 16 ms on the quiet 2-core machine,
  // scaled by how much slower a fixed piece of this thread's work runs now than it ran there.
  it('updates the bars within 16 ms of a stroke event (p95, after the model is warm, scaled by the machine)', { retry: 2 }, async () => {
    // A browser of its own: nothing of the test above (its pages, storage, host) shares the renderer.
    const fresh = await launch({ webgpu: false });
    const page = await fresh.context.newPage();
    await page.setViewportSize({ width: 640, height: 900 });
    await page.goto(h.url('popup.html'));
    await expect.poll(() => page.getByTestId('digit-latency').textContent(), { timeout: 60_000 }).toMatch(/784-/);
    // The popup also asks the model host for its status, which starts the host's worker: let that
    // settle first, so the timing is the digit pad's own path and not the host's start-up.
    await page.getByTestId('host-threads').waitFor({ timeout: 60_000 });
    await page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 5000 })));
    const before = await referenceMs(page);
    for (let i = 0; i < 6; i++) {
      await stroke(page, vertical(80 + i * 25));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const after = await referenceMs(page);
    const lat = page.getByTestId('digit-latency');
    const n = Number(await lat.getAttribute('data-n'));
    const p95 = Number(await lat.getAttribute('data-p95'));
    // The quicker of the two: the first can still share the thread with the host's start.
    const slower = Math.max(1, Math.min(before, after) / REFERENCE_QUIET_MS);
    const budget = 16 * slower;
    console.log(
      `[digit latency] stroke event -> bars: p95 ${p95} ms over ${n} updates; reference work ${before.toFixed(2)} / ${after.toFixed(2)} ms ` +
        `(quiet machine ${REFERENCE_QUIET_MS} ms): budget 16 ms x ${slower.toFixed(2)} = ${budget.toFixed(1)} ms`,
    );
    await fresh.close();
    expect(n).toBeGreaterThanOrEqual(20);
    // Most of the old 13-19 ms was Chromium holding each pointermove for the next animation frame;
    // the pad now reads pointerrawupdate, which arrives with the input.
    expect(p95).toBeLessThanOrEqual(budget);
  });
});

/**
 * The reference work's time on the quiet 2-core machine (3.81 ms after the strokes in two runs, the
 * pad at 4.2-4.6 ms p95 there; measured 2026-12-07 with this test and the factor printed).
 */
const REFERENCE_QUIET_MS = 3.8;

/**
 * How fast the page's main thread runs right now: the median wall time of seven runs of a fixed
 * multiply-add loop over typed arrays (the kind of work the pad's forward pass does), in the page.
 */
function referenceMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const a = new Float32Array(1 << 16);
    const b = new Float32Array(1 << 16);
    for (let i = 0; i < a.length; i++) {
      a[i] = (i % 97) / 97;
      b[i] = (i % 89) / 89;
    }
    const times: number[] = [];
    let sink = 0;
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      for (let k = 0; k < 40; k++) for (let i = 0; i < a.length; i++) sink += a[i]! * b[i]!;
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    return times[3]! + (sink === -1 ? 1 : 0);
  });
}
