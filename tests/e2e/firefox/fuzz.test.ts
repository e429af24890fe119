// Issue #16's message fuzz in Firefox ESR, from an extension page: Firefox's ports carry messages
// by structured clone (NaN, Infinity and undefined arrive as such, unlike Chrome's JSON), and its
// background is an event page that runs the model host itself. The content-script half is
// Chromium's only (tests/e2e/fuzz.test.ts): WebDriver BiDi offers no way into a WebExtension
// content script's sandbox, and the router's allow-list is the same code in both browsers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from '@/tests/e2e/firefox/firefox-harness';
import { BROWSER_RUN, expectClean, fuzzExpression, fuzzSummary, requestsExpression, type FuzzReport, type FuzzRun } from '@/tests/e2e/fuzz-page';
import { NODE_MIX } from '@/tests/fuzz/messages';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUN: Omit<FuzzRun, 'seed'> = {
  count: 10_000,
  // Firefox clones 10 MB and 10,000-deep messages quickly: the unit fuzz's mix, and its stream.
  mix: NODE_MIX,
  ...BROWSER_RUN,
};

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

describe(`Firefox: message fuzzing from an extension page (seed ${SEED + 4}, ${RUN.count} messages)`, () => {
  let h: FirefoxHarness;
  let page: Page;
  const valid = async () => {
    const results = (await page.evaluate(
      requestsExpression([
        { type: 'bg.ping', payload: {} },
        { type: 'host.status', payload: {} },
        { type: 'host.gpt.tokenize', payload: { text: 'The softmax turns logits into probabilities.' } },
      ]),
    )) as Result[];
    if (!results.every((x) => x.ok)) throw new Error(`valid requests failed: ${JSON.stringify(results).slice(0, 500)}`);
    const [ping, status, tokens] = results.map((x) => (x as { value: unknown }).value);
    return {
      startedAt: (ping as { backgroundStartedAt: number }).backgroundStartedAt,
      hostStartedAt: (status as { hostStartedAt: number }).hostStartedAt,
      tokens,
    };
  };
  beforeAll(async () => {
    h = await launchFirefox();
    page = await h.openExtensionPage('options.html');
  });
  afterAll(async () => h?.close());

  it('typed errors or logged drops, nothing thrown, valid requests answered as before', { timeout: 600_000 }, async () => {
    const before = await valid();
    const run = { ...RUN, seed: SEED + 4 };
    const r = (await page.evaluate(fuzzExpression(run))) as FuzzReport;
    console.log(fuzzSummary('Firefox extension page', r, run));
    expectClean(r, RUN);
    // The same background (bg.ping's start time) and model host, and the same answer.
    expect(await valid()).toEqual(before);
    expect(h.errors()).toEqual([]);
  });
});
