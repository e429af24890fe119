// Every task of a page's renderer main thread, from a Chrome trace over CDP, with the CPU time the
// thread spent in it. On a shared machine a task's wall time is stretched by other processes;
// its thread time (the trace's `tdur`) is the work the page itself did, so "no long task" checks
// read `cpuMs` and report `wallMs` beside it.
//
//   const rec = await traceTasks(page);          // before page.goto: the recording covers the navigation
//   await page.goto(url); ...
//   const tasks = await rec.stop();              // [{ at, wallMs, cpuMs }, ...]
//   const long = tasks.filter((t) => t.cpuMs > LONG_TASK_MS);
//
// The renderer is the one that hosts the page when the recording stops. Pages of one site share
// it: for an extension page that is every page of the extension (the offscreen document too), so
// a stall of any of them shows, as it does to the user.
import type { CDPSession, Page } from 'playwright-core';
import type { TraceEvent } from '@/scripts/browser/trace-event';

/** The Long Tasks API's threshold: a task over this many milliseconds is long. */
export const LONG_TASK_MS = 50;

export interface MainThreadTask {
  /** When it started, in milliseconds since the recording started (`Recording.startedAt`). */
  at: number;
  /** Wall-clock duration (the trace's `dur`): includes time the thread was preempted. */
  wallMs: number;
  /** Main-thread CPU time (the trace's `tdur`): the work done, whatever the machine's load. */
  cpuMs: number;
}

export interface Recording {
  /** `Date.now()` when the recording started: `startedAt + at` is a task's time on this machine's clock. */
  readonly startedAt: number;
  /** Stops recording and returns every main-thread task of the page's renderer, in order. */
  stop(): Promise<MainThreadTask[]>;
}

/** What `traceTasks` records; the layout and compile categories only when asked (they cost). */
export interface TraceOptions {
  /** More trace categories (e.g. 'blink', 'v8.compile', 'disabled-by-default-devtools.timeline'), for `onEvents`. */
  categories?: string[];
  /** Gets the raw events of the trace (all processes) before they are reduced to tasks: for finding causes. */
  onEvents?: (events: TraceEvent[], renderer: { pid: number; tid: number } | undefined) => void;
}

/** The trace event that is one task of a thread's message loop (category 'toplevel', with `tdur`). */
const TASK = 'ThreadControllerImpl::RunTask';
const SYNC = 'dl-tutor/long-tasks-sync';

/**
 * Starts tracing `page` through a CDP session of its own. Start it before `page.goto` to cover the
 * navigation; `stop()` must come before the page closes.
 */
export async function traceTasks(page: Page, opts: TraceOptions = {}): Promise<Recording> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  const on = cdp as unknown as { on(e: string, f: (x: { value: TraceEvent[] }) => void): void; once(e: string, f: () => void): void };
  on.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const frame = frameTree.frame.id;
  await cdp.send('Tracing.start', {
    // toplevel: the tasks; devtools.timeline: where the page's frame commits (CommitLoad) and the
    // clock mark below (TimeStamp); __metadata: thread names.
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', '__metadata', ...(opts.categories ?? [])] },
    transferMode: 'ReportEvents',
  });
  // A mark in the trace at a known Date.now(): trace timestamps are a monotonic clock of their own.
  const before = Date.now();
  await cdp.send('Runtime.evaluate', { expression: `console.timeStamp(${JSON.stringify(SYNC)})` });
  const startedAt = Math.round((before + Date.now()) / 2);
  return {
    startedAt,
    async stop() {
      const done = new Promise<void>((resolve) => on.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach().catch(() => undefined);
      const ofFrame = (e: TraceEvent) => e.args?.data?.frame === frame;
      const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === SYNC);
      // The renderer the frame committed in last; with no navigation, the one the mark ran in.
      const commits = events.filter((e) => e.name === 'CommitLoad' && ofFrame(e)).sort((a, b) => a.ts - b.ts);
      const pid = commits.at(-1)?.pid ?? mark?.pid;
      const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
      opts.onEvents?.(events, pid !== undefined && main ? { pid, tid: main.tid } : undefined);
      if (!mark || !main) throw new Error(`traceTasks: the trace does not show the page's renderer (${events.length} events)`);
      const tasks = events.filter((e) => e.name === TASK && e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur !== undefined);
      // A nested message loop runs tasks inside a task: the outermost is the one the thread was busy with.
      tasks.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
      const outer: TraceEvent[] = [];
      for (const e of tasks) {
        const last = outer.at(-1);
        if (!last || e.ts >= last.ts + last.dur!) outer.push(e);
      }
      return outer.map((e) => ({
        at: Math.round((e.ts - mark.ts) / 100) / 10,
        wallMs: Math.round(e.dur! / 100) / 10,
        cpuMs: Math.round((e.tdur ?? e.dur!) / 100) / 10,
      }));
    },
  };
}
