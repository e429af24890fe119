import type { CDPSession, Page } from 'playwright-core';
import type { Harness } from '@/tests/e2e/harness';
import type { TraceEvent } from '@/scripts/browser/trace-event';

// Which long tasks are the extension's? A hostile page makes long tasks of its own (a message
// flood, a video starting, a 20 MB layout), and on a shared two-core machine anything can be
// stretched. So each task of the page's renderer over 50 ms (from a trace) is checked against
// CPU samples of the same moments: the time the content script was on the stack, including the
// style and layout it forced, is the extension's part. A task is the extension's when that part
// is 50 ms or more, or the larger part of it. (Garbage collection shows as the engine's own, so
// a task where the script's allocations made it collect can go unflagged: the shares are
// printed for every long task, for a reader to see.)

const LONG_MS = 50;
/** Trace events that are (or wrap) one task of the renderer's main thread. */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
const SAMPLE_US = 500;

export interface TaskShare {
  /** Milliseconds since the recording started. */
  at: number;
  duration: number;
  /** The main thread's CPU time in it (trace `tdur`), in milliseconds: its length on a machine nobody else uses. */
  cpu: number;
  /** The content script's share of it, in milliseconds. */
  extension: number;
  /** The task that evaluates the content script: all of it is the extension's (compiling shows in no JS frame). */
  evaluation: boolean;
}


interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

export interface Recording {
  /** Stops recording; every long task of the page's renderer with the extension's share of it. */
  stop(): Promise<TaskShare[]>;
}

/** Starts recording a page that has committed its navigation (goto with waitUntil 'commit'). */
export async function record(h: Harness, page: Page): Promise<Recording> {
  const cdp: CDPSession = await h.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  (cdp as unknown as { on(event: string, f: (e: { value: TraceEvent[] }) => void): void }).on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
  await cdp.send('Tracing.start', {
    // Tasks (toplevel), and the process of the page's frame with thread names (the other two).
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', '__metadata', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.start');
  const ours = `chrome-extension://${h.extensionId}/`;
  // The trace names the page's process by the address its frame had when recording began.
  const url = page.url();
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };
      };
      const done = new Promise((resolve) => (cdp as unknown as { once(event: string, f: () => void): void }).once('Tracing.tracingComplete', () => resolve(null)));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      // Samples whose stack holds a frame of the content script.
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const isOurs = new Map<number, boolean>();
      const oursAt = (id: number): boolean => {
        let hit = isOurs.get(id);
        if (hit === undefined) {
          const p = parent.get(id);
          hit = byId.get(id)!.callFrame.url.startsWith(ours) || (p !== undefined && oursAt(p));
          isOurs.set(id, hit);
        }
        return hit;
      };
      // Each sample stands for the time until the next one (capped, across pauses of the sampler).
      const ourSamples: { at: number; us: number; id: number }[] = [];
      let t = profile.startTime;
      profile.samples.forEach((id, i) => {
        t += profile.timeDeltas[i] ?? 0;
        if (oursAt(id)) ourSamples.push({ at: t, us: Math.min(profile.timeDeltas[i + 1] ?? SAMPLE_US, 4 * SAMPLE_US), id });
      });
      // DEBUG_ATTRIBUTION=1: where the extension's part of each long task went (leaf < caller < ...).
      const where = (from: number, to: number) => {
        const by = new Map<string, number>();
        for (const s of ourSamples.filter((x) => x.at >= from && x.at <= to)) {
          const names: string[] = [];
          for (let id: number | undefined = s.id; id !== undefined && names.length < 4; id = parent.get(id)) {
            const f = byId.get(id)!.callFrame as { url: string; functionName?: string; lineNumber?: number };
            names.push(`${f.functionName || '(anon)'}@${f.url.replace(/^.*\//, '')}:${f.lineNumber ?? ''}`);
          }
          by.set(names.join(' < '), (by.get(names.join(' < ')) ?? 0) + s.us / 1000);
        }
        return [...by].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `  ${v.toFixed(1)} ms ${k}`).join('\n');
      };
      // The page's renderer: the process of its frame, and that process's main thread.
      const started = events.find((e) => e.name === 'TracingStartedInBrowser');
      const pid = started?.args?.data?.frames?.find((f) => f.url === url)?.processId;
      const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
      const origin = events.reduce((m, e) => (e.ts > 0 && e.ts < m ? e.ts : m), Infinity);
      const long = events.filter(
        (e) => TASKS.has(e.name) && e.ph === 'X' && e.pid === pid && e.tid === main?.tid && (e.dur ?? 0) > LONG_MS * 1000,
      );
      // The outermost of nested task events is the task.
      const outer = long.filter((e) => !long.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && (o.ts < e.ts || o.dur! > e.dur!)));
      const evaluations = events.filter((e) => e.name === 'EvaluateScript' && e.pid === pid && e.args?.data?.url?.startsWith(ours));
      return outer.map((e) => {
        const end = e.ts + e.dur!;
        const us = ourSamples.filter((s) => s.at >= e.ts && s.at <= end).reduce((sum, s) => sum + s.us, 0);
        if (process.env.DEBUG_ATTRIBUTION) console.log(`long task at ${Math.round((e.ts - origin) / 1000)} ms, ${Math.round(e.dur! / 1000)} ms:\n${where(e.ts, end)}`);
        return {
          at: Math.round((e.ts - origin) / 1000),
          duration: Math.round(e.dur! / 1000),
          cpu: Math.round((e.tdur ?? e.dur!) / 1000),
          extension: Math.round(Math.min(us, e.dur!) / 1000),
          evaluation: evaluations.some((v) => v.ts >= e.ts && v.ts <= end),
        };
      });
    },
  };
}

/**
 * The long tasks the extension caused: its share alone was long, or it was the larger part of a
 * long task, or the task evaluated the content script. (That one used to be reported and left
 * out: at 0.5 MB the script took 50-68 ms to compile on a loaded 2-core machine. It carries 197 kB
 * since the card bodies come from the background: bench/content/evaluation.ts.)
 */
export function causedByExtension(tasks: TaskShare[]): TaskShare[] {
  return tasks.filter((t) => t.evaluation || t.extension >= LONG_MS || t.extension * 2 >= t.duration);
}
