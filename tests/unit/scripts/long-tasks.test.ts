// Reading a page's main-thread tasks out of a Chrome trace (scripts/browser/long-tasks.ts), on
// hand-made events: which renderer, which thread, nested tasks, CPU against wall time.
import { describe, expect, it } from 'vitest';
import { CLOCK_MARK, rendererOf, tasksOf } from '@/scripts/browser/long-tasks';
import type { TraceEvent } from '@/scripts/browser/trace-event';

const FRAME = 'F1';
const thread = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
const task = (pid: number, tid: number, ts: number, dur: number, tdur?: number): TraceEvent => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts, dur, tdur, pid, tid });
const mark = (pid: number, ts: number): TraceEvent => ({ name: 'TimeStamp', ph: 'I', ts, pid, tid: pid, args: { data: { frame: FRAME, message: CLOCK_MARK } } });
const commit = (pid: number, ts: number, frame = FRAME): TraceEvent => ({ name: 'CommitLoad', ph: 'X', ts, dur: 10, pid, tid: pid, args: { data: { frame, url: 'x' } } });

describe('a page\'s renderer in a trace', () => {
  const base = [thread(10, 10, 'CrRendererMain'), thread(20, 20, 'CrRendererMain'), thread(20, 21, 'Compositor'), mark(10, 1_000)];

  it('is the one the page committed in last, after a navigation', () => {
    expect(rendererOf([...base, commit(30, 2_000, 'other frame'), commit(20, 3_000)], FRAME)).toEqual({ main: { pid: 20, tid: 20 }, origin: 1_000 });
  });

  it('is the one the clock mark ran in, without a navigation', () => {
    expect(rendererOf(base, FRAME)).toEqual({ main: { pid: 10, tid: 10 }, origin: 1_000 });
  });

  it('is not found without the clock mark or the thread names', () => {
    expect(rendererOf(base.slice(0, 3), FRAME)).toBeUndefined();
    expect(rendererOf([mark(10, 1_000), commit(20, 3_000)], FRAME)).toBeUndefined();
  });
});

describe('the tasks of a thread', () => {
  it('are the outermost tasks of that thread only, in order, with CPU and wall time in ms', () => {
    const events = [
      task(20, 20, 5_000, 80_000, 30_000),
      // A nested message loop's task inside the first: not a task of its own.
      task(20, 20, 10_000, 20_000, 20_000),
      task(20, 21, 6_000, 90_000, 90_000),
      task(10, 10, 6_000, 90_000, 90_000),
      task(20, 20, 1_500, 1_000, 900),
    ];
    expect(tasksOf(events, { pid: 20, tid: 20 }, 1_000)).toEqual([
      { at: 0.5, wallMs: 1, cpuMs: 0.9 },
      { at: 4, wallMs: 80, cpuMs: 30 },
    ]);
  });

  it('take the wall time as CPU time where the trace has no thread clock', () => {
    expect(tasksOf([task(1, 1, 0, 60_000)], { pid: 1, tid: 1 }, 0)).toEqual([{ at: 0, wallMs: 60, cpuMs: 60 }]);
  });
});
