// No long task on the extension's own pages, in a fresh browser, from navigation until everything
// is painted: the side panel opened on a selection and taken through every GPT lab view, then the
// training lab; the popup (digit lab); the options page. English text and UI in the light theme,
// Chinese in the dark one.
//
// A task is long when the renderer's main thread spent more than 50 ms of CPU in it (the trace's
// thread time: scripts/browser/long-tasks.ts), so a busy machine's preemption does not count; its
// wall time is reported beside. One thing does leak into thread time on this kind of machine (a
// virtual machine that reports no steal time): a vCPU held up by the hypervisor, seen here as a
// single page fault charged with up to 102 ms of a thread's CPU time. Such a stall lands on
// whatever task runs, so a step fails only when it has a long task in every run, up to RUNS runs,
// each in a fresh browser; every run's numbers are printed. The test driver's own one-time work
// (Playwright's selector engine, injected at its first locator action) is done between steps.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LONG_TASK_MS, traceTasks, type MainThreadTask } from '@/scripts/browser/long-tasks';
import { launch, watchErrors } from '@/tests/e2e/harness';

const RUNS = 4;

/** About 50 tokens each, both scripts in each (CJK text takes the fallback fonts' first shaping). */
const TEXTS = {
  en: 'Attention lets each token read the earlier tokens: the query meets every key, a softmax turns the scores into weights, and the values are mixed. 注意力 means attention.',
  zh: '注意力机制让每个词元读取前面的词元：查询与每个键相乘，softmax 把分数变成权重，再把值加权求和。因果掩码挡住未来的位置，所以 GPT 只能看见过去。',
};
const VARIANTS = [
  { name: 'English text, English UI, light', locale: 'en-US', colorScheme: 'light', text: TEXTS.en },
  { name: 'Chinese text, Chinese UI, dark', locale: 'zh-CN', colorScheme: 'dark', text: TEXTS.zh },
] as const;

/** Each view's last part to appear (beside the checks of `settled`). */
const VIEWS = {
  tokens: '[data-testid=token]',
  embeddings: '[data-testid=pca-scatter]',
  attention: '[data-testid=head-view]',
  heads: '[data-testid=role-defs]',
  layers: '[data-testid=lens-tex] .katex',
  neurons: '[data-testid=neuron-figure]',
  generate: '[data-testid=next-token-probs]',
} as const;

/**
 * Waits until `ready` shows, nothing is still working, staging its rows (useStaged) or waiting to
 * be typeset (Tex), and the browser has painted that.
 */
