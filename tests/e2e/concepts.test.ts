import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serveStatic } from '@/scripts/static-server.mjs';
import { launch, openedExtensionPage, rawRpc, ROOT, screenshot, stopServiceWorker, tabIdOf, watchErrors, type Harness } from '@/tests/e2e/harness';
import { setOption } from '@/tests/e2e/options-page';
import { conceptById } from '@/features/concepts/kb';

const marks = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('dl-concept')].map((e) => `${(e as HTMLElement).dataset.concept}:${e.textContent}`));

/**
 * The page's marks once the content script says its annotation is idle: the side panel's question
 * (tab.concepts) is answered only after the annotator has worked through everything it has seen.
 */
async function settled(h: Harness, page: Page): Promise<string[]> {
  await page.locator('dl-concept').first().waitFor({ state: 'attached', timeout: 60_000 });
  const tabId = await tabIdOf(h, page);
  const helper = await h.context.newPage();
  await helper.goto(h.url('options.html'));
  const r = (await rawRpc(helper, { kind: 'request', id: `settled-${tabId}-${Date.now()}`, type: 'tab.concepts', payload: { tabId } })) as { ok: boolean };
  await helper.close();
  if (!r.ok) throw new Error(`tab.concepts: ${JSON.stringify(r)}`);
  return marks(page);
}

