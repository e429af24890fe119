import type { Page } from 'playwright-core';
import { traceTasks, type MainThreadTask } from '@/scripts/browser/long-tasks';

// "Repaints within a frame" on any machine: what an interaction costs the page is the main
// thread's CPU time in the tasks it caused (trace thread time, scripts/browser/long-tasks.ts),
// which a loaded machine does not stretch, unlike the wall time a page can measure itself. Each
// interaction is charged its largest task: the one that handled the input and rendered (the rest
// of what runs meanwhile is the test's own protocol traffic and timers, a fraction of a
// millisecond each).

export interface InteractionCost {
  /** The largest main-thread task during each interaction, CPU ms. */
  cpuMs: number[];
  /** The same tasks' wall time, for the log. */
  wallMs: number[];
}

/** Runs `steps` in order under one trace of `page`'s renderer and charges each its largest task. */
export async function interactionCost(page: Page, steps: (() => Promise<unknown>)[]): Promise<InteractionCost> {
  const rec = await traceTasks(page);
  const windows: [number, number][] = [];
  for (const step of steps) {
    const from = Date.now() - rec.startedAt;
    await step();
    windows.push([from, Date.now() - rec.startedAt]);
  }
  const tasks = await rec.stop();
  const largest = ([from, to]: [number, number]): MainThreadTask | undefined =>
    tasks.filter((t) => t.at + t.wallMs >= from && t.at <= to).reduce<MainThreadTask | undefined>((m, t) => (!m || t.cpuMs > m.cpuMs ? t : m), undefined);
  const picked = windows.map(largest);
  return { cpuMs: picked.map((t) => t?.cpuMs ?? 0), wallMs: picked.map((t) => t?.wallMs ?? 0) };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
