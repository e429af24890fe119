// npm run bench:mlp: trains the Digit lab's default network (784-16-16-10, ReLU,
// softmax cross-entropy, Adam, batch 64) with every contender in one headless
// Chromium run, on the same batches from the same initial weights, and reports
// the median samples per second. See README.md.
//
//   npx tsx bench/mlp/run.ts [--warmup 50] [--steps 200] [--repeats 5] [--read-every 1]
//                            [--only ts-reference,ort-wasm,...] [--no-numpy]

import { walkArgs } from '@/bench/common/args';
import { loadSnapshot } from '@/bench/common/machine';
import { median, pad } from '@/bench/common/stats';
import { chromePath } from '@/scripts/browser/chromium';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from '@/scripts/static-server.mjs';
import { bundlePage } from '@/bench/common/bundle-page';
import { createNetwork, initNetwork } from '@/models/mnist-mlp/reference/network';
import { mulberry32 } from '@/lib/rng';
import {
  ADAM,
  BATCH,
  BROWSER_CONTENDERS,
  DATA_FILE,
  INIT_SEED,
  NEEDS_WEBGPU,
  SIZES,
  type BenchApi,
  type BlockResult,
  type ContenderName,
  type SetupResult,
} from '@/bench/mlp/shared';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const DATA_PATH = join(ROOT, 'models', 'mnist-mlp', DATA_FILE);
const RESULTS = join(ROOT, 'bench', 'results', 'mlp.json');
/** Debian's Python has NumPy; the python3 first on PATH may not. */
const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';

interface Options {
  warmup: number;
  steps: number;
  repeats: number;
  readEvery: number;
  only: ContenderName[];
  numpy: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { warmup: 50, steps: 200, repeats: 5, readEvery: 1, only: [...BROWSER_CONTENDERS], numpy: true };
  walkArgs(argv, (arg, { value, int: intAtLeast }) => {
    const int = () => intAtLeast(1);
    if (arg === '--warmup') o.warmup = int();
    else if (arg === '--steps') o.steps = int();
    else if (arg === '--repeats') o.repeats = int();
    else if (arg === '--read-every') o.readEvery = int();
    else if (arg === '--no-numpy') o.numpy = false;
    else if (arg === '--only') {
      const names = value().split(',').filter(Boolean);
      for (const n of names) {
        if (!(BROWSER_CONTENDERS as readonly string[]).includes(n) && n !== 'numpy') throw new Error(`unknown contender ${n}`);
      }
      o.only = BROWSER_CONTENDERS.filter((c) => names.includes(c));
      o.numpy = names.includes('numpy');
    } else throw new Error(`unknown option ${arg}`);
  });
  return o;
}

interface ContenderRun {
  name: string;
  detail: string;
  setupMs?: number;
  blocks: { ms: number; samplesPerSec: number }[];
  /** Mean batch cost over the first read-back steps of the warm-up, and over the last ones of the final block. */
  lossStart: number;
  lossEnd: number;
  /** Every cost read back, by step number (null: not read). */
  costs: (number | null)[];
  /** Largest |cost - the TS reference's cost| over the steps both read back. */
  maxCostDiffVsTs?: number;
  error?: string;
  warnings?: string[];
}

/** Whether the read-back policy reads step i: every warm-up step, then every readEvery-th step and each block's last. */
function policyReads(i: number, o: Options): boolean {
  if (i < o.warmup) return true;
  const j = (i - o.warmup) % o.steps;
  return (j + 1) % o.readEvery === 0 || j === o.steps - 1;
}

/**
 * Mean of the first (or last) n costs at the steps the policy reads. The TS
 * reference and NumPy have every cost; using the same steps for all keeps the
 * start and end numbers comparable.
 */
function meanOf(costs: (number | null)[], n: number, from: 'start' | 'end', o: Options): number {
  const read = costs.filter((c, i): c is number => c !== null && policyReads(i, o));
  const part = from === 'start' ? read.slice(0, n) : read.slice(-n);
  return part.reduce((a, b) => a + b, 0) / Math.max(1, part.length);
}

async function buildPage(outDir: string): Promise<void> {
  await bundlePage(HERE, outDir, 'warn');
  copyFileSync(DATA_PATH, join(outDir, DATA_FILE));
}


