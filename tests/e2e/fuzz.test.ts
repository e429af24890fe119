// Issue #16's message fuzzer in the real browser: 10,000 seeded generated messages from the
// content script's own isolated world on a lecture page, and as many from an extension page, over
// the channels the extension's code uses (the RPC port; runtime.sendMessage, which nothing
// answers; ports with other names, the model host's among them): wrong types, missing and extra
// fields, 10 MB strings, 10,000-level nesting (which Chrome refuses to send: counted as such),
// NaN/Infinity (null by the time they arrive: Chrome sends JSON), negative and fractional counts, unknown types, cancels for unknown ids, messages
// after a port closed. Every message gets a typed error or is dropped with a log line, the service
// worker, the offscreen document and the host worker log no error and throw nothing, the service
// worker and the host are the instances they were, every extension-page-only request is refused
// to the content script however well-formed, and valid requests are answered as before.
// Replay: FUZZ_SEED=<seed> (the unit fuzz, tests/unit/platform/fuzz.test.ts, takes the same).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { serveStatic } from '@/scripts/static-server.mjs';
import { attachTarget, channelOf, tunnel, type Channel, type TargetSession } from '@/scripts/browser/cdp-tunnel';
import { extensionTargets } from '@/scripts/browser/service-worker';
import { launch, ROOT, type Harness } from '@/tests/e2e/harness';
import { BROWSER_RUN, expectClean, fuzzExpression, fuzzSummary, requestsExpression, type FuzzReport, type FuzzRun } from '@/tests/e2e/fuzz-page';
import { REQUEST_TYPES, VALID_PAYLOADS } from '@/tests/fuzz/messages';
import { CONTENT_SCRIPT_ALLOWED } from '@/platform/protocol/validate';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const COUNT = 10_000;
const RUN: Omit<FuzzRun, 'seed'> = {
  count: COUNT,
  // Each 10 MB message takes the sender about half a second to serialise, 2,000-deep arrays a tenth.
  mix: { hugeShare: 0.004, nestMax: 500 },
  ...BROWSER_RUN,
};
const TEXT = 'The softmax turns logits into probabilities.';

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** Errors and the background's "rejected" log lines of one extension context, over CDP. */
interface Watched {
  errors: string[];
  rejected: number;
  sessions: TargetSession[];
}

function watch(session: TargetSession, label: string, w: Watched): Promise<unknown> {
  w.sessions.push(session);
  session.on('Runtime.exceptionThrown', ((e: { exceptionDetails: { text: string; exception?: { description?: string } } }) =>
    w.errors.push(`${label} threw: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`)) as (p: never) => void);
  session.on('Runtime.consoleAPICalled', ((e: { type: string; args: { value?: unknown; description?: string }[] }) => {
    const text = e.args.map((a) => String(a.value ?? a.description ?? '')).join(' ');
    if (e.type === 'error' || e.type === 'assert') w.errors.push(`${label} console.error: ${text.slice(0, 300)}`);
    if (e.type === 'warning' && /rejected/.test(text)) w.rejected++;
  }) as (p: never) => void);
  session.on('Log.entryAdded', ((e: { entry: { level: string; text: string } }) => {
    if (e.entry.level === 'error') w.errors.push(`${label} log: ${e.entry.text.slice(0, 300)}`);
  }) as (p: never) => void);
  return Promise.all([session.send('Runtime.enable'), session.send('Log.enable')]);
}

