import type { BrowserContext, Page } from 'playwright-core';
import type { Ledger } from '@/scripts/soak/ledger';

// Installed in every page before its own scripts run: records long tasks (Long Tasks API), and on
// the extension's pages every request sent on an RPC port and how it ended, so requests the UI
// makes itself are counted and judged like the soak's own.

export interface PortEvent {
  sent: number;
  at: number;
  type: string;
  /**
   * 'ok', an error code, 'port-closed' (the background closed the port before answering) or
   * 'abandoned' (the page closed the port first: its own cancel, or its client giving up on a
   * background that went away without closing the port).
   */
  end: string;
  message?: string;
}

export interface LongTaskEntry {
  /** ms since the page's navigation started */
  start: number;
  duration: number;
}

export interface PageStats {
  longTasks: LongTaskEntry[];
  requests: PortEvent[];
  /** performance.timeOrigin: long tasks' start times are relative to it. */
  timeOrigin: number;
}

type Probe = Omit<PageStats, 'timeOrigin'>;

/** Runs in the page (serialised by Playwright): no imports, no closures over this module. */
function probe(rpcPort: string): void {
  const w = globalThis as unknown as { __soak?: Probe; __name?: unknown; chrome?: { runtime?: { connect?: (...a: unknown[]) => unknown } } };
  if (w.__soak) return;
  // tsx compiles with esbuild's keepNames, which wraps the named functions of code that
  // page.evaluate serialises into the page in __name(); the soak's in-page code needs it defined.
  w.__name ??= (f: unknown) => f;
  const soak: Probe = { longTasks: [], requests: [] };
  w.__soak = soak;
  try {
    new PerformanceObserver((list) => list.getEntries().forEach((e) => soak.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: nothing to record
  }
  const runtime = w.chrome?.runtime;
  if (!runtime?.connect || location.protocol !== 'chrome-extension:') return;
  type Msg = { kind?: string; id?: string; type?: string; result?: { ok: boolean; error?: { code: string; message: string } } };
  type Port = { name: string; postMessage(m: Msg): void; disconnect(): void; onMessage: { addListener(f: (m: Msg) => void): void }; onDisconnect: { addListener(f: () => void): void } };
  const connect = runtime.connect.bind(runtime);
  runtime.connect = (...args: unknown[]) => {
    const port = connect(...args) as Port;
    if (port.name !== rpcPort) return port;
    const open = new Map<string, { type: string; sent: number }>();
    const post = port.postMessage.bind(port);
    port.postMessage = (m) => {
      if (m?.kind === 'request' && m.id && m.type) open.set(m.id, { type: m.type, sent: Date.now() });
      post(m);
    };
    port.onMessage.addListener((m) => {
      if (m?.kind !== 'response' || !m.id || !open.has(m.id)) return;
      const { type, sent } = open.get(m.id)!;
      open.delete(m.id);
      const r = m.result;
      const at = Date.now();
      soak.requests.push(r?.ok ? { sent, at, type, end: 'ok' } : { sent, at, type, end: r?.error?.code ?? 'malformed', message: r?.error?.message });
    });
    const disconnect = port.disconnect.bind(port);
    port.disconnect = () => {
      for (const { type, sent } of open.values()) soak.requests.push({ sent, at: Date.now(), type, end: 'abandoned' });
      open.clear();
      disconnect();
    };
    port.onDisconnect.addListener(() => {
      for (const { type, sent } of open.values()) soak.requests.push({ sent, at: Date.now(), type, end: 'port-closed', message: 'the background closed the port before answering' });
      open.clear();
    });
    return port;
  };
}

export async function installProbe(context: BrowserContext, rpcPort: string): Promise<void> {
  await context.addInitScript(probe, rpcPort);
}

/** Takes what the page's probe recorded so far (and clears it, so a page can be read more than once). */
export async function takeStats(page: Page): Promise<PageStats> {
  return page.evaluate(() => {
    const soak = (globalThis as unknown as { __soak?: Probe }).__soak;
    return { longTasks: soak?.longTasks.splice(0) ?? [], requests: soak?.requests.splice(0) ?? [], timeOrigin: performance.timeOrigin };
  });
}

/**
 * Files a page's stats in the ledger: answers counted as served; a failed answer is an expected
 * interruption when a service-worker stop explains it, 'cancelled' is the page's own doing (a
 * superseded view), and anything else is an error. `judge` false: the soak's driver page, whose
 * failures its steps judge already.
 */
export function fileStats(ledger: Ledger, where: string, stats: PageStats, judge = true): void {
  for (const t of stats.longTasks) {
    if (t.duration <= 50) continue;
    ledger.longTasks.push({ where, ms: Math.round(t.duration), atS: Math.round(t.start / 100) / 10, during: ledger.stepAt(stats.timeOrigin + t.start) });
  }
  for (const r of stats.requests) {
    if (r.end === 'ok') ledger.serve(r.type);
    else if (!judge || r.end === 'cancelled') continue;
    else if (r.end === 'abandoned') {
      // Given up by the page: an interruption if a stop explains it, else the page's own cancel.
      if (ledger.stoppedDuring(r.sent, r.at)) ledger.interrupted(`${where}, request ${r.type}`, 'given up by the page\'s client after a service-worker stop', r.at);
    } else ledger.failure(`${where}, request ${r.type}`, r.end === 'port-closed' ? 'disconnected' : r.end, r.message ?? '', r.sent, r.at);
  }
}

/** Console errors and uncaught exceptions of the extension's pages, its service worker and the lecture pages. */
export function watchConsole(context: BrowserContext, ledger: Ledger, origins: string[]): void {
  const ours = (url: string | undefined) => !!url && origins.some((o) => url.startsWith(o));
  context.on('console', (m) => {
    if (m.type() !== 'error') return;
    const url = m.page()?.url() ?? m.worker()?.url();
    if (ours(url)) ledger.error(`console of ${url}`, m.text());
  });
  context.on('weberror', (e) => {
    const url = e.page()?.url();
    if (ours(url)) ledger.error(`uncaught in ${url}`, e.error().message);
  });
}
