import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundStartedAt, launch, screenshot, stopServiceWorker, selfTestResult, watchErrors, type Harness } from '@/tests/e2e/harness';

interface Report {
  backend: string;
  gpuResidentOutput: boolean;
  maxAbsError: number;
  hostStartedAt: number;
  sessionReused: boolean;
  adapter: unknown;
  fallbackReason?: string;
  timings: Record<string, number>;
}

async function report(page: import('playwright-core').Page): Promise<Report> {
  return JSON.parse((await page.getByTestId('selftest-report').textContent({ timeout: 5_000 })) ?? '{}') as Report;
}

describe('self-test with WebGPU (--enable-unsafe-webgpu)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ webgpu: true });
  });
  afterAll(async () => h?.close());

  it('passes on webgpu with the output kept in a GPU buffer', async () => {
    const page = await h.context.newPage();
    const errors = watchErrors(page);
    await page.goto(h.url('diagnostics.html'));
    const r = await selfTestResult(page);
    const rep = await report(page);
    console.log(`[selftest webgpu] ${JSON.stringify(rep.timings)} maxAbsError=${rep.maxAbsError}`);
    expect(r).toEqual({ status: 'pass', backend: 'webgpu' });
    expect(rep.gpuResidentOutput).toBe(true);
    expect(rep.adapter).not.toBeNull();
    expect(rep.maxAbsError).toBeLessThan(1e-4);
    await screenshot(page, 'diagnostics-webgpu');
    expect(errors).toEqual([]);
  });

  it('survives a service-worker restart: the model host and its session live on', async () => {
    const page = await h.context.newPage();
    await page.goto(h.url('diagnostics.html'));
    await selfTestResult(page);
    const before = await report(page);
    const pingBefore = await backgroundStartedAt(page);

    await stopServiceWorker(h, page);

    await page.getByTestId('selftest-run').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=selftest-status]')?.textContent?.startsWith('running'));
    const r = await selfTestResult(page);
    const after = await report(page);
    const pingAfter = await backgroundStartedAt(page);

    expect(r.status).toBe('pass');
    expect(pingAfter).toBeGreaterThan(pingBefore); // a new background instance answered
    expect(after.hostStartedAt).toBe(before.hostStartedAt); // the same model host
    expect(after.sessionReused).toBe(true); // and the same loaded session
  });
  it('runs the training step on webgpu and matches the TypeScript reference for every optimizer', { timeout: 600_000 }, async () => {
    const page = await h.context.newPage();
    await page.goto(h.url('diagnostics.html'));
    await selfTestResult(page);
    const t0 = Date.now();
    await page.getByTestId('train-check-run').click();
    // SwiftShader compiles every kernel on the CPU: minutes, not milliseconds.
    await expect.poll(() => page.getByTestId('train-check-status').textContent(), { timeout: 480_000, interval: 1000 }).toMatch(/^(pass|fail)/);
    console.log(`[train check webgpu] took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const rows = await page.getByTestId('train-check-row').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.optimizer}:${(e as HTMLElement).dataset.maxRel}`));
    console.log(`[train check webgpu] ${rows.join(' ')}`);
    expect(await page.getByTestId('train-check-backend').textContent()).toBe('webgpu');
    expect(rows.map((r) => r.split(':')[0])).toEqual(['sgd', 'momentum', 'rmsprop', 'adam']);
    expect(await page.getByTestId('train-check-status').textContent()).toBe('pass');
  });

});

describe('self-test without WebGPU (the WASM fallback)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ webgpu: false });
  });
  afterAll(async () => h?.close());

  it('passes on wasm and says why WebGPU was not used', async () => {
    const page = await h.context.newPage();
    const errors = watchErrors(page);
    await page.goto(h.url('diagnostics.html'));
    const r = await selfTestResult(page);
    const rep = await report(page);
    console.log(`[selftest wasm] ${JSON.stringify(rep.timings)} maxAbsError=${rep.maxAbsError}`);
    expect(r).toEqual({ status: 'pass', backend: 'wasm' });
    expect(rep.gpuResidentOutput).toBe(false);
    expect(rep.fallbackReason).toMatch(/WebGPU|adapter/);
    await screenshot(page, 'diagnostics-wasm');
    expect(errors).toEqual([]);
  });
});
