import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@/scripts/static-server.mjs';
import { makeBigPage } from '@/tests/e2e/big-page';
import { CLOCK_MARK, LONG_TASK_MS, traceTasks } from '@/scripts/browser/long-tasks';
import type { TraceEvent } from '@/scripts/browser/trace-event';
import { launch, type Harness } from '@/tests/e2e/harness';

describe('a 2 MB lecture page', () => {
  let h: Harness;
  let dir: string;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    dir = makeBigPage();
    h = await launch({ webgpu: false });
    server = await serveStatic(dir);
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // A long task is one with over 50 ms of the main thread's CPU (trace thread time,
  // scripts/browser/long-tasks.ts): a busy machine stretches an 8 ms slice's wall time, not its
  // work. What is held to 50 ms is each task's work besides rendering: the annotator's slices, the
  // content script's messages. Rendering (style, layout, paint of a frame) is the page's: every
  // frame after a mark went in lays out the body's ~38,000 blocks again, 15-40 ms of CPU on the
  // 2-core machine and more when it is loaded, whatever the size of the change; it is reported.
  // The retries are for a virtual machine's stall, which can charge a page fault tens of ms of
  // thread time (panel-long-tasks.test.ts); the annotator itself never runs unsliced.
  it('is annotated in slices: no task of the extension over 50 ms once annotation runs', { retry: 2 }, async () => {
    expect(statSync(join(dir, 'big.html')).size).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    const page = await h.context.newPage();
    let events: TraceEvent[] = [];
    let thread: { pid: number; tid: number } | undefined;
    const rec = await traceTasks(page, {
      categories: ['blink'],
      onEvents: (e, main) => {
        events = e;
        thread = main;
      },
    });
    const t0 = Date.now();
    await page.goto(`${server.url}/big.html`, { timeout: 60_000 });
    await page.waitForFunction(() => (window as unknown as { __pageReady?: number }).__pageReady, undefined, { timeout: 60_000 });
    // Annotation is done when the number of marks stops changing.
    let count = -1;
    for (let stable = 0; stable < 4; ) {
      await page.waitForTimeout(500);
      // A live collection's length: Playwright's locator would run its selector engine over the
      // 2 MB page's 15,000 marks, a task of the test's own of up to 130 ms on the page's thread.
      const now = await page.evaluate(() => document.getElementsByTagName('dl-concept').length);
      stable = now === count && now > 0 ? stable + 1 : 0;
      count = now;
    }
    const wallMs = Date.now() - t0;
    const r = await page.evaluate(() => {
      const w = window as unknown as {
        __pageReady: number;
        __firstMarkAt: number;
      };
      return { ready: w.__pageReady, first: w.__firstMarkAt, origin: performance.timeOrigin };
    });
    const tasks = (await rec.stop()).filter((t) => t.cpuMs > LONG_TASK_MS || t.wallMs > LONG_TASK_MS);
    const rendering = renderingCpu(events, thread);
    // The first mark on the recording's clock.
    const firstAt = r.origin + r.first - rec.startedAt;
    // From the first mark on, every task on the page's thread is either the
    // annotator's slices or the page re-rendering what they changed.
    const during = tasks.filter((t) => t.at + t.wallMs >= firstAt);
    // Before it: the page's own parsing and layout of 2 MB of HTML, and the
    // one-time evaluation of the content script (a known cost, reported here).
    const before = tasks.filter((t) => t.at + t.wallMs < firstAt);
    console.log(
      `[2MB page] marks=${count} pageReady=${r.ready.toFixed(0)}ms firstMark=${r.first.toFixed(0)}ms ` +
        `annotatedWithin=${wallMs}ms longTasksWhileAnnotating=${during.length} ` +
        `tasks over 50 ms (CPU/wall, of which rendering) while annotating ${JSON.stringify(during.map((t) => `${t.cpuMs}/${t.wallMs} (${rendering(t.at, t.wallMs)})`))}, ` +
        `before the first mark ${JSON.stringify(before.map((t) => `${t.cpuMs}/${t.wallMs}`))}`,
    );
    expect(count).toBeGreaterThan(1000);
    const ours = during.map((t) => ({ ...t, workMs: Math.round((t.cpuMs - rendering(t.at, t.wallMs)) * 10) / 10 }));
    expect(ours.filter((t) => t.workMs > LONG_TASK_MS).map((t) => `${t.workMs} of ${t.cpuMs} ms at ${t.at}`)).toEqual([]);
  });
});

/** The frame-rendering part of a main-thread task (ms of CPU), found by its start and length in ms on the recording's clock. */
function renderingCpu(events: TraceEvent[], thread: { pid: number; tid: number } | undefined) {
  const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === CLOCK_MARK);
  const frames = events.filter((e) => thread && e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.name === 'WebFrameWidgetImpl::UpdateLifecycle');
  return (atMs: number, wallMs: number): number => {
    if (!mark) return 0;
    const from = mark.ts + atMs * 1000 - 100;
    const to = from + wallMs * 1000 + 200;
    const us = frames.filter((e) => e.ts >= from && e.ts + (e.dur ?? 0) <= to).reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0);
    return Math.round(us / 100) / 10;
  };
}