/** Watches the service worker, the offscreen document and the workers it owns (the model host). */
async function watchExtension(cdp: Channel, extensionId: string): Promise<{ sw: Watched; host: Watched; swTargetId: string }> {
  const sw: Watched = { errors: [], rejected: 0, sessions: [] };
  const host: Watched = { errors: [], rejected: 0, sessions: [] };
  const [worker] = await extensionTargets(cdp, extensionId, 'service_worker');
  if (!worker) throw new Error('no service worker');
  await watch(await attachTarget(cdp, worker.targetId), 'service worker', sw);
  const [doc] = await extensionTargets(cdp, extensionId, 'background_page');
  if (!doc) throw new Error('no offscreen document');
  const docSession = await attachTarget(cdp, doc.targetId);
  const workers: Promise<unknown>[] = [];
  docSession.on('Target.attachedToTarget', ((e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
    if (e.targetInfo.type === 'worker') workers.push(watch(tunnel(docSession, e.sessionId), `host worker ${e.targetInfo.url.split('/').pop()}`, host));
  }) as (p: never) => void);
  await watch(docSession, 'offscreen document', host);
  await docSession.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  // The document's worker is announced by an event after the call returns: wait for it.
  for (const deadline = Date.now() + 60_000; workers.length === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
  await Promise.all(workers);
  if (!host.sessions.some((s) => s !== docSession)) throw new Error('no model host worker');
  return { sw, host, swTargetId: worker.targetId };
}

/** The content script's isolated world in the page's main frame. */
async function contentScriptWorld(cdp: CDPSession, extensionId: string): Promise<{ id: number; name: string }> {
  const contexts: { id: number; name: string; origin: string; auxData?: { frameId?: string; type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}` && c.auxData.frameId === frameTree.frame.id);
  if (!world) throw new Error(`no content script world among ${JSON.stringify(contexts.map((c) => [c.name, c.origin, c.auxData?.type]))}`);
  return world;
}

async function evaluateIn<T>(cdp: CDPSession, contextId: number, expression: string): Promise<T> {
  const r = (await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true })) as {
    result: { value: T };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  if (r.exceptionDetails) throw new Error(`in the content script: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value;
}

describe(`message fuzzing in the browser (seed ${SEED}, ${COUNT} messages per sender)`, () => {
  let h: Harness;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let extPage: Page;
  let cdp: CDPSession;
  let watched: Awaited<ReturnType<typeof watchExtension>>;
  let before: { startedAt: number; hostStartedAt: number; tokens: unknown };

  const valid = async (page: Page) => {
    const [ping, status, tokens] = (await page.evaluate(
      requestsExpression([
        { type: 'bg.ping', payload: {} },
        { type: 'host.status', payload: {} },
        { type: 'host.gpt.tokenize', payload: { text: TEXT } },
      ]),
    )) as Result[];
    if (!ping!.ok || !status!.ok || !tokens!.ok) throw new Error(`valid requests failed: ${JSON.stringify([ping, status, tokens]).slice(0, 500)}`);
    return {
      startedAt: (ping.value as { backgroundStartedAt: number }).backgroundStartedAt,
      hostStartedAt: (status.value as { hostStartedAt: number }).hostStartedAt,
      tokens: tokens.value,
    };
  };

  /** The same service worker and model host, nothing thrown or logged as an error, a log line per drop. */
  const expectSurvived = async (r: FuzzReport, rejectedBefore: number) => {
    const [sw] = await extensionTargets(channelOf(cdp), h.extensionId, 'service_worker');
    expect(sw?.targetId, 'the service worker restarted').toBe(watched.swTargetId);
    expect(watched.sw.errors).toEqual([]);
    expect(watched.host.errors).toEqual([]);
    const logged = watched.sw.rejected - rejectedBefore;
    console.log(`  the background logged ${logged} rejected messages`);
    expect(logged).toBeGreaterThanOrEqual((r.errors['bad-request'] ?? 0) - r.duplicates + r.cancelsDropped);
    const after = await valid(extPage);
    expect(after.startedAt, 'the service worker restarted').toBe(before.startedAt);
    expect(after.hostStartedAt, 'the model host restarted').toBe(before.hostStartedAt);
    expect(after.tokens).toEqual(before.tokens);
  };

  beforeAll(async () => {
    h = await launch({ webgpu: false });
    server = await serveStatic(join(ROOT, 'tests', 'fixtures', 'pages'));
    extPage = await h.context.newPage();
    await extPage.goto(h.url('options.html'));
    // Starts the model host and loads the GPT: the answers after the fuzz must equal these.
    before = await valid(extPage);
    cdp = await h.context.newCDPSession(extPage);
    watched = await watchExtension(channelOf(cdp), h.extensionId);
  });
  afterAll(async () => {
    for (const s of [...(watched?.sw.sessions ?? []), ...(watched?.host.sessions ?? [])]) await s.detach().catch(() => undefined);
    await h?.close();
    await server?.close();
  });

  it('from the content script on a lecture page: typed errors or logged drops, nothing thrown, page-only requests refused, valid ones answered', { timeout: 600_000 }, async () => {
    const page = await h.context.newPage();
    await page.goto(`${server.url}/english.html`);
    await page.locator('dl-tutor-root').waitFor({ state: 'attached' });
    const pageCdp = await h.context.newCDPSession(page);
    const world = await contentScriptWorld(pageCdp, h.extensionId);
    const rejectedBefore = watched.sw.rejected;
    const seed = SEED + 1;
    const r = await evaluateIn<FuzzReport>(pageCdp, world.id, fuzzExpression({ ...RUN, seed }));
    console.log(fuzzSummary(`content script, world '${world.name}'`, r, { ...RUN, seed }));
    expectClean(r, RUN);
    // Only bg.ping and ui.openDemo pass the router for a content script: the rest that was well-formed was refused.
    expect(r.errors.forbidden ?? 0).toBeGreaterThan(0);
    await expectSurvived(r, rejectedBefore);

    // Every request only extension pages may make, well-formed, is refused.
    const pageOnly = REQUEST_TYPES.filter((t) => !CONTENT_SCRIPT_ALLOWED.has(t));
    const refused = await evaluateIn<Result[]>(pageCdp, world.id, requestsExpression(pageOnly.map((type) => ({ type, payload: VALID_PAYLOADS[type] }))));
    pageOnly.forEach((type, k) => expect(refused[k], type).toMatchObject({ ok: false, error: { code: 'forbidden' } }));
    console.log(`  ${pageOnly.length} page-only request types sent well-formed from the content script: all refused (forbidden)`);

    // And what a content script may ask is answered: a ping, and "Try it" opening the digit lab.
    const opened = h.context.waitForEvent('page');
    const [ping, demo] = await evaluateIn<Result[]>(pageCdp, world.id, requestsExpression([
      { type: 'bg.ping', payload: {} },
      { type: 'ui.openDemo', payload: { demo: { kind: 'digit-lab' }, text: '' } },
    ]));
    expect(ping).toEqual({ ok: true, value: { backgroundStartedAt: before.startedAt } });
    expect(demo).toEqual({ ok: true, value: { opened: 'tab', url: h.url('popup.html?lab=digits') } });
    await (await opened).close();
    await pageCdp.detach();
    await page.close();
  });

  it('from an extension page: typed errors or logged drops, nothing thrown, valid requests answered as before', { timeout: 600_000 }, async () => {
    const rejectedBefore = watched.sw.rejected;
    const seed = SEED + 2;
    const r = (await extPage.evaluate(fuzzExpression({ ...RUN, seed }))) as FuzzReport;
    console.log(fuzzSummary('extension page', r, { ...RUN, seed }));
    expectClean(r, RUN);
    await expectSurvived(r, rejectedBefore);
  });
});