async function openContender(browser: Browser, url: string, name: ContenderName, o: Options) {
  const page = await browser.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Console errors are kept as warnings: ORT logs its streaming-compile fallback (the static
  // server sends .wasm as application/octet-stream) and the Shape ops it keeps on the CPU.
  page.on('console', (m) => {
    if (m.type() === 'error') warnings.push(m.text().split(String.fromCharCode(27)).join('').replace(/\[[0-9;]*m/g, ''));
  });
  await page.goto(url);
  await page.waitForFunction(() => window.mlpBench !== undefined, undefined, { timeout: 60_000 });
  const setup = await page.evaluate(
    ([n, warmup, readEvery]) => (window.mlpBench as BenchApi).setup(n, { warmup, readEvery }),
    [name, o.warmup, o.readEvery] as const,
  );
  return { page, setup, errors, warnings };
}

async function runBrowser(o: Options, url: string, log: (s: string) => void) {
  const webgpu = o.only.some((c) => NEEDS_WEBGPU[c]);
  const userDataDir = mkdtempSync(join(tmpdir(), 'dl-tutor-bench-'));
  const browser = await chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Several pages train in turn; none may be throttled as a background tab.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      // SwiftShader (CPU-emulated) WebGPU when there is no GPU.
      ...(webgpu ? ['--enable-unsafe-webgpu'] : []),
    ],
  });
  const runs: ContenderRun[] = [];
  const open: { name: ContenderName; page: Page; setup: SetupResult; errors: string[]; warnings: string[]; run: ContenderRun }[] =
    [];
  let environment: Record<string, unknown> = {};
  try {
    const probe = await browser.newPage();
    await probe.goto(url);
    await probe.waitForFunction(() => window.mlpBench !== undefined, undefined, { timeout: 60_000 });
    environment = await probe.evaluate(() => (window.mlpBench as BenchApi).environment());
    environment.browserVersion = browser.version();
    await probe.close();

    for (const name of o.only) {
      log(`setting up ${name} (${o.warmup} warm-up steps)`);
      const run: ContenderRun = { name, detail: '', blocks: [], lossStart: NaN, lossEnd: NaN, costs: [] };
      runs.push(run);
      try {
        const c = await openContender(browser, url, name, o);
        run.detail = c.setup.detail;
        run.setupMs = Math.round(c.setup.setupMs);
        run.costs.push(...c.setup.warmupCosts);
        open.push({ name, ...c, run });
      } catch (e) {
        run.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
        log(`  ${name} failed: ${run.error}`);
      }
    }
    // Repeats go round-robin over the contenders, so a change in the machine's
    // load hits all of them alike instead of whichever happened to run then.
    for (let r = 0; r < o.repeats; r++) {
      const parts: string[] = [];
      for (const c of open) {
        if (c.run.error) continue;
        try {
          await c.page.bringToFront();
          const block: BlockResult = await c.page.evaluate((steps) => (window.mlpBench as BenchApi).block(steps), o.steps);
          const samplesPerSec = (block.steps * BATCH) / (block.ms / 1000);
          c.run.blocks.push({ ms: Math.round(block.ms * 10) / 10, samplesPerSec: Math.round(samplesPerSec) });
          c.run.costs.push(...block.costs);
          parts.push(`${c.name} ${Math.round(samplesPerSec)}/s`);
        } catch (e) {
          c.run.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
          parts.push(`${c.name} failed`);
        }
      }
      log(`repeat ${r + 1}/${o.repeats}: ${parts.join(', ')} (load ${loadavg()[0]!.toFixed(2)})`);
    }
    for (const c of open) {
      await c.page.evaluate(() => (window.mlpBench as BenchApi).release()).catch(() => undefined);
      if (c.errors.length > 0) c.run.error ??= `page errors: ${c.errors.slice(0, 3).join(' | ')}`;
      c.run.warnings = [...new Set(c.warnings)];
      await c.page.close();
    }
  } finally {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return { runs, environment };
}

