// The background's link to the offscreen model host (platform/background/host-link/offscreen.ts)
// against a stand-in for Chrome that behaves as Chrome does: createDocument resolves and the
// document is listed by runtime.getContexts before the document's script has run, and a port
// to a context with no listener is closed with runtime.lastError set. Requests that arrive in
// that gap (the diagnostics page asking host.status while a test asks host.gpt.load) must wait
// for the document's word, not fail and not depend on how long the script takes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { HOST_PORT, HOST_READY, type RequestMsg, type Result } from '@/platform/protocol/protocol';
import { portPair } from '@/tests/unit/platform/fake-port';

const URL_ = 'chrome-extension://test/offscreen.html';

/** Chrome's side: one offscreen document whose script runs when the test says so. */
class FakeChrome {
  documentOpen = false;
  listening = false;
  lastError: { message: string } | undefined;
  creations = 0;
  /** Connections that found no listener (each one a request that had to be sent again). */
  unheard = 0;
  /** The document closes while working on a request (closed, or its renderer crashed). */
  closesMidRequest = false;
  served: string[] = [];
  /** The background's side of the document's word (heardFromHost), set once the module is loaded. */
  background: ((port: Browser.runtime.Port) => boolean) | null = null;

  runtime = {
    id: 'test',
    getURL: (p: string) => `chrome-extension://test${p}`,
    getContexts: async () => (this.documentOpen ? [{ documentUrl: URL_ }] : []),
    get lastError() {
      return fake.lastError;
    },
    connect: ({ name }: { name: string }): Browser.runtime.Port => {
      const [bg, doc] = portPair();
      if (!this.documentOpen || !this.listening || name !== HOST_PORT) {
        // Chrome: the port is closed at once and lastError is set while onDisconnect runs.
        this.unheard++;
        queueMicrotask(() => {
          this.lastError = { message: 'Could not establish connection. Receiving end does not exist.' };
          (bg.onDisconnect as unknown as { emit(): void }).emit();
          this.lastError = undefined;
        });
        return bg;
      }
      doc.onMessage.addListener((m: unknown) => {
        const req = m as RequestMsg;
        this.served.push(req.type);
        if (this.closesMidRequest) return doc.disconnect();
        doc.postMessage({ kind: 'response', id: req.id, result: { ok: true, value: req.type } });
      });
      return bg;
    },
  };

  offscreen = {
    createDocument: async () => {
      if (this.documentOpen) throw new Error('Only a single offscreen document may be created.');
      this.creations++;
      this.documentOpen = true; // listed from now on, listening only once its script has run
    },
  };

  /** The document's script runs: its listener goes in, then it says so (a port to the background). */
  runScript(): void {
    this.listening = true;
    const [doc, bg] = portPair();
    (bg as { name: string }).name = HOST_READY;
    (bg as { sender?: Browser.runtime.MessageSender }).sender = { id: 'test', url: URL_ };
    expect(this.background!(bg)).toBe(true);
    void doc;
  }
}

let fake: FakeChrome;
vi.mock('wxt/browser', () => ({
  get browser() {
    return fake;
  },
}));

const ctx = () => ({ signal: new AbortController().signal, progress: () => {} });
const req = (type: string, id: string) => ({ kind: 'request', id, type, payload: {} }) as RequestMsg;
const settled = async <T>(p: Promise<T>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
  return done;
};

describe('the offscreen host link', () => {
  beforeEach(() => {
    fake = new FakeChrome();
    vi.resetModules();
  });

  it('two requests while the document is being created both wait for its word, then both are served', async () => {
    const { offscreenLink, heardFromHost } = await import('@/platform/background/host-link/offscreen');
    fake.background = heardFromHost;
    const a = offscreenLink(req('host.status', 'a'), ctx());
    await settled(Promise.resolve()); // the first caller has started creating the document
    expect(fake.documentOpen).toBe(true);
    // The second finds the document listed (Chrome lists it at once) but not yet listening.
    const b = offscreenLink(req('host.gpt.load', 'b'), ctx());
    expect(await settled(a)).toBe(false);
    expect(await settled(b)).toBe(false);
    fake.runScript();
    const [ra, rb] = (await Promise.all([a, b])) as Result<unknown>[];
    expect(ra).toEqual({ ok: true, value: 'host.status' });
    expect(rb).toEqual({ ok: true, value: 'host.gpt.load' });
    expect(fake.creations).toBe(1);
    expect(fake.served.sort()).toEqual(['host.gpt.load', 'host.status']);
    expect(fake.unheard).toBe(0); // nothing was sent before the document listened
  });

  it('a document another background instance left before its script ran: sent again once it listens, never twice', async () => {
    fake.documentOpen = true; // made by a background that then stopped
    const { offscreenLink, heardFromHost } = await import('@/platform/background/host-link/offscreen');
    fake.background = heardFromHost;
    vi.useFakeTimers();
    try {
      const a = offscreenLink(req('host.gpt.load', 'a'), ctx());
      // However long the script takes (a busy machine), the request waits for its word...
      await vi.advanceTimersByTimeAsync(3_000);
      expect(fake.unheard).toBe(1);
      fake.runScript();
      // ...and is then sent once more, and served once.
      expect(await a).toEqual({ ok: true, value: 'host.gpt.load' });
      expect(fake.served).toEqual(['host.gpt.load']);
      expect(fake.creations).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a port of that name from anyone but the document is not its word', async () => {
    const { heardFromHost } = await import('@/platform/background/host-link/offscreen');
    const [, bg] = portPair();
    (bg as { name: string }).name = HOST_READY;
    (bg as { sender?: Browser.runtime.MessageSender }).sender = { id: 'test', url: 'chrome-extension://test/popup.html' };
    expect(heardFromHost(bg)).toBe(false);
  });

  it('a request the host heard and then lost is an error, not sent again', async () => {
    const { offscreenLink } = await import('@/platform/background/host-link/offscreen');
    fake.documentOpen = true;
    fake.listening = true;
    fake.closesMidRequest = true; // the port closes without lastError
    const r = await offscreenLink(req('host.train.start', 'a'), ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ code: 'host-unavailable', message: 'the model host closed the connection' });
    expect(fake.served).toEqual(['host.train.start']);
  });
});
