import { conceptDetails } from '@/features/concepts/details';
import type { ConceptDetails } from '@/platform/protocol/concept';
import { describe, expect, it } from 'vitest';
import { RpcFailure, type ServerMsg } from '@/platform/protocol/protocol';
import { servePort, settle } from '@/platform/messaging/serve';
import { createRouter } from '@/platform/background/router';
import { portPair } from '@/tests/unit/platform/fake-port';

function collect(port: import('wxt/browser').Browser.runtime.Port) {
  const got: ServerMsg[] = [];
  port.onMessage.addListener((m: ServerMsg) => got.push(m));
  return got;
}
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('servePort', () => {
  it('streams progress, then exactly one answer', async () => {
    const [client, server] = portPair();
    servePort(
      server,
      async (req, ctx) => {
        ctx.progress({ stage: 'half' });
        return { ok: true, value: req.type };
      },
      () => {},
    );
    const got = collect(client);
    client.postMessage({ kind: 'request', id: 'r1', type: 'bg.ping', payload: {} });
    await tick();
    expect(got).toEqual([
      { kind: 'progress', id: 'r1', data: { stage: 'half' } },
      { kind: 'response', id: 'r1', result: { ok: true, value: 'bg.ping' } },
    ]);
  });

  it('rejects malformed messages with an error value and reports them', async () => {
    const [client, server] = portPair();
    const rejected: string[] = [];
    let ran = false;
    servePort(
      server,
      async () => {
        ran = true;
        return { ok: true, value: null };
      },
      (why) => rejected.push(why),
    );
    const got = collect(client);
    client.postMessage({ kind: 'request', id: 'r2', type: 'host.rm-rf', payload: {} });
    await tick();
    expect(ran).toBe(false);
    expect(rejected).toHaveLength(1);
    expect(got[0]).toMatchObject({ kind: 'response', id: 'r2', result: { ok: false, error: { code: 'bad-request' } } });
  });

  it('cancels work when asked and when the port closes', async () => {
    const [client, server] = portPair();
    const signals: AbortSignal[] = [];
    servePort(
      server,
      (_req, ctx) => {
        signals.push(ctx.signal);
        return settle(() => new Promise((r) => setTimeout(r, 50)), ctx.signal);
      },
      () => {},
    );
    const got = collect(client);
    client.postMessage({ kind: 'request', id: 'c1', type: 'bg.ping', payload: {} });
    client.postMessage({ kind: 'request', id: 'c2', type: 'bg.ping', payload: {} });
    await tick();
    client.postMessage({ kind: 'cancel', id: 'c1' });
    await tick(80);
    expect(signals[0]!.aborted).toBe(true);
    expect(got.find((m) => m.id === 'c1')).toMatchObject({ result: { ok: false, error: { code: 'cancelled' } } });
    expect(got.find((m) => m.id === 'c2')).toMatchObject({ result: { ok: true } });

    client.postMessage({ kind: 'request', id: 'c3', type: 'bg.ping', payload: {} });
    await tick();
    client.disconnect();
    await tick();
    expect(signals[2]!.aborted).toBe(true);
  });
});

describe('servePort under the message fuzz', () => {
  // Found by the message fuzz (tests/e2e/fuzz.test.ts): a type carrying its own toString made the
  // port's listener throw, an uncaught error in the service worker and a request never answered.
  it('answers a message whose type has its own toString with a typed error', async () => {
    const [client, server] = portPair();
    const rejected: string[] = [];
    servePort(server, async () => ({ ok: true, value: null }), (why) => rejected.push(why));
    const got = collect(client);
    client.postMessage(JSON.parse('{"kind":"request","id":"t1","type":{"toString":[],"valueOf":{}},"payload":{}}'));
    client.postMessage(JSON.parse('{"kind":{"toString":false},"id":"t2"}'));
    await tick();
    expect(got).toMatchObject([
      { kind: 'response', id: 't1', result: { ok: false, error: { code: 'bad-request', message: 'unknown request type: an object' } } },
      { kind: 'response', id: 't2', result: { ok: false, error: { code: 'bad-request', message: 'unknown message kind: an object' } } },
    ]);
    expect(rejected).toHaveLength(2);
  });

  it('logs a cancel that finds no running request', async () => {
    const [client, server] = portPair();
    const rejected: string[] = [];
    servePort(server, async () => ({ ok: true, value: null }), (why) => rejected.push(why));
    const got = collect(client);
    client.postMessage({ kind: 'cancel', id: 'nobody' });
    await tick();
    expect(got).toEqual([]);
    expect(rejected).toEqual(['cancel for no running request (nobody)']);
  });

  it('answers when a dispatch throws or rejects instead of settling', async () => {
    const [client, server] = portPair();
    servePort(
      server,
      (req) => {
        if (req.id === 'sync') throw new Error('thrown');
        return Promise.reject(new Error('rejected'));
      },
      () => {},
    );
    const got = collect(client);
    client.postMessage({ kind: 'request', id: 'sync', type: 'bg.ping', payload: {} });
    client.postMessage({ kind: 'request', id: 'async', type: 'bg.ping', payload: {} });
    await tick();
    expect(got).toEqual([
      { kind: 'response', id: 'sync', result: { ok: false, error: { code: 'internal', message: 'thrown' } } },
      { kind: 'response', id: 'async', result: { ok: false, error: { code: 'internal', message: 'rejected' } } },
    ]);
  });
});

