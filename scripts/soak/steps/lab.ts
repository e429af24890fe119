import type { Page } from 'playwright-core';
import { INTERRUPTION_TEXT } from '@/scripts/soak/ledger';
import { traceTasks } from '@/scripts/browser/long-tasks';
import { closePage, fail, pass, runStep, type StepContext, type Verdict } from '@/scripts/soak/steps/step';

// Selection → lab views → generation, in the side panel page the selection button opens
// (sidepanel.html?text=…&view=…), opened as a tab. The first view comes from the URL, the others
// from the lab's tabs in a seeded order, as a learner clicks through them; then Generate. The
// page's renderer is traced from its navigation on: its tasks are filed per step (Ledger.panel).

/** Sentences of the lecture fixture pages, as a learner would select them. */
const SENTENCES = [
  'Each token of the input is mapped to an embedding vector, and the attention pattern decides which earlier tokens each position reads from.',
  'Backpropagation computes the gradient of the cost with respect to every weight, and gradient descent then takes a small step downhill.',
  '在 Transformer 中，自注意力让每个词元根据查询和键的相似度读取前面的信息，因果掩码挡住未来的位置。',
  '随机梯度下降每次只用一个小批量估计梯度，学习率决定每一步走多远。',
];

/** What each view shows once its answer has arrived (the e2e tests wait for the same). */
const READY = {
  tokens: '[data-testid=token]',
  embeddings: '[data-testid=pca-scatter]',
  attention: '[data-testid=attention-map]',
  heads: '[data-testid=head-table]',
  layers: '[data-testid=lens-grid][data-painted-at]',
  neurons: '[data-testid=top-neuron]',
} as const;
type View = keyof typeof READY;

const VIEW_MS = 150_000;
const GENERATE_TOKENS = 32;

/** Waits until `ready` shows with no spinner, or an error shows: that error's text. */
async function settle(page: Page, ready: string, what: string): Promise<Verdict> {
  const deadline = Date.now() + VIEW_MS;
  while (Date.now() < deadline) {
    const s = await page.evaluate((ready) => {
      const shown = (el: Element) => el.getClientRects().length > 0;
      const errors = [...document.querySelectorAll('[data-testid=gpt-error]')].filter(shown).map((e) => (e.textContent ?? '').trim());
      const working = [...document.querySelectorAll('[data-testid=gpt-working]')].some(shown);
      const done = [...document.querySelectorAll(ready)].some(shown);
      return { errors, done: done && !working };
    }, ready);
    if (s.errors.length) return fail(`${what}: the lab shows "${s.errors.join(' | ')}"`, s.errors.every((e) => INTERRUPTION_TEXT.test(e)));
    if (s.done) return pass;
    await page.waitForTimeout(250);
  }
  return fail(`${what}: not rendered in ${VIEW_MS / 1000} s`);
}

const labUrl = (ctx: StepContext, text: string, view: string) => ctx.h.url(`sidepanel.html?text=${encodeURIComponent(text)}&view=${view}`);

async function showView(ctx: StepContext, page: Page, text: string, view: View, attempt: number): Promise<Verdict> {
  // The side panel's views load lazily: its tab bar (Generate is always there) is waited for
  // before asking whether this view has a tab, so a slow start is not mistaken for a missing view.
  await page.getByTestId('gpt-view-generate').waitFor({ state: 'visible', timeout: VIEW_MS });
  const tab = page.getByTestId(`gpt-view-${view}`);
  if (!(await tab.count())) return fail(`the lab has no ${view} tab`);
  // A retry opens the view afresh, as a learner reopening the lab would.
  if (attempt > 0) await page.goto(labUrl(ctx, text, view), { timeout: 60_000 });
  else if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  return settle(page, READY[view], `view ${view}`);
}

async function generate(ctx: StepContext, page: Page, text: string, attempt: number): Promise<Verdict> {
  if (attempt > 0) await page.goto(labUrl(ctx, text, 'generate'), { timeout: 60_000 });
  else await page.getByTestId('gpt-view-generate').click();
  const ready = await settle(page, '[data-testid=next-token-probs]', 'Generate view');
  if (!ready.ok) return ready;
  await page.getByTestId('max-tokens').fill(String(GENERATE_TOKENS));
  await page.getByTestId('max-tokens').dispatchEvent('change');
  await page.getByTestId('generate').click();
  const done = await settle(page, '[data-testid=stopped]', `generation of ${GENERATE_TOKENS} tokens`);
  if (!done.ok) return done;
  const out = (await page.getByTestId('generation').textContent()) ?? '';
  return out.trim() ? pass : fail('the generation finished with no text');
}

export async function lab(ctx: StepContext): Promise<void> {
  const text = SENTENCES[Math.floor(ctx.rng() * SENTENCES.length)]!;
  const views = (Object.keys(READY) as View[]).map((v) => ({ v, k: ctx.rng() })).sort((a, b) => a.k - b.k).map((x) => x.v);
  const opening = ctx.ledger.begin('lab open');
  const page = await ctx.h.context.newPage();
  await page.setViewportSize({ width: 420, height: 1200 });
  const trace = await traceTasks(page);
  try {
    await page.goto(labUrl(ctx, text, views[0]!), { timeout: 60_000 });
    opening.end();
    // The test driver's own first-time work falls between steps: Playwright injects its selector
    // engine at its first locator call in a document (~590 fresh pages in one task of the panel's
    // thread; docs/testing.md), which would otherwise count against the first view.
    await page.locator('body').count();
    for (const view of views) await runStep(ctx, `lab view ${view}`, (attempt) => showView(ctx, page, text, view, attempt));
    await runStep(ctx, 'lab generate', (attempt) => generate(ctx, page, text, attempt));
  } finally {
    await trace
      .stop()
      .then((tasks) => ctx.ledger.panel(trace.startedAt, tasks))
      .catch((e: unknown) => ctx.ledger.error('side panel trace', e instanceof Error ? e.message : String(e)));
    await closePage(ctx, page, 'side panel (GPT lab)');
  }
}
