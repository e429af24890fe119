// The Backprop lab in Chromium with the built extension: draw, pick a target, follow
// the eight stages, step, undo, export (the JSON recomputed here independently), PNG; the speed
// of a recompute measured in the page; the entry points from the popup and the training lab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { launch, screenshot, SCREENSHOTS, watchErrors, type Harness } from '@/tests/e2e/harness';
import { exportedJson, exportedPng } from '@/tests/e2e/downloads';
import { recompute as recomputed, relDiff, type BackpropJson } from '@/tests/e2e/backprop-check';
import { recordMainThread, type MainTask } from '@/tests/e2e/main-thread-tasks';

async function stroke(page: Page, pad: Locator, points: [number, number][]) {
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + points[0]![0], box.y + points[0]![1]);
  await page.mouse.down();
  for (const [x, y] of points.slice(1)) await page.mouse.move(box.x + x, box.y + y, { steps: 3 });
  await page.mouse.up();
}

const vertical = (x: number): [number, number][] => Array.from({ length: 12 }, (_, i) => [x, 50 + i * 16] as [number, number]);

async function openLab(h: Harness, width: number, query = 'view=backprop'): Promise<{ page: Page; errors: string[] }> {
  const page = await h.context.newPage();
  const errors = watchErrors(page);
  await page.setViewportSize({ width, height: 1000 });
  await page.goto(h.url(`sidepanel.html?${query}`));
  await page.locator('[data-testid=backprop-lab][data-ready=true]').waitFor({ timeout: 60_000 });
  return { page, errors };
}

/** The extension's storage as an extension page sees it (typed here: the tests do not load @types/chrome). */
type Area = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
declare const chrome: { storage: { session: Area; local: Area } };

const num = async (l: Locator, attr: string) => Number(await l.getAttribute(attr));
const version = (page: Page) => num(page.getByTestId('backprop-lab'), 'data-version');
/** The deeper stages render a task or two after a change (use-staged.ts): wait for them. */
const settled = (page: Page) => page.locator('[data-testid=backprop-lab][data-settled=true]').waitFor();
const prediction = (page: Page) => page.getByTestId('bp-stage-example').getByTestId('digit-prediction').textContent();

