import type { Page } from 'playwright-core';

// The soak's own requests, sent from an extension page on the RPC port the way the product's client
// sends them (tests/e2e/faults.test.ts): one port per request, progress streamed, closing the port
// cancels. Like the client, a pending request pings the background every 2 s: Chrome can stop the
// worker without closing the ports to it, so a request is given up as 'disconnected' once another
// instance than the one that took it answers, instead of waiting forever.

export type Outcome =
  | { kind: 'ok'; value: unknown; progress: number; sent: number }
  | { kind: 'error'; code: string; message: string; progress: number; sent: number }
  /** Cancelled by the soak itself (cancelAfterProgressMs), as the lab's Pause does. */
  | { kind: 'cancelled'; progress: number; sent: number };

export interface RequestOptions {
  /** Close the port this long after the first progress event (pauses a training run). */
  cancelAfterProgressMs?: number;
  timeoutMs?: number;
}

interface Args {
  port: string;
  type: string;
  payload: unknown;
  cancelAfterProgressMs: number;
  timeoutMs: number;
}

function inPage({ port: name, type, payload, cancelAfterProgressMs, timeoutMs }: Args): Promise<Outcome> {
  type Msg = { kind: string; id: string; result: { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
  type Port = { postMessage(m: unknown): void; disconnect(): void; onMessage: { addListener(f: (m: Msg) => void): void }; onDisconnect: { addListener(f: () => void): void } };
  const rt = (globalThis as unknown as { chrome: { runtime: { connect(o: { name: string }): Port } } }).chrome.runtime;
  const id = `soak-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const sent = Date.now();
  return new Promise<Outcome>((resolve) => {
    let progress = 0;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const port = rt.connect({ name });
    const finish = (o: Outcome) => {
      timers.forEach(clearTimeout);
      clearInterval(watch);
      try {
        port.disconnect();
      } catch {
        // already closed
      }
      resolve(o);
    };
    port.onMessage.addListener((m) => {
      if (m.id !== id) return;
      if (m.kind === 'progress') {
        if (progress++ === 0 && cancelAfterProgressMs > 0) timers.push(setTimeout(() => finish({ kind: 'cancelled', progress, sent }), cancelAfterProgressMs));
        return;
      }
      const r = m.result;
      finish(r.ok ? { kind: 'ok', value: r.value, progress, sent } : { kind: 'error', code: r.error!.code, message: r.error!.message, progress, sent });
    });
    port.onDisconnect.addListener(() => finish({ kind: 'error', code: 'disconnected', message: 'the background closed the port before answering', progress, sent }));
    timers.push(setTimeout(() => finish({ kind: 'error', code: 'timeout', message: `no answer in ${timeoutMs / 1000} s`, progress, sent }), timeoutMs));
    // When the background answering bg.ping started, or 0 without an answer.
    let pings = 0;
    const startedAt = () =>
      new Promise<number>((done) => {
        const ping = rt.connect({ name });
        const pingId = `${id}-ping${pings++}`;
        ping.onMessage.addListener((m) => {
          if (m.id !== pingId) return;
          ping.disconnect();
          done(m.result.ok ? (m.result.value as { backgroundStartedAt: number }).backgroundStartedAt : 0);
        });
        ping.onDisconnect.addListener(() => done(0));
        ping.postMessage({ kind: 'request', id: pingId, type: 'bg.ping', payload: {} });
      });
    // The instance that took the request answers the ping sent right behind it.
    let servedBy: number | undefined;
    let unanswered = 0;
    const watch = setInterval(() => {
      void startedAt().then((now) => {
        if (now === 0) return;
        const gone = servedBy === undefined ? ++unanswered >= 2 : servedBy !== now;
        if (gone) finish({ kind: 'error', code: 'disconnected', message: 'the background that took the request is gone (another one answers)', progress, sent });
      });
    }, 2000);
    port.postMessage({ kind: 'request', id, type, payload });
    void startedAt().then((t) => (servedBy = t));
  });
}

export function request(page: Page, port: string, type: string, payload: unknown, opts: RequestOptions = {}): Promise<Outcome> {
  return page.evaluate(inPage, { port, type, payload, cancelAfterProgressMs: opts.cancelAfterProgressMs ?? 0, timeoutMs: opts.timeoutMs ?? 120_000 });
}
