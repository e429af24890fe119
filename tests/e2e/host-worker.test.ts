// The model host off the main thread (its worker, its threads, its backend by measurement):
// the host runs in its own worker with WASM threads, pages stay responsive while it computes,
// 'auto' does not take a CPU-emulated adapter, and memory does not grow with requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LONG_TASK_MS, traceTasks } from '@/scripts/browser/long-tasks';
import { launch, rawRpc, watchErrors, type Harness } from '@/tests/e2e/harness';

type Answer<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
let n = 0;
const ask = async <T>(page: Page, type: string, payload: unknown): Promise<T> => {
  const r = (await rawRpc(page, { kind: 'request', id: `hw${n++}`, type, payload })) as Answer<T>;
  if (!r.ok) throw new Error(`${type}: ${r.error.message}`);
  return r.value;
};

const SENTENCE = 'Backpropagation sends the error of each prediction back through the layers, so every weight learns how to move. ';
/** About 256 tokens of English lecture prose for this model's tokenizer (the engine cuts to its window). */
const LONG_TEXT = SENTENCE.repeat(12);
const TRAIN = {
  hidden: [16, 16], activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', eta: 0.003, batch: 32, epochs: 1,
  l1: 0, l2: 0, dropout: 0, init: 'he', seed: 7,
};

