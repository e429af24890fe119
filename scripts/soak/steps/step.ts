import type { Page } from 'playwright-core';
import type { Harness } from '@/scripts/browser/chromium';
import type { Rng } from '@/lib/rng';
import type { Ledger } from '@/scripts/soak/ledger';
import { fileStats, takeStats } from '@/scripts/soak/probe';

/** What every step gets. */
export interface StepContext {
  h: Harness;
  ledger: Ledger;
  rng: Rng;
  /** The extension page the soak's own requests go from. */
  driver: Page;
  /** The RPC port's name (platform/protocol). */
  port: string;
  /** Where the lecture fixture pages are served. */
  lectures: string;
}

export type Verdict = { ok: true } | { ok: false; interruption: boolean; message: string };

export const pass: Verdict = { ok: true };
export const fail = (message: string, interruption = false): Verdict => ({ ok: false, interruption, message });

/**
 * Runs one step, and once more when a service-worker stop explains its failure (an expected
 * interruption); any other failure, or a thrown one (a hang, a missing element), is an error.
 */
export async function runStep(ctx: StepContext, name: string, once: (attempt: number) => Promise<Verdict>): Promise<void> {
  const span = ctx.ledger.begin(name);
  for (let attempt = 0; attempt < 2; attempt++) {
    const from = Date.now();
    let v: Verdict;
    try {
      v = await once(attempt);
    } catch (e) {
      v = fail(e instanceof Error ? e.message.split('\n')[0]! : String(e));
    }
    if (v.ok) break;
    if (!(v.interruption && ctx.ledger.stoppedDuring(from))) {
      ctx.ledger.error(name, v.message);
      break;
    }
    ctx.ledger.interrupted(name, v.message);
  }
  span.end();
}

/** Opens a page the step will read its probe from before closing it. */
export async function openPage(ctx: StepContext, url: string, size: { width: number; height: number }): Promise<Page> {
  const page = await ctx.h.context.newPage();
  await page.setViewportSize(size);
  await page.goto(url, { timeout: 60_000 });
  return page;
}

/** Files the page's long tasks and requests, then closes it. */
export async function closePage(ctx: StepContext, page: Page, where: string): Promise<void> {
  try {
    fileStats(ctx.ledger, where, await takeStats(page));
  } finally {
    await page.close();
  }
}
