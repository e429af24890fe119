import type { CDPSession, Page } from 'playwright-core';
import type { Harness } from '@/tests/e2e/harness';
import type { TraceEvent } from '@/scripts/browser/trace-event';

// The tasks of a page's renderer main thread while something happens, with the CPU time each
// took on that thread (`tdur`, thread clock) beside its wall time (`dur`). On a shared machine
// wall time is stretched by other processes; tdur is the work the page itself did.

export interface MainTask {
  /** Wall milliseconds. */
  dur: number;
  /** Milliseconds of this thread's CPU. */
  tdur: number;
  /** Thread CPU milliseconds of script inside it: its outermost script events (calls, event handlers, timers, microtasks). */
  script: number;
  /** The largest events inside it (name and wall ms), for reading a long one. */
  inner: string;
}

export interface TaskRecording {
  /** Every task of the page's main thread, outermost only. */
  stop(): Promise<MainTask[]>;
}

type Timed = TraceEvent & { tdur?: number };

export async function recordMainThread(h: Harness, page: Page): Promise<TaskRecording> {
  const cdp: CDPSession = await h.context.newCDPSession(page);
  const events: Timed[] = [];
  (cdp as unknown as { on(event: string, f: (e: { value: Timed[] }) => void): void }).on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', '__metadata', 'disabled-by-default-devtools.timeline', 'v8'] },
    transferMode: 'ReportEvents',
  });
  const url = page.url();
  return {
    async stop() {
      const done = new Promise((resolve) => (cdp as unknown as { once(event: string, f: () => void): void }).once('Tracing.tracingComplete', () => resolve(null)));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      const started = events.find((e) => e.name === 'TracingStartedInBrowser');
      const pid = started?.args?.data?.frames?.find((f) => f.url === url)?.processId;
      const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
      if (pid === undefined || !main) throw new Error(`no renderer main thread found for ${url}`);
      const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.pid === pid && e.tid === main.tid && e.dur !== undefined);
      const outer = tasks.filter((e) => !tasks.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && (o.ts < e.ts || o.dur! > e.dur!)));
      const mine = events.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === main.tid && e.dur !== undefined);
      const SCRIPT = /^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|v8\.callFunction|V8\.Execute|EvaluateScript)$/;
      const within = (x: Timed, e: Timed) => x !== e && x.ts >= e.ts && x.ts + x.dur! <= e.ts + e.dur!;
      const scriptCpu = (e: Timed) => {
        const scripts = mine.filter((x) => SCRIPT.test(x.name) && within(x, e));
        const outermost = scripts.filter((x) => !scripts.some((o) => o !== x && within(x, o)));
        return outermost.reduce((sum, x) => sum + (x.tdur ?? x.dur!), 0) / 1000;
      };
      return outer.map((e) => ({
        dur: e.dur! / 1000,
        tdur: (e.tdur ?? e.dur!) / 1000,
        script: scriptCpu(e),
        inner: mine
          .filter((x) => x !== e && x.ts >= e.ts && x.ts + x.dur! <= e.ts + e.dur!)
          .sort((x, y) => y.dur! - x.dur!)
          .slice(0, 4)
          .map((x) => `${x.name} ${(x.dur! / 1000).toFixed(0)}${x.tdur !== undefined ? `/${(x.tdur / 1000).toFixed(0)}` : ''}`)
          .join(', '),
      }));
    },
  };
}