describe('settle', () => {
  it('turns throws into error values with their code', async () => {
    const signal = new AbortController().signal;
    expect(await settle(async () => 42, signal)).toEqual({ ok: true, value: 42 });
    expect(
      await settle(async () => {
        throw new RpcFailure('model-missing', 'model file missing: onnx/model.onnx');
      }, signal),
    ).toEqual({ ok: false, error: { code: 'model-missing', message: 'model file missing: onnx/model.onnx' } });
    expect(
      await settle(async () => {
        throw new TypeError('boom');
      }, signal),
    ).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
  });
});

describe('router', () => {
  const signal = new AbortController().signal;
  const ctx = { signal, progress: () => {} };
  const route = createRouter({
    backgroundStartedAt: 123,
    host: async () => async (req) => ({ ok: true, value: `host got ${req.type}` }),
    concept: (id) => conceptDetails(id, (key) => `<math>${key}</math>`),
    met: async (events) => events.length,
    tabs: {
      targetTab: async (tabId) => tabId ?? 42,
      askPage: async (tabId, type) => ({ tabId, type }) as never,
      annotateTab: async () => ({ started: true }),
      openDemo: async (_demo, text, tabId) => ({ opened: 'tab', url: `demo:${text}:${tabId}` }),
    },
  });

  it('answers ping itself and forwards model work to the host', async () => {
    expect(await route({ kind: 'request', id: 'a', type: 'bg.ping', payload: {} }, ctx, 'extension-page')).toEqual({
      ok: true,
      value: { backgroundStartedAt: 123 },
    });
    expect(await route({ kind: 'request', id: 'b', type: 'host.status', payload: {} }, ctx, 'extension-page')).toEqual({
      ok: true,
      value: 'host got host.status',
    });
  });

  it('sends page questions to the right tab and opens demos for the sender', async () => {
    expect(await route({ kind: 'request', id: 'e', type: 'tab.concepts', payload: {} }, ctx, 'extension-page')).toEqual({
      ok: true,
      value: { tabId: 42, type: 'page.concepts' },
    });
    expect(
      await route(
        { kind: 'request', id: 'f', type: 'ui.openDemo', payload: { demo: { kind: 'gpt-lab', view: 'generate' }, text: 'hi' } },
        ctx,
        'content-script',
        7,
      ),
    ).toEqual({ ok: true, value: { opened: 'tab', url: 'demo:hi:7' } });
  });

  it('keeps content scripts to their allow-list', async () => {
    const r = await route({ kind: 'request', id: 'c', type: 'host.selftest', payload: { backend: 'wasm' } }, ctx, 'content-script');
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route({ kind: 'request', id: 'd', type: 'bg.ping', payload: {} }, ctx, 'content-script')).toMatchObject({ ok: true });
    expect(await route({ kind: 'request', id: 'g', type: 'tab.concepts', payload: {} }, ctx, 'content-script')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('gives a content script a card body, with the MathML of every formula and symbol', async () => {
    const r = await route({ kind: 'request', id: 'h', type: 'bg.concept', payload: { id: 'softmax' } }, ctx, 'content-script');
    expect(r.ok).toBe(true);
    const d = (r as { value: ConceptDetails }).value;
    expect(d.id).toBe('softmax');
    expect(d.summary.en.length).toBeGreaterThan(40);
    expect(d.formulas.length).toBeGreaterThan(0);
    for (const f of d.formulas) {
      expect(f.mathml).toBe(`<math>D${f.tex}</math>`);
      for (const row of f.legend) expect(row.mathml).toBe(`<math>I${row.symbol}</math>`);
    }
    expect(await route({ kind: 'request', id: 'i', type: 'bg.concept', payload: { id: 'no-such-concept' } }, ctx, 'content-script')).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });
});