describe('model host worker (WASM)', () => {
  let h: Harness;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    // Memory is measured at once rather than at the next garbage collection.
    h = await launch({ webgpu: false, extraArgs: ['--enable-blink-features=ForceEagerMeasureMemory', '--js-flags=--expose-gc'] });
    page = await h.context.newPage();
    errors = watchErrors(page);
    await page.goto(h.url('sidepanel.html?lab=gpt'));
  });
  afterAll(async () => h?.close());

  it('runs in its own worker with WASM threads, and says how many', async () => {
    const status = await ask<{ inWorker: boolean; threads: { count: number; reason?: string } }>(page, 'host.status', {});
    expect(status.inWorker).toBe(true);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    console.log(`[host worker] ${status.threads.count} WASM threads on ${cores} cores${status.threads.reason ? ` (${status.threads.reason})` : ''}`);
    expect(status.threads.count).toBe(Math.max(1, Math.min(cores - 1, 4)));
  });

  it('keeps the side panel responsive while it attends 256 tokens, generates 64 and trains', { timeout: 3 * 240_000 }, async () => {
    await ask(page, 'host.gpt.load', { backend: 'auto' });
    // The panel's renderer (which the offscreen document relaying the host shares) is traced for
    // tasks with over 50 ms of main-thread CPU, which a loaded machine does not stretch. A virtual
    // machine's stall can still charge ~100 ms of CPU to whatever runs (a rAF callback that counts
    // frames, seen here), so a long task fails the test only if every run has one; and the frame
    // rate, which other processes on a 2-core machine take their share of, is held to the idle
    // rate in at least one run: the host's work blocking the panel would lower every run.
    const runs: { fps: number; idleFps: number; long: string[] }[] = [];
    for (let run = 0; run < 3; run++) {
      const r = await busyPhase();
      runs.push(r);
      if (r.long.length === 0 && r.fps >= 0.8 * r.idleFps) break;
    }
    expect(runs.every((r) => r.long.length > 0) ? runs.map((r) => r.long) : []).toEqual([]);
    expect(Math.max(...runs.map((r) => r.fps / r.idleFps))).toBeGreaterThanOrEqual(0.8);
    expect(errors).toEqual([]);
  });

  /** One busy phase: the panel's frame rate idle, then while the host attends, generates and trains; its long tasks. */
  async function busyPhase(): Promise<{ fps: number; idleFps: number; long: string[] }> {
    const rec = await traceTasks(page);
    const r = await page.evaluate(
      async ({ text, train }) => {
        type Port = {
          postMessage(m: unknown): void;
          disconnect(): void;
          onMessage: { addListener(f: (m: { kind: string }) => void): void };
        };
        const rt = (globalThis as unknown as { chrome: { runtime: { connect(o: { name: string }): Port } } }).chrome.runtime;
        const request = (type: string, payload: unknown) => {
          const port = rt.connect({ name: 'dl-tutor/rpc' });
          const state = { progress: 0 };
          const done = new Promise<number>((resolve) => {
            const t0 = performance.now();
            port.onMessage.addListener((m) => {
              if (m.kind === 'progress') state.progress++;
              if (m.kind === 'response') resolve(performance.now() - t0);
            });
          });
          port.postMessage({ kind: 'request', id: `r${Math.random().toString(36).slice(2)}`, type, payload });
          return { port, done, state };
        };
        const times = { attendMs: 0, generateMs: 0 };
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
        /** Frames per second while `work` runs. */
        const framesDuring = async (work: Promise<unknown>) => {
          let frames = 0;
          let running = true;
          const tick = () => {
            frames++;
            if (running) requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
          const t0 = performance.now();
          await work;
          running = false;
          const seconds = (performance.now() - t0) / 1000;
          return { fps: frames / seconds, seconds };
        };
        const frames = (n: number) =>
          new Promise<void>((resolve) => {
            const tick = () => (--n <= 0 ? resolve() : requestAnimationFrame(tick));
            requestAnimationFrame(tick);
          });
        // The calibration: the panel's frame rate with the host idle, on this machine as loaded now.
        const idle = await framesDuring(frames(120));
        observer.observe({ type: 'longtask' });
        const busy = await framesDuring(
          (async () => {
            const training = request('host.train.start', { runId: `responsive-${Math.random().toString(36).slice(2)}`, config: train, backend: 'auto' });
            const attend = request('host.gpt.attend', { text });
            const generate = request('host.gpt.generate', { text: 'The gradient', settings: { temperature: 0.8, topK: 0, topP: 1, seed: 1, maxTokens: 64 } });
            const [attendMs, generateMs] = await Promise.all([attend.done, generate.done]);
            // The training run goes on alone for 20 more of its progress reports (or to its end), then is paused
            // (closing its port cancels it).
            const until = training.state.progress + 20;
            await Promise.race([
              training.done,
              new Promise<void>((resolve) => {
                const look = () => (training.state.progress >= until ? resolve() : setTimeout(look, 20));
                look();
              }),
            ]);
            training.port.disconnect();
            Object.assign(times, { attendMs, generateMs });
          })(),
        );
        observer.disconnect();
        return { ...times, idleFps: idle.fps, fps: busy.fps, seconds: busy.seconds, longTasks };
      },
      { text: LONG_TEXT, train: TRAIN },
    );
    const long = (await rec.stop()).filter((t) => t.cpuMs > LONG_TASK_MS);
    console.log(`[host worker] side panel tasks over 50 ms of CPU: ${long.map((t) => `${t.cpuMs} ms CPU/${t.wallMs} ms wall`).join(', ') || 'none'}`);
    console.log(
      `[host worker] attend ${r.attendMs.toFixed(0)} ms, generate ${r.generateMs.toFixed(0)} ms; side panel: ${r.fps.toFixed(1)} fps over ${r.seconds.toFixed(1)} s against ${r.idleFps.toFixed(1)} fps with the host idle, long tasks (wall) ${JSON.stringify(r.longTasks.map(Math.round))}`,
    );
    return { fps: r.fps, idleFps: r.idleFps, long: long.map((t) => `${t.cpuMs} ms CPU at ${t.at} ms`) };
  }

  it('releases what it replaces: memory after 200 mixed requests is within 10% of that after 20', { timeout: 300_000 }, async () => {
    const mixed = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const text = `${SENTENCE.slice(0, 40 + (i % 7) * 10)} ${i}`;
        switch (i % 4) {
          case 0:
            await ask(page, 'host.gpt.tokenize', { text });
            break;
          case 1:
            await ask(page, 'host.gpt.attend', { text });
            break;
          case 2:
            await ask(page, 'host.gpt.generate', { text, settings: { temperature: 0.8, topK: 20, topP: 0.95, seed: i, maxTokens: 8 } });
            break;
          default:
            await ask(page, 'host.gpt.embed', { text, k: 5 });
        }
      }
    };
    const measure = async () => (await ask<{ agentBytes?: number }>(page, 'host.memory', {})).agentBytes;
    await mixed(20);
    const after20 = await measure();
    await mixed(180);
    const after200 = await measure();
    console.log(`[host memory] after 20 requests ${((after20 ?? NaN) / 2 ** 20).toFixed(1)} MiB, after 200 ${((after200 ?? NaN) / 2 ** 20).toFixed(1)} MiB`);
    expect(after20).toBeGreaterThan(0);
    expect(Math.abs(after200! - after20!) / after20!).toBeLessThan(0.1);
  });
});

describe("'auto' with a CPU-emulated WebGPU adapter (SwiftShader)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ webgpu: true });
  });
  afterAll(async () => h?.close());

  it('runs the GPT on WASM and the lab says why', async () => {
    const page = await h.context.newPage();
    await page.goto(h.url('sidepanel.html?lab=gpt&text=Attention%20is%20all%20you%20need'));
    const badge = page.getByTestId('gpt-engine');
    await badge.waitFor({ timeout: 120_000 });
    expect(await badge.getAttribute('data-backend')).toBe('wasm');
    const why = page.getByTestId('gpt-backend-choice');
    expect(await why.getAttribute('data-why')).toBe('fallback-adapter');
    expect(await why.textContent()).toContain('emulated on the CPU');
  });
});