async function settled(page: Page, ready: string): Promise<void> {
  await page.waitForFunction(
    (ready) => {
      const visible = (sel: string) => [...document.querySelectorAll(sel)].some((el) => el.getClientRects().length > 0);
      return visible(ready) && !visible('[data-testid=gpt-working]') && !document.querySelector('[data-staging], .tex:not([data-typeset])');
    },
    ready,
    { timeout: 240_000, polling: 100 },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

interface Step {
  name: string;
  from: number;
  to: number;
}
interface Run {
  steps: Step[];
  tasks: MainThreadTask[];
  errors: string[];
}

type StepFn = (name: string, f: () => Promise<void>) => Promise<void>;

/** Runs `flow` in a fresh browser with its page traced from before navigation; `step` times each part. */
async function traced(v: (typeof VARIANTS)[number], size: { width: number; height: number }, flow: (page: Page, step: StepFn, url: (path: string) => string) => Promise<void>): Promise<Run> {
  const h = await launch({ webgpu: false, locale: v.locale, colorScheme: v.colorScheme });
  try {
    const page = await h.context.newPage();
    const errors = watchErrors(page);
    await page.setViewportSize(size);
    const rec = await traceTasks(page);
    const steps: Step[] = [];
    const step: StepFn = async (name, f) => {
      const from = Date.now() - rec.startedAt;
      await f();
      steps.push({ name, from, to: Date.now() - rec.startedAt });
    };
    await flow(page, step, h.url);
    return { steps, tasks: await rec.stop(), errors };
  } finally {
    await h.close();
  }
}

/** The long tasks of each step; every task over 50 ms of CPU or wall is printed. */
function byStep(label: string, run: Run): Map<string, MainThreadTask[]> {
  const long = new Map<string, MainThreadTask[]>();
  for (const s of run.steps) {
    const tasks = run.tasks.filter((t) => t.at >= s.from && t.at < s.to);
    const shown = tasks.filter((t) => t.cpuMs > LONG_TASK_MS || t.wallMs > LONG_TASK_MS);
    const maxCpu = Math.max(0, ...tasks.map((t) => t.cpuMs));
    console.log(
      `[long tasks] ${label}, ${s.name} (${((s.to - s.from) / 1000).toFixed(1)} s, ${tasks.length} tasks, max ${maxCpu} ms CPU): ` +
        (shown.map((t) => `${t.cpuMs} ms CPU/${t.wallMs} ms wall at ${t.at} ms`).join(', ') || 'none over 50 ms'),
    );
    long.set(s.name, tasks.filter((t) => t.cpuMs > LONG_TASK_MS));
  }
  return long;
}

/** Runs `once` until no step has had a long task in every run so far, or RUNS runs; returns the steps that always had one. */
async function persistent(label: string, once: () => Promise<Run>): Promise<Record<string, MainThreadTask[][]>> {
  let always: Record<string, MainThreadTask[][]> | null = null;
  for (let r = 1; r <= RUNS; r++) {
    const run = await once();
    expect(run.errors, `${label}: console errors`).toEqual([]);
    const long = byStep(`${label}, run ${r}`, run);
    const next: Record<string, MainThreadTask[][]> = {};
    for (const [step, tasks] of long) if (tasks.length && (always === null || always[step])) next[step] = [...(always?.[step] ?? []), tasks];
    always = next;
    if (!Object.keys(always).length) break;
  }
  return always ?? {};
}

describe('no long task on the extension pages, in a fresh browser (thread CPU time, from a trace)', () => {
  for (const v of VARIANTS) {
    it(`side panel (${v.name}): opened on a selection, every GPT lab view, then the training lab`, { timeout: RUNS * 480_000 }, async () => {
      const always = await persistent(`side panel, ${v.name}`, () =>
        traced(v, { width: 360, height: 900 }, async (page, step, url) => {
          await step('open on Tokens', async () => {
            await page.goto(url(`sidepanel.html?text=${encodeURIComponent(v.text)}&view=tokens`));
            await settled(page, VIEWS.tokens);
            // The comparison counts arrive last, from their worker.
            await page.waitForFunction(() => /^\d+$/.test(document.querySelector('[data-testid=count-gpt4o]')?.textContent ?? ''), undefined, { timeout: 120_000 });
            await settled(page, VIEWS.tokens);
          });
          // Outside the steps: Playwright's first locator action in a document injects its selector
          // engine (an isolated world and ~10 ms of script touching ~600 fresh pages of memory,
          // measured with perf). That is the test driver's work, not the extension's, and on the
          // build machines those page faults were at times charged 60-100 ms of the panel
          // thread's CPU, inside the first view's click (docs/testing.md).
          await page.getByTestId('gpt-view-embeddings').waitFor();
          for (const view of ['embeddings', 'attention', 'heads', 'layers', 'neurons', 'generate'] as const) {
            await step(`first ${view} view`, async () => {
              await page.getByTestId(`gpt-view-${view}`).click();
              await settled(page, VIEWS[view]);
            });
          }
          await step('training lab', async () => {
            await page.getByTestId('tab-training').click();
            await settled(page, '[data-testid=saved-nets][data-loaded=true]');
          });
        }),
      );
      expect(always).toEqual({});
    });

    it(`popup (${v.name}): from navigation until the digit lab is ready to draw`, { timeout: RUNS * 180_000 }, async () => {
      const always = await persistent(`popup, ${v.name}`, () =>
        traced(v, { width: 640, height: 900 }, async (page, step, url) => {
          await step('open', async () => {
            await page.goto(url('popup.html'));
            // A page function, not a locator: no selector engine injected inside the measured step.
            await page.waitForFunction(() => /784-/.test(document.querySelector('[data-testid=digit-latency]')?.textContent ?? ''), undefined, { timeout: 60_000, polling: 100 });
            await settled(page, '[data-testid=host-threads]');
          });
        }),
      );
      expect(always).toEqual({});
    });

    it(`options page (${v.name}): from navigation until painted`, { timeout: RUNS * 120_000 }, async () => {
      const always = await persistent(`options, ${v.name}`, () =>
        traced(v, { width: 800, height: 900 }, async (page, step, url) => {
          await step('open', async () => {
            await page.goto(url('options.html'));
            await settled(page, '[data-testid=opt-in-sites]');
          });
        }),
      );
      expect(always).toEqual({});
    });
  }
});