/** The same training in NumPy (float32, one BLAS thread), as a native reference outside the browser. */
function runNumpy(o: Options, workDir: string, log: (s: string) => void): ContenderRun {
  const run: ContenderRun = { name: 'numpy', detail: '', blocks: [], lossStart: NaN, lossEnd: NaN, costs: [] };
  const net = createNetwork({ sizes: SIZES, activation: 'relu', cost: 'cross-entropy' });
  initNetwork(net, 'he', mulberry32(INIT_SEED));
  const parts: Buffer[] = [];
  for (let l = 1; l < SIZES.length; l++) {
    for (const v of [net.W[l]!, net.b[l]!]) parts.push(Buffer.from(Float32Array.from(v).buffer));
  }
  const initPath = join(workDir, 'init.f32');
  writeFileSync(initPath, Buffer.concat(parts));
  log(`running numpy (${PYTHON}, one BLAS thread)`);
  const threads = '1';
  const p = spawnSync(
    PYTHON,
    [join(HERE, 'numpy_mlp.py'), DATA_PATH, initPath, JSON.stringify({ ...o, sizes: SIZES, batch: BATCH, adam: ADAM })],
    {
      encoding: 'utf8',
      env: { ...process.env, OPENBLAS_NUM_THREADS: threads, OMP_NUM_THREADS: threads, MKL_NUM_THREADS: threads },
      timeout: 300_000,
    },
  );
  if (p.status !== 0) {
    run.error = (p.stderr || p.error?.message || `exit ${p.status}`).trim().split('\n').slice(-1)[0];
    return run;
  }
  const r = JSON.parse(p.stdout) as { detail: string; blocksMs: number[]; costs: number[] };
  run.detail = r.detail;
  run.costs = r.costs;
  run.blocks = r.blocksMs.map((ms) => ({ ms: Math.round(ms * 10) / 10, samplesPerSec: Math.round((o.steps * BATCH) / (ms / 1000)) }));
  return run;
}


