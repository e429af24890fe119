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
// One thing leaks into thread time: on a virtual machine that reports no steal time (the build
// machine), a vCPU the hypervisor holds up is charged to the thread that was running, up to about
// 100 ms at once (measured: a single page fault of a C program charged 102 ms of its thread's CPU
// time). Such a stall lands on any task, so a check that must not flake counts a long task only
// where it recurs in another run (see tests/e2e/panel-long-tasks.test.ts).
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
  /** Main-thread CPU time (the trace's `tdur`; its `dur` where a platform has no thread clock). */
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
/** The message of the trace's clock mark (a console.timeStamp in the page as recording starts). */
export const CLOCK_MARK = 'dl-tutor/long-tasks-sync';

/**
 * Starts tracing `page` through a CDP session of its own. Start it before `page.goto` to cover the
 * navigation; `stop()` must come before the page closes.
 */
export async function traceTasks(page: Page, opts: TraceOptions = {}): Promise<Recording> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  const on = cdp as unknown as { on(e: string, f: (x: { value: TraceEvent[] }) => void): void; once(e: string, f: () => void): void };
  // Without onEvents, only what the tasks are read from is kept: a traced page of a few minutes
  // sends hundreds of thousands of events.
  const keep = opts.onEvents ? () => true : (e: TraceEvent) => e.name === TASK || e.name === 'CommitLoad' || e.name === 'TimeStamp' || e.ph === 'M';
  on.on('Tracing.dataCollected', (e) => {
    for (const x of e.value) if (keep(x)) events.push(x);
  });
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
  await cdp.send('Runtime.evaluate', { expression: `console.timeStamp(${JSON.stringify(CLOCK_MARK)})` });
  const startedAt = Math.round((before + Date.now()) / 2);
  return {
    startedAt,
    async stop() {
      const done = new Promise<void>((resolve) => on.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach().catch(() => undefined);
      const found = rendererOf(events, frame);
      opts.onEvents?.(events, found?.main);
      if (!found) throw new Error(`traceTasks: the trace does not show the page's renderer (${events.length} events)`);
      return tasksOf(events, found.main, found.origin);
    },
  };
}

/**
 * The main thread of the renderer that hosts `frame`: the process the frame committed in last, or
 * with no navigation in the trace, the one the clock mark ran in; and the mark's timestamp.
 */
export function rendererOf(events: TraceEvent[], frame: string): { main: { pid: number; tid: number }; origin: number } | undefined {
  const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === CLOCK_MARK);
  const commits = events.filter((e) => e.name === 'CommitLoad' && e.args?.data?.frame === frame).sort((a, b) => a.ts - b.ts);
  const pid = commits.at(-1)?.pid ?? mark?.pid;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  return mark && main ? { main: { pid: main.pid, tid: main.tid }, origin: mark.ts } : undefined;
}

/** The tasks of one thread, in order, `at` in ms since `origin` (a trace timestamp, µs). */
export function tasksOf(events: TraceEvent[], thread: { pid: number; tid: number }, origin: number): MainThreadTask[] {
  const tasks = events.filter((e) => e.name === TASK && e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && e.dur !== undefined);
  // A nested message loop runs tasks inside a task: the outermost is the one the thread was busy with.
  tasks.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const outer: TraceEvent[] = [];
  for (const e of tasks) {
    const last = outer.at(-1);
    if (!last || e.ts >= last.ts + last.dur!) outer.push(e);
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  return outer.map((e) => ({ at: ms(e.ts - origin), wallMs: ms(e.dur!), cpuMs: ms(e.tdur ?? e.dur!) }));
}
