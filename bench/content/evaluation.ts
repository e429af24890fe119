// How long the task that evaluates the content script takes on a page, and what it is made of.
// Usage: npx tsx bench/content/evaluation.ts [--runs 15] [--no-build] [--baseline <built extension dir>]
// With a baseline (another build, e.g. of an earlier commit), the two alternate run by run in two
// browsers, so both see the same machine load, and the ratio of their medians is printed.
import { execSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '@/scripts/static-server.mjs';
import { launch, ROOT } from '@/scripts/browser/chromium';
import type { TraceEvent } from '@/scripts/browser/trace-event';


const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const RUNS = arg('runs', 15);
const baselineAt = process.argv.indexOf('--baseline');
const BASELINE = baselineAt > 0 ? process.argv[baselineAt + 1] : undefined;
if (!process.argv.includes('--no-build')) execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });

const dir = mkdtempSync(join(tmpdir(), 'eval-bench-'));
writeFileSync(join(dir, 'page.html'), '<!doctype html><meta charset=utf-8><title>p</title><h1>Backpropagation</h1><p>The gradient of the loss.</p>');
const server = await serveStatic(dir);
const contenders = [{ name: 'this build', dir: undefined as string | undefined }, ...(BASELINE ? [{ name: 'baseline', dir: BASELINE }] : [])];
const browsers = await Promise.all(contenders.map((c) => launch({ webgpu: false, extensionDir: c.dir })));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const results = contenders.map(() => [] as Record<string, number>[]);
try {
  for (let r = 0; r < RUNS; r++) for (let b = 0; b < browsers.length; b++) {
    const h = browsers[b]!;
    const rows = results[b]!;
    const page = await h.context.newPage();
    await page.goto('about:blank');
    const cdp = await h.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    (cdp as unknown as { on(e: string, f: (x: { value: TraceEvent[] }) => void): void }).on('Tracing.dataCollected', (e) => events.push(...e.value));
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile', '__metadata'] },
      transferMode: 'ReportEvents',
    });
    await page.goto(`${server.url}/page.html`);
    await page.waitForSelector('dl-concept', { timeout: 20_000 }).catch(() => null);
    await page.waitForTimeout(300);
    const done = new Promise((res) => (cdp as unknown as { once(e: string, f: () => void): void }).once('Tracing.tracingComplete', () => res(null)));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    await page.close();
    const ev = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.includes('content-scripts/content.js'));
    if (!ev) { console.log('no evaluation found'); continue; }
    const task = events
      .filter((e) => e.ph === 'X' && e.pid === ev.pid && e.tid === ev.tid && e.ts <= ev.ts && e.ts + (e.dur ?? 0) >= ev.ts + (ev.dur ?? 0) && /RunTask/.test(e.name))
      .sort((a, b) => b.dur! - a.dur!)[0];
    const inside = events.filter((e) => e.ph === 'X' && e.pid === ev.pid && e.tid === ev.tid && e.ts >= ev.ts && e.ts + (e.dur ?? 0) <= ev.ts + ev.dur!);
    const sum = (re: RegExp) => inside.filter((e) => re.test(e.name)).reduce((s, e) => s + e.dur!, 0) / 1000;
    const row = {
      task: (task?.dur ?? 0) / 1000,
      evaluate: ev.dur! / 1000,
      compile: sum(/^(v8\.compile|V8\.CompileCode|V8\.ScriptCompiler|v8\.parseOnBackground)$/),
      parse: sum(/^V8\.(ParseProgram|ParseFunction|PreParse)/),
    };
    rows.push(row);
    if (r === 0 && b === 0) {
      const names = new Map<string, number>();
      for (const e of inside) names.set(e.name, (names.get(e.name) ?? 0) + e.dur! / 1000);
      console.log([...names].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `  ${v.toFixed(1)} ms ${k}`).join('\n'));
    }
    console.log(`${contenders[b]!.name}, run ${r + 1}: ${Object.entries(row).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`);
  }
  const medians = results.map((rows) => Object.fromEntries(Object.keys(rows[0] ?? {}).map((k) => [k, median(rows.map((r) => r[k]!))])));
  medians.forEach((m, b) =>
    console.log(`${contenders[b]!.name}, median of ${results[b]!.length}: ${Object.entries(m).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`),
  );
  if (medians[1]) console.log(`task, this build / baseline: ${(medians[0]!.task! / medians[1].task!).toFixed(2)}x`);
} finally {
  for (const h of browsers) await h.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