describe('concept annotation on lecture pages', () => {
  let h: Harness;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    h = await launch({ webgpu: false });
    server = await serveStatic(join(ROOT, 'tests', 'fixtures', 'pages'));
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it('marks concepts in English, leaves everyday words, code and inputs alone, and keeps the text', async () => {
    const page = await h.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/english.html`);
    await page.locator('#dynamic dl-concept').first().waitFor({ timeout: 60_000 });
    const found = await settled(h, page);
    expect(found).toEqual(
      expect.arrayContaining([
        'backpropagation:Backpropagation',
        'gradient-descent:gradient descent',
        'learning-rate:learning rate',
        'adam:Adam optimizer',
        'stochastic-gradient-descent:stochastic gradient descent',
        'softmax-temperature:softmax with temperature',
        'dropout:dropout',
      ]),
    );
    // Everyday words in p3 and everything in code, inputs and editable areas are left alone.
    expect(await page.locator('#p3 dl-concept').count()).toBe(0);
    expect(await page.locator('pre dl-concept, textarea dl-concept, [contenteditable] dl-concept').count()).toBe(0);
    // Density: first mention per section only.
    expect(found.filter((f) => f.startsWith('backpropagation:'))).toHaveLength(1);
    // Not one character of the page's text changed.
    const texts = await page.evaluate(() => {
      const w = window as unknown as { __texts: string[] };
      return { before: w.__texts.join(''), after: document.body.textContent };
    });
    expect(texts.after?.replace(/Loaded later:.*overfitting\./, '')).toBe(texts.before);
    await screenshot(page, 'concepts-english');
    expect(errors).toEqual([]);
  });

  it('marks Chinese and mixed text with no word boundaries', async () => {
    const page = await h.context.newPage();
    await page.goto(`${server.url}/chinese.html`);
    const found = await settled(h, page);
    expect(found).toEqual(
      expect.arrayContaining([
        'backpropagation:反向传播',
        'chain-rule:链式法则',
        'loss-function:损失函数',
        'stochastic-gradient-descent:随机梯度下降',
        'learning-rate:学习率',
        'self-attention:自注意力',
        'causal-mask:因果掩码',
        'adam:Adam 优化器',
        'multilayer-perceptron:MLP',
      ]),
    );
  });

  it('opens a card with the formula on click and on Enter, navigates related ideas, closes on Esc', async () => {
    const page = await h.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/english.html`);
    const term = page.locator('#p1 dl-concept[data-concept=backpropagation]');
    await term.click();
    const card = page.getByTestId('concept-card');
    await expect.poll(() => card.getAttribute('data-concept')).toBe('backpropagation');
    // Formulas are typeset a task after the card opens.
    await expect.poll(() => card.locator('math').count()).toBeGreaterThan(0);
    expect(await card.locator('h2').textContent()).toBe('backpropagation');
    // The body came from the background (bg.concept): the knowledge base's own words.
    expect(await card.locator('.summary').textContent()).toBe(conceptById('backpropagation')!.summary.en);
    expect(await card.getByTestId('card-loading').count()).toBe(0);
    await screenshot(page, 'concept-card');
    // The extension's layer takes no clicks away from the page outside the card.
    expect(await page.evaluate(() => [document.elementFromPoint(3, 3)?.tagName, document.elementFromPoint(900, 700)?.tagName])).not.toContain(
      'DL-TUTOR-ROOT',
    );

    const related = card.locator('[data-testid=card-related] .chip').first();
    const relatedId = await related.getAttribute('data-concept');
    await related.click();
    await expect.poll(() => card.getAttribute('data-concept')).toBe(relatedId);
    await page.getByTestId('card-back').click();
    await expect.poll(() => card.getAttribute('data-concept')).toBe('backpropagation');

    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('DL-CONCEPT');
    await page.keyboard.press('Enter');
    await expect.poll(() => card.count()).toBe(1);
    await page.mouse.click(5, 5);
    await expect.poll(() => card.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('fetches a card body from a stopped service worker, on hover before the click', async () => {
    const page = await h.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/english.html`);
    const term = page.locator('#p1 dl-concept[data-concept=backpropagation]');
    await term.waitFor();
    // Chrome stops an idle service worker after 30 s; the card's body must start it again.
    await stopServiceWorker(h, page);
    await term.hover();
    await term.click();
    const card = page.getByTestId('concept-card');
    await expect.poll(() => card.locator('.summary').textContent(), { timeout: 15_000 }).toBe(conceptById('backpropagation')!.summary.en);
    await expect.poll(() => card.locator('math').count()).toBeGreaterThan(0);
    // A related concept's body is asked for when it is opened.
    await card.locator('[data-testid=card-related] .chip').first().click();
    await expect.poll(() => card.locator('.summary').count()).toBe(1);
    expect(await card.getByTestId('card-failed').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('"Try it" on softmax with temperature opens the GPT lab on the sentence around it', async () => {
    const page = await h.context.newPage();
    await page.goto(`${server.url}/english.html`);
    await page.locator('dl-concept[data-concept=softmax-temperature]').click();
    const url = new URL(await openedExtensionPage(h, page, 'sidepanel.html', () => page.getByTestId('card-try').click()));
    expect(url.pathname).toBe('/sidepanel.html');
    expect(url.searchParams.get('lab')).toBe('gpt');
    expect(url.searchParams.get('view')).toBe('generate');
    const sentence = 'A language model turns its logits into probabilities with softmax with temperature: a low temperature makes sampling nearly greedy.';
    expect(url.searchParams.get('text')).toBe(sentence);
    // The link lands in the lab's Generate view, reading that sentence.
    const lab = await h.context.newPage();
    await lab.goto(url.href);
    await lab.getByTestId('next-token-probs').waitFor({ timeout: 150_000 });
    expect(await lab.getByTestId('gpt-text').inputValue()).toBe(sentence);
    expect(await lab.getByTestId('gpt-view-generate').getAttribute('aria-selected')).toBe('true');
    await lab.close();
  });

  it('lists the concepts of a page in the side panel, and jumps to one on click', async () => {
    const page = await h.context.newPage();
    await page.goto(`${server.url}/english.html`);
    await page.locator('#dynamic dl-concept').first().waitFor({ timeout: 60_000 });
    const found = await settled(h, page);
    const tabId = await tabIdOf(h, page);
    const panel = await h.context.newPage();
    await panel.setViewportSize({ width: 360, height: 700 });
    await panel.goto(h.url(`sidepanel.html?tab=${tabId}`));
    await panel.getByTestId('page-concept').first().waitFor();
    const listed = await panel.getByTestId('page-concept').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.concept));
    const expected = [...new Set(found.map((f) => f.split(':')[0]))];
    expect(listed).toEqual(expected);
    await screenshot(panel, 'sidepanel-concepts');
    await panel.locator('[data-testid=page-concept][data-concept=dropout]').click();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.concept))
      .toBe('dropout');
  });

  it('marks every mention when the density option says so', async () => {
    const page = await h.context.newPage();
    await page.goto(`${server.url}/english.html`);
    await page.locator('#dynamic dl-concept').first().waitFor({ timeout: 60_000 });
    const first = (await settled(h, page)).length;
    const options = await h.context.newPage();
    await options.goto(h.url('options.html'));
    await setOption(options, 'option-density', 'density', 'all');
    await expect.poll(async () => (await marks(page)).length, { timeout: 60_000 }).toBeGreaterThan(first);
    expect((await settled(h, page)).filter((m) => m.startsWith('token:'))).toHaveLength(2);
    await setOption(options, 'option-density', 'density', 'first-per-section');
    await options.close();
  });

  it('writes cards in the page\'s language when the learner chose so, in an English interface', async () => {
    const page = await h.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/chinese.html`);
    const term = page.locator('dl-concept[data-concept=backpropagation]').first();
    await term.waitFor({ timeout: 10_000 });
    const card = page.getByTestId('concept-card');
    const bp = conceptById('backpropagation')!;
    const openCard = async () => {
      await term.click();
      await expect.poll(() => card.getAttribute('data-concept')).toBe('backpropagation');
      await expect.poll(() => card.locator('.summary').count()).toBe(1);
    };
    // The harness's browser is English: by default the card follows the interface.
    await openCard();
    expect(await card.locator('h2').textContent()).toBe(bp.name.en);
    await page.keyboard.press('Escape');

    const options = await h.context.newPage();
    await options.goto(h.url('options.html'));
    await setOption(options, 'option-card-lang', 'cardLang', 'page');
    await expect.poll(async () => {
      await page.bringToFront();
      await openCard();
      const name = await card.locator('h2').textContent();
      await page.keyboard.press('Escape');
      return name;
    }, { timeout: 10_000 }).toBe(bp.name.zh);
    await openCard();
    expect(await card.locator('.summary').textContent()).toBe(bp.summary.zh);
    await page.keyboard.press('Escape');

    await setOption(options, 'option-card-lang', 'cardLang', 'ui');
    await options.close();
    await expect.poll(async () => {
      await openCard();
      const name = await card.locator('h2').textContent();
      await page.keyboard.press('Escape');
      return name;
    }, { timeout: 10_000 }).toBe(bp.name.en);
    expect(errors).toEqual([]);
  });

  it('leaves pages off the lecture list alone, and says why it cannot annotate them unasked', async () => {
    const other = await serveStatic(join(ROOT, 'tests', 'fixtures', 'pages'), 0, '127.0.0.2');
    try {
      const page = await h.context.newPage();
      await page.goto(`${other.url}/english.html`);
      await page.waitForTimeout(1500);
      expect(await page.locator('dl-concept').count()).toBe(0);
      expect(await page.locator('dl-tutor-root').count()).toBe(0);
      const tabId = await tabIdOf(h, page);
      const helper = await h.context.newPage();
      await helper.goto(h.url('options.html'));
      const r = (await rawRpc(helper, { kind: 'request', id: 'ann1', type: 'tab.annotate', payload: { tabId } })) as {
        ok: boolean;
        error: { code: string; message: string };
      };
      // Without the toolbar click (activeTab) or an opt-in, the page is off limits.
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('forbidden');
      await helper.close();
    } finally {
      await other.close();
    }
  });

  it('turning annotation off restores the exact original text nodes', async () => {
    const page = await h.context.newPage();
    await page.goto(`${server.url}/chinese.html`);
    await settled(h, page);
    const options = await h.context.newPage();
    await options.goto(h.url('options.html'));
    await setOption(options, 'option-enabled', 'enabled', false);
    await expect.poll(() => page.locator('dl-concept').count()).toBe(0);
    expect(await page.locator('dl-tutor-root').count()).toBe(0);
    const same = await page.evaluate(() => {
      const w = window as unknown as { __nodes: Text[]; __texts: string[] };
      const now: Text[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) now.push(n as Text);
      return now.length === w.__nodes.length && now.every((n, i) => n === w.__nodes[i] && n.data === w.__texts[i]);
    });
    expect(same).toBe(true);
    await setOption(options, 'option-enabled', 'enabled', true);
    await expect.poll(() => page.locator('dl-concept').count()).toBeGreaterThan(0);
    await options.close();
  });
});
