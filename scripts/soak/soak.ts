import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32, type Rng } from '@/lib/rng';
import { RPC_PORT } from '@/platform/protocol/protocol';
import { EXTENSION_DIR, launch, ROOT } from '@/scripts/browser/chromium';
import { channelOf } from '@/scripts/browser/cdp-tunnel';
import { serveStatic } from '@/scripts/static-server.mjs';
import { startChaos } from '@/scripts/soak/chaos';
import { Ledger } from '@/scripts/soak/ledger';
import { measureTwice } from '@/scripts/soak/memory';
import { fileStats, installProbe, takeStats, watchConsole } from '@/scripts/soak/probe';
import { buildReport, type SoakReport } from '@/scripts/soak/report';
import { annotate } from '@/scripts/soak/steps/annotate';
import { digits } from '@/scripts/soak/steps/digits';
import { lab } from '@/scripts/soak/steps/lab';
import type { StepContext } from '@/scripts/soak/steps/step';
import { train, trainSelfTest } from '@/scripts/soak/steps/train';

// The soak: the built extension in headless Chromium, cycling page annotation,
// selection → GPT lab views, generation, digit classification and a short training run in a
// seeded order, with the service worker stopped at seeded moments, for a bounded time. Memory is
// compared between the end and the state after one warm-up cycle, so first loads (models,
// sessions, bundles) are not counted as growth.

export interface SoakOptions {
  minutes: number;
  seed: number;
  /** A built Chrome extension (default .output/chrome-mv3). */
  extensionDir?: string;
  /** Seconds between two service-worker stops, drawn uniformly in this range. */
  stopGapS?: [number, number];
  log?: (line: string) => void;
}

/** The training-graph self-test is slower than a paused run: one cycle in four runs it too. */
const SELFTEST_SHARE = 0.25;

function shuffled<T>(xs: T[], rng: Rng): T[] {
  return xs.map((x) => ({ x, k: rng() })).sort((a, b) => a.k - b.k).map((e) => e.x);
}

async function cycle(ctx: StepContext, all: boolean): Promise<void> {
  const steps = [annotate, lab, digits, train];
  if (all || ctx.rng() < SELFTEST_SHARE) steps.push(trainSelfTest);
  for (const step of shuffled(steps, ctx.rng)) {
    // Steps judge their own failures; this catches what escapes them (a page that would not open).
    await step(ctx).catch((e: unknown) => ctx.ledger.error(step.name, e instanceof Error ? e.message.split('\n')[0]! : String(e)));
  }
}

export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const log = o.log ?? ((line: string) => console.log(line));
  const ledger = new Ledger();
  // A copy of the build: `wxt build` empties .output, and a rebuild during a run of several
  // minutes would pull the extension's files from under it.
  const snapshot = mkdtempSync(join(tmpdir(), 'dl-tutor-soak-'));
  cpSync(o.extensionDir ?? EXTENSION_DIR, snapshot, { recursive: true });
  const server = await serveStatic(join(ROOT, 'tests', 'fixtures', 'pages'));
  const h = await launch({
    webgpu: false,
    extensionDir: snapshot,
    extraArgs: [
      // host.memory measures at once rather than at the next GC, and performance.memory is exact.
      '--enable-blink-features=ForceEagerMeasureMemory',
      '--enable-precise-memory-info',
      // The driver page sits in a background tab for minutes: its timers (the pause after 2 s,
      // the liveness pings) must not be throttled to once a minute.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
    ],
  });
  try {
    await installProbe(h.context, RPC_PORT);
    watchConsole(h.context, ledger, [`chrome-extension://${h.extensionId}/`, server.url]);
    const driver = await h.context.newPage();
    await driver.goto(h.url('options.html'));
    const cdp = channelOf(await h.context.browser()!.newBrowserCDPSession());
    const ctx: StepContext = { h, ledger, rng: mulberry32(o.seed), driver, port: RPC_PORT, lectures: server.url };

    const t0 = Date.now();
    await cycle(ctx, true);
    const start = await measureTwice(driver, cdp, RPC_PORT, h.extensionId);
    log(`soak: warm-up cycle ${((Date.now() - t0) / 1000).toFixed(0)} s; measured the start; soaking for ${o.minutes} min`);

    ledger.phase = 'soak';
    const chaos = startChaos(h, driver, ledger, mulberry32(o.seed ^ 0x9e3779b9), o.stopGapS ?? [6, 24]);
    const soakStartedAt = Date.now();
    let cycles = 0;
    try {
      while (Date.now() - soakStartedAt < o.minutes * 60_000) {
        const c0 = Date.now();
        await cycle(ctx, false);
        cycles++;
        log(`soak: cycle ${cycles} in ${((Date.now() - c0) / 1000).toFixed(0)} s; ${ledger.stops.length} stops, ${ledger.interruptions.length} interruptions, ${ledger.errors.length} errors so far`);
      }
    } finally {
      await chaos.end();
    }
    const soakMs = Date.now() - soakStartedAt;
    fileStats(ledger, 'options page (the soak driver)', await takeStats(driver), false);
    const end = await measureTwice(driver, cdp, RPC_PORT, h.extensionId);
    return buildReport(ledger, { seed: o.seed, cycles, soakMs, start, end });
  } finally {
    await h.close();
    await server.close();
    rmSync(snapshot, { recursive: true, force: true });
  }
}
