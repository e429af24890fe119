// Fuzzing the background and the model host's dispatch with 10,000 generated messages each, as a
// compromised content script and as an extension page would send them: every message gets a typed
// error or is dropped with a log line, nothing throws, and a valid request afterwards is answered.
import { conceptDetails } from '@/features/concepts/details';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { servePort } from '@/platform/messaging/serve';
import { createRouter } from '@/platform/background/router';
import { createDispatch, type HostRegistry } from '@/models/host/dispatch';
import type { ErrorCode, ServerMsg } from '@/platform/protocol/protocol';
import { CONTENT_SCRIPT_ALLOWED } from '@/platform/protocol/validate';
import { portPair } from '@/tests/unit/platform/fake-port';
import { runInNewContext } from 'node:vm';
import { fuzzerSource, fuzzMessage, NODE_MIX, REQUEST_TYPES, VALID_PAYLOADS, type Fuzzer } from '@/tests/fuzz/messages';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const COUNT = 10_000;
const CODES: ErrorCode[] = ['bad-request', 'forbidden', 'cancelled', 'disconnected', 'host-unavailable', 'model-missing', 'model-corrupt', 'internal'];
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** A host whose every handler answers what it was asked (typed by the registry), so the fuzz reaches it. */
const echoHost = createDispatch(
  new Proxy({} as HostRegistry, {
    get: (_t, type: string) => async (payload: unknown) => ({ type, payload: typeof payload }),
    has: (_t, type) => typeof type === 'string' && type.startsWith('host.'),
    getOwnPropertyDescriptor: (_t, type) =>
      typeof type === 'string' && type.startsWith('host.') ? { configurable: true, enumerable: true, value: true } : undefined,
  }),
);

function background(from: 'content-script' | 'extension-page') {
  const route = createRouter({
    backgroundStartedAt: 1,
    host: async () => echoHost,
    concept: (id) => conceptDetails(id, () => undefined),
    met: async (events) => events.length,
    tabs: {
      targetTab: async (tabId) => tabId ?? 7,
      askPage: async () => ({ answered: true }) as never,
      annotateTab: async () => ({ started: true }),
      openDemo: async () => ({ opened: 'tab', url: 'x' }),
    },
  });
  const [client, server] = portPair();
  const rejected: string[] = [];
  servePort(server, (req, ctx) => route(req, ctx, from, 3), (why) => rejected.push(why));
  const got: ServerMsg[] = [];
  client.onMessage.addListener((m: ServerMsg) => got.push(m));
  return { client, got, rejected };
}

async function fuzz(client: Browser.runtime.Port, seed: number) {
  for (let i = 0; i < COUNT; i++) {
    try {
      client.postMessage(fuzzMessage(seed, i));
    } catch (e) {
      // structuredClone refuses some values (the browser's port would too): nothing was sent.
      if (!(e instanceof Error) || !/clone|circular|stack/i.test(`${e.name} ${e.message}`)) throw new Error(`seed ${seed} message ${i}: ${String(e)}`);
    }
    if (i % 500 === 0) await tick();
  }
  await tick(20);
}

describe(`message fuzzing (seed ${SEED}, ${COUNT} messages per sender)`, () => {
  for (const from of ['content-script', 'extension-page'] as const) {
    it(`from a ${from}: typed errors or logged drops, nothing thrown, and the next valid request is answered`, async () => {
      const { client, got, rejected } = background(from);
      await fuzz(client, SEED + (from === 'content-script' ? 1 : 2));
      for (const m of got) {
        expect(['response', 'progress']).toContain(m.kind);
        if (m.kind === 'response' && !m.result.ok) expect(CODES).toContain(m.result.error.code);
      }
      // Every malformed message was logged (the port server's reject callback).
      expect(rejected.length).toBeGreaterThan(COUNT / 4);
      const before = got.length;
      client.postMessage({ kind: 'request', id: 'after-fuzz', type: 'bg.ping', payload: {} });
      await tick(10);
      expect(got.slice(before).find((m) => m.id === 'after-fuzz')).toEqual({ kind: 'response', id: 'after-fuzz', result: { ok: true, value: { backgroundStartedAt: 1 } } });
      console.log(`[fuzz ${from}] ${got.length} answers, ${got.filter((m) => m.kind === 'response' && m.result.ok).length} ok, ${rejected.length} rejected and logged`);
    });
  }

  it('refuses every request only extension pages may make from a content script, however well-formed', async () => {
    const pageOnly = REQUEST_TYPES.filter((t) => !CONTENT_SCRIPT_ALLOWED.has(t));
    // The whole allow-list, spelled out: widening it is a decision this test makes visible.
    expect([...CONTENT_SCRIPT_ALLOWED].sort()).toEqual(['bg.concept', 'bg.met', 'bg.ping', 'ui.openDemo']);
    expect(pageOnly.length).toBe(REQUEST_TYPES.length - 4);
    for (const type of pageOnly) {
      const payload = VALID_PAYLOADS[type];
      const page = background('extension-page');
      page.client.postMessage({ kind: 'request', id: 'ok', type, payload });
      const cs = background('content-script');
      cs.client.postMessage({ kind: 'request', id: 'no', type, payload });
      await tick(5);
      expect(page.got.find((m) => m.id === 'ok'), `${type} from a page`).toMatchObject({ result: { ok: true } });
      expect(cs.got.find((m) => m.id === 'no'), `${type} from a content script`).toMatchObject({ result: { ok: false, error: { code: 'forbidden' } } });
    }
  });

  it('answers the model host its own way: unknown types and bad payloads are typed errors', async () => {
    const [client, server] = portPair();
    const rejected: string[] = [];
    servePort(server, echoHost, (why) => rejected.push(why));
    const got: ServerMsg[] = [];
    client.onMessage.addListener((m: ServerMsg) => got.push(m));
    await fuzz(client, SEED + 3);
    for (const m of got) if (m.kind === 'response' && !m.result.ok) expect(CODES).toContain(m.result.error.code);
    client.postMessage({ kind: 'request', id: 'valid', type: 'host.status', payload: {} });
    await tick(10);
    expect(got.find((m) => m.id === 'valid')).toMatchObject({ result: { ok: true } });
  });

  it('runs the same generator from its source text, as the e2e fuzz does in the browser', () => {
    const inPage = runInNewContext(fuzzerSource(NODE_MIX)) as Fuzzer;
    for (let i = 0; i < 2000; i++) expect(key(inPage.message(SEED, i)), `message ${i}`).toBe(key(fuzzMessage(SEED, i)));
  });
});

/** A message as text, NaN, Infinity and undefined kept apart from null, 10 MB strings by length; iterative (10,000 levels deep). */
function key(m: unknown): string {
  const out: string[] = [];
  const todo: unknown[] = [m];
  const CLOSE = Symbol('close');
  while (todo.length) {
    const v = todo.pop();
    if (v === CLOSE) out.push(')');
    else if (typeof v === 'string') out.push(v.length > 1e6 ? `#${v.length}` : JSON.stringify(v));
    else if (v === null || typeof v !== 'object') out.push(String(v));
    else {
      const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v as object);
      out.push(Array.isArray(v) ? '[(' : '{(');
      todo.push(CLOSE);
      for (const [k, x] of entries.reverse()) todo.push(x, `${k}:`);
    }
  }
  return out.join(' ');
}