describe('Backprop lab', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ webgpu: false });
  });
  afterAll(async () => h?.close());

  it('opens on a real MNIST digit, follows a drawing through the eight stages, steps, undoes and exports', async () => {
    const { page, errors } = await openLab(h, 420);
    // ?view=backprop opens with MNIST test digit #0 (a 7) already drawn, and the network's guess as the target.
    expect(await page.getByTestId('bp-sample-note').textContent()).toMatch(/#0 .*7/);
    expect(await prediction(page)).toBe('7');
    expect(await page.getByTestId('bp-cost').getAttribute('data-target')).toBe('7');

    // Draw a 1 and teach the network that it is a 7.
    await stroke(page, page.getByTestId('digit-pad'), vertical(140));
    await expect.poll(() => prediction(page)).toBe('1');
    await page.getByTestId('bp-target').selectOption('7');
    await expect.poll(() => page.getByTestId('bp-cost').getAttribute('data-target')).toBe('7');
    await settled(page);
    const cost = await num(page.getByTestId('bp-cost'), 'data-cost');
    expect(cost).toBeGreaterThan(0.5);
    expect(await page.getByTestId('bp-cost').textContent()).toContain('ln');

    // 2: the target wants up, every other output down.
    const wants = await page.getByTestId('bp-stage-want').locator('li').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-want'))));
    expect(wants.length).toBe(10);
    wants.forEach((w, j) => (j === 7 ? expect(w).toBeGreaterThan(0) : expect(w).toBeLessThanOrEqual(0)));
    // 3: the levers of output 7, then of output 1.
    await page.getByTestId('bp-output').selectOption('1');
    await settled(page);
    const delta1 = await num(page.getByTestId('bp-output-delta'), 'data-delta');
    expect(delta1).toBeGreaterThan(0);
    expect(await page.getByTestId('bp-lever-weights').locator('.bp-lever-row').count()).toBeGreaterThan(0);
    // 4: delta of both hidden layers.
    await page.getByTestId('bp-hop-3').waitFor();
    await page.getByTestId('bp-hop-2').waitFor();
    // 5: links drawn, only inked pixels' first-layer weights move.
    expect(await num(page.getByTestId('bp-net'), 'data-links')).toBeGreaterThan(100);
    const note = page.getByTestId('bp-first-layer-note');
    expect(await num(note, 'data-moving')).toBeGreaterThan(0);
    expect(await num(note, 'data-moving')).toBeLessThanOrEqual(16 * (await num(note, 'data-inked')));

    // 6: click a link in the picture, then pick one by keyboard; the chain rule's product is backprop's number.
    const net = (await page.getByTestId('bp-net').boundingBox())!;
    await page.mouse.click(net.x + net.width * 0.77, net.y + net.height * 0.5);
    const chain = page.getByTestId('bp-chain');
    const check = async () => {
      const product = await num(chain, 'data-product');
      const grad = await num(chain, 'data-grad');
      expect(Math.abs(product - grad)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(grad)));
    };
    await check();
    await page.getByTestId('bp-link-l').selectOption('2');
    await page.getByTestId('bp-link-j').fill('3');
    await page.getByTestId('bp-link-k').fill('5');
    await expect.poll(() => chain.getAttribute('data-factors')).toMatch(/,/);
    await check();
    expect(await chain.locator('.katex').count()).toBe(1);
    expect(await page.getByTestId('bp-chain-numbers').textContent()).toMatch(/^= .*×.*= /);

    // The learning rate, by keyboard: 10 notches of the log scale up from 0.01.
    const eta = page.getByTestId('bp-eta');
    await eta.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    const etaValue = await num(page.getByTestId('bp-eta-value'), 'data-eta');
    expect(etaValue).toBe(0.025);

    // Export: everything needed to recompute the view, recomputed here independently.
    const first = await exportedJson<BackpropJson>(page);
    expect(first.format).toBe('dl-tutor-backprop');
    expect(first.sizes).toEqual([784, 16, 16, 10]);
    expect(first.W[0]).toBeNull();
    expect(first.W[1]!.length).toBe(16);
    expect(first.W[1]![0]!.length).toBe(784);
    expect(first.target).toBe(7);
    expect(first.eta).toBe(etaValue);
    const r = recomputed(first);
    expect(relDiff(first.a, r.a)).toBeLessThan(1e-12);
    expect(relDiff(first.z.slice(1), r.z.slice(1))).toBeLessThan(1e-12);
    expect(Math.abs(first.cost_value - r.cost)).toBeLessThan(1e-12 * r.cost);
    for (let l = 1; l <= 3; l++) {
      expect(relDiff(first.delta[l], r.delta[l]), `delta ${l}`).toBeLessThan(1e-10);
      expect(relDiff(first.grad_W[l], r.gradW[l]), `grad_W ${l}`).toBeLessThan(1e-10);
      expect(relDiff(first.grad_b[l], r.delta[l]), `grad_b ${l}`).toBeLessThan(1e-10);
    }
    // Only pixels with ink have a nonzero first-layer gradient.
    first.grad_W[1]!.forEach((row) => row.forEach((g, k) => (first.x[k] === 0 ? expect(g).toBe(0) : undefined)));

    // 7: one step by keyboard; before/after here and on 1,000 test digits.
    await expect.poll(() => page.getByTestId('bp-acc-now').getAttribute('data-acc'), { timeout: 30_000 }).not.toBe('');
    const before = await version(page);
    await page.getByTestId('bp-step').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('bp-steps').getAttribute('data-steps')).toBe('1');
    expect(await version(page)).toBe(before + 1);
    const report = page.getByTestId('bp-step-report');
    expect(await num(report, 'data-cost-after')).toBeLessThan(await num(report, 'data-cost-before'));
    await expect.poll(() => page.getByTestId('bp-acc-after').getAttribute('data-acc'), { timeout: 30_000 }).not.toBe('');
    const accBefore = await num(page.getByTestId('bp-acc-before'), 'data-acc');
    const accAfter = await num(page.getByTestId('bp-acc-after'), 'data-acc');
    console.log(`[backprop] one step, eta ${etaValue}: C0 ${await report.getAttribute('data-cost-before')} -> ${await report.getAttribute('data-cost-after')}, accuracy on 1,000 MNIST test digits ${accBefore} -> ${accAfter}`);
    expect(accBefore).toBeGreaterThan(0.9);

    // A second export: W and b are the first's minus eta times its gradients; "after" was right.
    const second = await exportedJson<BackpropJson>(page);
    expect(second.steps).toBe(1);
    expect(second.eta).toBe(first.eta);
    for (let l = 1; l <= 3; l++) {
      const expectW = first.W[l]!.map((row, j) => row.map((w, k) => w - first.eta * first.grad_W[l]![j]![k]!));
      const expectB = first.b[l]!.map((b, j) => b - first.eta * first.grad_b[l]![j]!);
      expect(relDiff(second.W[l], expectW), `W ${l}`).toBeLessThan(1e-14);
      expect(relDiff(second.b[l], expectB), `b ${l}`).toBeLessThan(1e-14);
    }
    expect(relDiff(second.a[3], first.after.a_L)).toBeLessThan(1e-12);
    expect(Math.abs(second.cost_value - first.after.cost_value)).toBeLessThanOrEqual(1e-12 * first.after.cost_value + 1e-300);

    // Undo: back to the first network exactly.
    await page.getByTestId('bp-undo').click();
    await expect.poll(() => page.getByTestId('bp-steps').getAttribute('data-steps')).toBe('0');
    const third = await exportedJson<BackpropJson>(page);
    expect(third.W).toEqual(first.W);
    expect(third.b).toEqual(first.b);

    // 8: a mini-batch of 64 (this example and MNIST training digits) against the single step.
    await settled(page);
    await page.getByTestId('bp-batch-size').selectOption('64');
    await page.getByTestId('bp-batch-compute').click();
    const batch = page.getByTestId('bp-batch-result');
    await batch.waitFor();
    expect(await batch.getAttribute('data-m')).toBe('64');
    const cos = await num(batch, 'data-cosine');
    expect(cos).toBeGreaterThan(-1);
    expect(cos).toBeLessThan(1);
    await expect.poll(() => page.getByTestId('bp-batch-acc').textContent(), { timeout: 30_000 }).toMatch(/%.*%/);
    await page.getByTestId('bp-batch-apply').click();
    await expect.poll(() => page.getByTestId('bp-step-report').getAttribute('data-kind')).toBe('batch');
    await page.getByTestId('bp-reset').click();
    await expect.poll(() => page.getByTestId('bp-steps').getAttribute('data-steps')).toBe('0');
    expect((await exportedJson<BackpropJson>(page)).W).toEqual(first.W);

    const png = await exportedPng(page);
    expect(png.name).toMatch(/^dl-tutor-backprop-.*\.png$/);
    expect(png.width).toBeGreaterThan(300);
    expect(png.distinctBytes).toBeGreaterThan(50);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('screenshots: the lab on its sample digit, and after one step', async () => {
    const { page, errors } = await openLab(h, 420);
    await page.getByTestId('bp-target').selectOption('3');
    await page.getByTestId('bp-step').click();
    await expect.poll(() => page.getByTestId('bp-acc-after').getAttribute('data-acc'), { timeout: 30_000 }).not.toBe('');
    await screenshot(page, 'backprop-lab');
    await page.getByTestId('bp-stage-gradient').screenshot({ path: join(SCREENSHOTS, 'backprop-gradient.png') });
    await page.getByTestId('bp-stage-chain').screenshot({ path: join(SCREENSHOTS, 'backprop-chain-rule.png') });
    await page.getByTestId('bp-stage-step').screenshot({ path: join(SCREENSHOTS, 'backprop-step.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  // Speed: forward + backward for one example and a 64-example mini-batch gradient,
  // timed in the page around the compute; no task of the panel's main thread over 50 ms of its CPU
  // while drawing, changing the target, dragging the learning rate and stepping.
  // CPU time per task is stretched too when the machine is far oversubscribed (load 24 on 2 cores
  // measured beside this suite): a retry absorbs that, never a slow build.
  it('recomputes in well under a frame and never blocks the panel', { retry: 2 }, async () => {
    const fresh = await launch({ webgpu: false });
    try {
      const { page, errors } = await openLab(fresh, 420);
      const pad = page.getByTestId('digit-pad');
      // Native input only (keys, mouse): a test's injected scripts would run in the page's own tasks.
      const phases: Record<string, () => Promise<void>> = {
        draw: async () => {
          await stroke(page, pad, vertical(120));
          await stroke(page, pad, [[80, 60], [140, 60], [200, 60]]);
        },
        target: async () => {
          await page.getByTestId('bp-target').focus();
          for (let i = 0; i < 60; i++) await page.keyboard.press(i % 20 < 10 ? 'ArrowDown' : 'ArrowUp');
        },
        eta: async () => {
          const box = (await page.getByTestId('bp-eta').boundingBox())!;
          await page.mouse.move(box.x + 2, box.y + box.height / 2);
          await page.mouse.down();
          for (let x = 2; x < box.width * 0.5; x += 6) await page.mouse.move(box.x + x, box.y + box.height / 2);
          await page.mouse.up();
        },
        step: async () => {
          await page.getByTestId('bp-step').focus();
          for (let i = 0; i < 5; i++) {
            await page.keyboard.press('Enter');
            await expect.poll(() => page.getByTestId('bp-steps').getAttribute('data-steps')).toBe(String(i + 1));
          }
          await expect.poll(() => page.getByTestId('bp-acc-now').getAttribute('data-acc'), { timeout: 30_000 }).not.toBe('');
        },
      };
      const tasks: (MainTask & { phase: string })[] = [];
      for (const [phase, run] of Object.entries(phases)) {
        const recording = await recordMainThread(fresh, page);
        await run();
        await settled(page);
        tasks.push(...(await recording.stop()).map((t) => ({ ...t, phase })));
      }
      for (let i = 0; i < 15; i++) {
        await page.getByTestId('bp-batch-compute').click();
        await expect.poll(() => page.getByTestId('bp-timing').getAttribute('data-batch-n')).toBe(String(i + 1));
      }
      const timing = page.getByTestId('bp-timing');
      const computeMedian = await num(timing, 'data-compute-median');
      const computeN = await num(timing, 'data-compute-n');
      const batchMedian = await num(timing, 'data-batch-median');
      const longest = tasks.reduce((m, t) => (t.tdur > m.tdur ? t : m), { dur: 0, tdur: 0, script: 0, inner: '', phase: '' });
      const longestWall = Math.max(...tasks.map((t) => t.dur));
      console.log(
        `[bench backprop] forward+backward of one example: median ${computeMedian.toFixed(3)} ms (n = ${computeN}, budget 4 ms); ` +
          `64-example mini-batch gradient: median ${batchMedian.toFixed(3)} ms (n = 15, budget 16 ms); ` +
          `panel main thread while drawing, retargeting, dragging eta and stepping: ${tasks.length} tasks, longest ${longest.tdur.toFixed(1)} ms CPU (${longest.dur.toFixed(1)} ms wall, ${longest.phase}), longest wall ${longestWall.toFixed(1)} ms; over 16 ms CPU: ${tasks.filter((t) => t.tdur > 16).map((t) => `${t.phase} ${t.tdur.toFixed(0)}/${t.dur.toFixed(0)}`).join(', ') || 'none'}`,
      );
      for (const t of tasks.filter((x) => x.tdur > 50)) {
        console.log(`[backprop] long task (${t.phase}): ${t.tdur.toFixed(1)} ms CPU (script ${t.script.toFixed(1)}), ${t.dur.toFixed(1)} ms wall: ${t.inner || 'no traced work inside'}`);
      }

      expect(computeN).toBeGreaterThanOrEqual(60);
      // Sanity bounds only, far above the budgets: the numbers themselves are in the log line above.
      expect(computeMedian).toBeLessThan(50);
      expect(batchMedian).toBeLessThan(200);
      expect(tasks.some((t) => t.tdur < t.dur)).toBe(true); // the trace carries thread time
      // A task of over 50 ms CPU is the lab's when its script was 50 ms or the larger part of it; the
      // browser's own (a 79-102 ms task with nothing traced inside showed up on the loaded 2-core
      // machine, during mouse drags too) is printed above for a reader, as hostile-attribution.ts does.
      expect(tasks.filter((t) => t.tdur > 50 && (t.script >= 50 || 2 * t.script >= t.tdur))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('takes the popup\'s drawing ("Why? / Teach it") and a saved network from the training lab', async () => {
    const popup = await h.context.newPage();
    const errors = watchErrors(popup);
    await popup.setViewportSize({ width: 640, height: 900 });
    // The digit lab as a tab (a card's "Try it"): the real popup closes itself after handing over.
    await popup.goto(h.url('popup.html?lab=digits'));
    await expect.poll(() => popup.getByTestId('digit-latency').textContent(), { timeout: 30_000 }).toMatch(/784-/);
    await stroke(popup, popup.getByTestId('digit-pad'), vertical(140));
    await expect.poll(() => popup.getByTestId('digit-prediction').textContent()).toBe('1');
    // A test cannot see the browser's side panel; were it opened, it would take the drawing before the
    // page below does. So its opening is stubbed, and the panel's page is opened as a tab.
    await popup.evaluate(() => {
      (globalThis as unknown as { chrome: { sidePanel: { open: () => Promise<void> } } }).chrome.sidePanel.open = () => Promise.resolve();
    });
    await popup.getByTestId('digit-teach').click();
    // The drawing waits in session storage for the side panel.
    await expect
      .poll(() => popup.evaluate(() => chrome.storage.session.get('backpropHandoff').then((v: Record<string, unknown>) => (v.backpropHandoff as { x?: string } | undefined)?.x?.length ?? 0)))
      .toBeGreaterThan(1000);
    const panel = await h.context.newPage();
    panel.on('pageerror', (e) => errors.push(e.message));
    await panel.setViewportSize({ width: 420, height: 1000 });
    await panel.goto(h.url('sidepanel.html'));
    await panel.locator('[data-testid=backprop-lab][data-ready=true]').waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('tab-backprop').getAttribute('aria-selected')).toBe('true');
    expect(await panel.getByTestId('bp-sample-note').textContent()).toMatch(/sent/);
    expect(await prediction(panel)).toBe('1');
    // Taken once: the handoff is cleared.
    await expect.poll(() => panel.evaluate(() => chrome.storage.session.get('backpropHandoff').then((v: Record<string, unknown>) => v.backpropHandoff ?? null))).toBeNull();

    // A saved sigmoid + quadratic network (the lessons' own), opened from the training lab.
    await panel.evaluate(() => {
      let s = 7;
      const r = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 0.3;
      const sizes = [784, 16, 16, 10];
      const W = [1, 2, 3].map((l) => Array.from({ length: sizes[l]! * sizes[l - 1]! }, r));
      const b = [1, 2, 3].map((l) => Array.from({ length: sizes[l]! }, r));
      return chrome.storage.local.set({ savedNets: [{ id: 'net-quad', name: 'quadratic test net', createdAt: 1, sizes, activation: 'sigmoid', cost: 'quadratic', W, b }] });
    });
    await panel.getByTestId('tab-training').click();
    await panel.locator('[data-testid=saved-net][data-id=net-quad] [data-testid=open-backprop]').click();
    await expect.poll(() => panel.getByTestId('bp-network').inputValue()).toBe('net-quad');
    await expect.poll(() => panel.getByTestId('bp-cost').textContent()).toContain('∑');
    const json = await exportedJson<BackpropJson>(panel);
    expect(json.cost).toBe('quadratic');
    expect(json.activation).toBe('sigmoid');
    const r = recomputed(json);
    expect(Math.abs(json.cost_value - r.cost)).toBeLessThan(1e-12 * r.cost);
    for (let l = 1; l <= 3; l++) expect(relDiff(json.grad_W[l], r.gradW[l]), `grad_W ${l}`).toBeLessThan(1e-10);
    // The saved network itself is untouched by a step.
    await panel.getByTestId('bp-step').click();
    await expect.poll(() => panel.getByTestId('bp-steps').getAttribute('data-steps')).toBe('1');
    const stored = await panel.evaluate(() => chrome.storage.local.get('savedNets').then((v: Record<string, unknown>) => (v.savedNets as { W: number[][] }[])[0]!.W[2]![0]));
    expect(stored).toBe(json.W[3]![0]![0]);
    expect(errors).toEqual([]);
    await popup.close();
    await panel.close();
  });
});

describe('Backprop lab in dark theme, Chinese UI, 320 px wide', () => {
  it('fits and reads in Chinese', async () => {
    const h = await launch({ webgpu: false, colorScheme: 'dark', locale: 'zh-CN' });
    try {
      const { page, errors } = await openLab(h, 320);
      expect(await page.getByTestId('tab-backprop').textContent()).toBe('反向传播');
      expect(await page.getByTestId('bp-stage-step').textContent()).toContain('走一步');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.locator('[data-testid=backprop-lab][data-settled=true]').waitFor();
      await page.getByTestId('bp-stage-gradient').screenshot({ path: join(SCREENSHOTS, 'backprop-dark-zh-320.png') });
      await page.getByTestId('bp-stage-example').screenshot({ path: join(SCREENSHOTS, 'backprop-cost-dark-zh-320.png') });
      expect(errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