async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${s}`);
  const loadBefore = loadSnapshot();
  log(`load average ${loadBefore.loadavg.join(' ')} on ${cpus().length} CPUs`);

  const workDir = mkdtempSync(join(tmpdir(), 'dl-tutor-bench-mlp-'));
  const runs: ContenderRun[] = [];
  let environment: Record<string, unknown> = {};
  const loads: { when: string; loadavg: number[]; top: string }[] = [{ when: 'start', ...loadBefore }];
  try {
    if (o.only.length > 0) {
      log('bundling the bench page with Vite');
      const outDir = join(workDir, 'page');
      await buildPage(outDir);
      const server = await serveStatic(outDir);
      try {
        const browserResult = await runBrowser(o, `${server.url}/index.html`, log);
        runs.push(...browserResult.runs);
        environment = browserResult.environment;
      } finally {
        await server.close();
      }
      loads.push({ when: 'after browser', ...loadSnapshot() });
    }
    if (o.numpy) {
      runs.push(runNumpy(o, workDir, log));
      loads.push({ when: 'after numpy', ...loadSnapshot() });
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  for (const r of runs) {
    if (r.costs.length === 0) continue;
    r.lossStart = meanOf(r.costs, 10, 'start', o);
    r.lossEnd = meanOf(r.costs, 10, 'end', o);
  }
  const ref = runs.find((r) => r.name === 'ts-reference');
  for (const r of runs) {
    if (!ref || r === ref) continue;
    let d = 0;
    r.costs.forEach((c, i) => {
      const rc = ref.costs[i];
      if (c !== null && rc !== null && rc !== undefined) d = Math.max(d, Math.abs(c - rc));
    });
    r.maxCostDiffVsTs = d;
  }
  const med = (name: string) => {
    const r = runs.find((x) => x.name === name && !x.error && x.blocks.length > 0);
    return r ? median(r.blocks.map((b) => b.samplesPerSec)) : NaN;
  };
  const blocksOf = (name: string) => runs.find((x) => x.name === name && !x.error)?.blocks ?? [];
  /**
   * Speed relative to a base contender. Browser contenders ran round-robin, so
   * repeat r of both saw the same background load: the median of the per-repeat
   * ratios is steadier than a ratio of medians. NumPy ran on its own, so it gets
   * the ratio of medians.
   */
  const ratio = (r: ContenderRun, base: string): string => {
    const baseBlocks = blocksOf(base);
    if (r.blocks.length === 0 || baseBlocks.length === 0) return '-';
    if (r.name === base) return '1.00x';
    const paired = r.name !== 'numpy' && r.blocks.length === baseBlocks.length;
    const x = paired
      ? median(r.blocks.map((b, i) => b.samplesPerSec / baseBlocks[i]!.samplesPerSec))
      : median(r.blocks.map((b) => b.samplesPerSec)) / med(base);
    return Number.isFinite(x) ? `${x.toFixed(2)}x` : '-';
  };
  const labels: Record<string, string> = {
    'ort-webgpu': 'ORT WebGPU (SwiftShader, CPU-emulated)',
    'ort-wasm': 'ORT WASM (1 thread)',
    'ts-reference': 'plain TypeScript reference',
    'tfjs-wasm': 'tfjs wasm (1 thread)',
    'tfjs-webgpu': 'tfjs webgpu (SwiftShader, CPU-emulated)',
    numpy: 'NumPy, native (1 BLAS thread)',
  };
  const rows = runs.map((r) => {
    const sps = r.blocks.map((b) => b.samplesPerSec);
    const m = sps.length > 0 ? median(sps) : NaN;
    const trained = Number.isFinite(r.lossEnd) && r.lossEnd < r.lossStart;
    return {
      name: r.name,
      label: labels[r.name] ?? r.name,
      median: m,
      min: sps.length ? Math.min(...sps) : NaN,
      max: sps.length ? Math.max(...sps) : NaN,
      msPerStep: Number.isFinite(m) ? (BATCH / m) * 1000 : NaN,
      vsTs: ratio(r, 'ts-reference'),
      vsTfjsWasm: ratio(r, 'tfjs-wasm'),
      trained,
      run: r,
    };
  });

  const header = ['contender', 'samples/s (median)', 'min-max', 'ms/step', 'vs TS', 'vs tfjs-wasm', 'cost start -> end', 'max|cost-TS|'];
  const widths = [40, 18, 13, 8, 6, 12, 20, 12];
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0 && i !== 6)).join('  ');
  console.log('');
  console.log(
    `784-16-16-10 ReLU, softmax cross-entropy, Adam eta ${ADAM.eta}, batch ${BATCH}: ` +
      `${o.warmup} warm-up steps, then ${o.repeats} x ${o.steps} timed steps; cost read back every ${o.readEvery} step(s)`,
  );
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) {
    if (r.run.error && r.run.blocks.length === 0) {
      console.log(line([r.label, 'failed', '', '', '', '', '', '']) + `  ${r.run.error}`);
      continue;
    }
    console.log(
      line([
        r.label,
        r.median.toFixed(0),
        `${r.min.toFixed(0)}-${r.max.toFixed(0)}`,
        r.msPerStep.toFixed(2),
        r.vsTs,
        r.vsTfjsWasm,
        `${r.run.lossStart.toFixed(3)} -> ${r.run.lossEnd.toFixed(3)} ${r.trained ? 'ok' : 'NOT TRAINED'}`,
        r.run.maxCostDiffVsTs === undefined ? '-' : r.run.maxCostDiffVsTs.toExponential(1),
      ]) + (r.run.error ? `  (${r.run.error})` : ''),
    );
  }
  const loadAfter = loads[loads.length - 1]!;
  console.log('');
  for (const r of rows) console.log(`${pad(r.name, 13)} ${r.run.detail}`);
  console.log(`browser: ${String(environment.browserVersion ?? '-')}, WebGPU adapter: ${String(environment.webgpuAdapter ?? '-')}`);
  console.log(`load average (1, 5, 15 min): start ${loadBefore.loadavg.join(' ')}, end ${loadAfter.loadavg.join(' ')}; ${cpus().length} CPUs`);

  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        network: { sizes: SIZES, activation: 'relu', cost: 'softmax cross-entropy', init: `he, seed ${INIT_SEED}` },
        optimizer: { kind: 'adam', ...ADAM },
        batch: BATCH,
        protocol: { warmup: o.warmup, steps: o.steps, repeats: o.repeats, readEvery: o.readEvery, order: 'round-robin' },
        machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loads },
        environment,
        results: rows.map((r) => ({
          name: r.name,
          label: r.label,
          detail: r.run.detail,
          medianSamplesPerSec: Number.isFinite(r.median) ? Math.round(r.median) : null,
          msPerStep: Number.isFinite(r.msPerStep) ? Math.round(r.msPerStep * 1000) / 1000 : null,
          vsTsReference: r.vsTs,
          vsTfjsWasm: r.vsTfjsWasm,
          setupMs: r.run.setupMs ?? null,
          blocks: r.run.blocks,
          lossStart: r.run.lossStart,
          lossEnd: r.run.lossEnd,
          trained: r.trained,
          maxCostDiffVsTs: r.run.maxCostDiffVsTs ?? null,
          error: r.run.error ?? null,
          warnings: r.run.warnings ?? [],
          costs: r.run.costs.map((c) => (c === null ? null : Math.round(c * 1e5) / 1e5)),
        })),
      },
      null,
      1,
    ),
  );
  console.log(`results: ${RESULTS}`);
  log('done');
  if (rows.some((r) => r.run.error || !r.trained)) process.exitCode = 1;
}

await main();
