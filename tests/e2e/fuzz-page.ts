import { expect } from 'vitest';
import { fuzzerSource, REQUEST_TYPES, type FuzzMix, type Fuzzer } from '@/tests/fuzz/messages';
import { HOST_PORT, RPC_PORT } from '@/platform/protocol/protocol';

// The e2e fuzz's sender, run inside the browser: in a content script's isolated world (over the
// DevTools protocol) or in an extension page (Chromium and Firefox). Self-contained, like the
// generator: its source is sent, not its closure. Then what every run must show, and its log.

export interface FuzzRun {
  seed: number;
  mix: FuzzMix;
  count: number;
  /** Messages per port. All ports are sent on first, then their answers awaited together. */
  batch: number;
  rpcPort: string;
  /** Every this many messages, one goes by runtime.sendMessage instead of a port. */
  sendMessageEvery: number;
  /** Every this many ports, one is closed right after its last message, its answers left behind. */
  abandonEvery: number;
  /**
   * After the last message, how long the answers still owed may go without any answer or progress
   * arriving before they count as never coming: a stall, not a total, so a loaded machine that
   * answers slowly is waited for and a hang still shows.
   */
  answerMs: number;
  /** Ports with other names, each sent `otherPortMessages` generated messages and a valid bg.ping. */
  otherPorts: string[];
  otherPortMessages: number;
  /** The protocol's request types, to tally the messages of unknown type. */
  requestTypes: string[];
}

/**
 * The channels and pacing both browsers' fuzz runs share: 250 messages a port, every 25th by
 * runtime.sendMessage, every 8th port closed at once, the model host's port and two made-up names
 * fuzzed too, every request type. Each run adds its count and its mix.
 */
export const BROWSER_RUN = {
  batch: 250,
  rpcPort: RPC_PORT,
  sendMessageEvery: 25,
  abandonEvery: 8,
  answerMs: 30_000,
  otherPorts: [HOST_PORT, 'dl-tutor/evil', ''],
  otherPortMessages: 20,
  requestTypes: REQUEST_TYPES,
} satisfies Partial<FuzzRun>;

export interface FuzzReport {
  /** What the generated messages held, by kind (a message may count under several). */
  kinds: Record<string, number>;
  /** Messages the browser took (a port's postMessage or sendMessage returned). */
  sent: number;
  /** Messages the browser refused to send, by its reason: nothing left the sender. */
  refusedByBrowser: Record<string, number>;
  /** Answers on the RPC ports: ok, typed errors by code, progress events. */
  answers: number;
  ok: number;
  errors: Record<string, number>;
  /** Of the bad-request answers, those for a request id already running on the port (not logged: the first one runs). */
  duplicates: number;
  progress: number;
  /** Well-formed cancels: no answer by design (the background logs them). */
  cancelsDropped: number;
  /** Sent on ports closed right after, whose answers nobody waited for. */
  abandoned: number;
  /** The first few messages of each error code but bad-request, and the slowest answers. */
  samples: Record<string, string[]>;
  slowest: { ms: number; type: string; ok: boolean }[];
  /** Answers owed that never came, the first few with their message index. */
  unanswered: number;
  unansweredFirst: { i: number; id: string }[];
  /** Answers that are not of the protocol's shape, or for no message sent. */
  strays: string[];
  /** RPC ports the extension closed (it never should). */
  rpcPortsClosedByExtension: number;
  /** A message posted on each port after it was closed. */
  afterClose: Record<string, number>;
  /** runtime.sendMessage outcomes: 'answered' or the browser's reason. */
  sendMessage: Record<string, number>;
  otherPorts: Record<string, { sent: number; refused: number; answers: number; closedByExtension: boolean; afterClose: string }>;
  /** Until the last message was sent, and until the last answer came. */
  sendMs: number;
  ms: number;
}

/** Runs in the page: no imports, nothing of this module's scope. */
export function fuzzInPage(fuzzer: Fuzzer, o: FuzzRun): Promise<FuzzReport> {
  type Port = {
    postMessage(m: unknown): void;
    disconnect(): void;
    onMessage: { addListener(f: (m: unknown) => void): void };
    onDisconnect: { addListener(f: () => void): void };
  };
  type Runtime = { connect(o: { name: string }): Port; sendMessage(m: unknown): Promise<unknown> };
  const g = globalThis as unknown as { chrome?: { runtime: Runtime }; browser?: { runtime: Runtime } };
  const rt = (g.browser ?? g.chrome)!.runtime;
  const CODES = ['bad-request', 'forbidden', 'cancelled', 'disconnected', 'host-unavailable', 'model-missing', 'model-corrupt', 'internal'];
  const ID = /^[A-Za-z0-9_-]{1,64}$/;
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const wellFormed = (s: string) => (s as unknown as { toWellFormed?(): string }).toWellFormed?.() ?? s;
  const bump = (rec: Record<string, number>, k: string) => (rec[k] = (rec[k] ?? 0) + 1);
  const why = (e: unknown) => String((e as Error)?.message ?? e).replace(/\d+/g, 'N').slice(0, 90);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const started = performance.now();
  /** When the last answer or progress message arrived on any RPC port. */
  let lastHeard = performance.now();
  const r: FuzzReport = {
    kinds: {}, sent: 0, refusedByBrowser: {}, answers: 0, ok: 0, errors: {}, duplicates: 0, progress: 0, cancelsDropped: 0, abandoned: 0,
    samples: {}, slowest: [], unanswered: 0, unansweredFirst: [], strays: [], rpcPortsClosedByExtension: 0, afterClose: {}, sendMessage: {}, otherPorts: {}, sendMs: 0, ms: 0,
  };
  /** Tallies what a message holds: walked without recursion (arrays 10,000 deep). */
  const classify = (m: unknown) => {
    const tags = new Set<string>();
    if (!isRecord(m)) tags.add('not an object');
    else {
      if (m.kind === 'cancel') tags.add(typeof m.id === 'string' && ID.test(m.id) ? 'cancel for an unknown id' : 'cancel with a bad id');
      else if (m.kind !== 'request') tags.add('unknown kind');
      else if (!o.requestTypes.includes(m.type as string)) tags.add('unknown type');
      if (m.kind === 'request' && !('payload' in m)) tags.add('missing payload');
      if (Object.keys(m).some((k) => !['kind', 'id', 'type', 'payload'].includes(k))) tags.add('extra field');
      if (typeof m.id !== 'string' || !ID.test(m.id)) tags.add('bad id');
    }
    const todo: [unknown, number][] = [[m, 0]];
    while (todo.length) {
      const [v, depth] = todo.pop()!;
      if (typeof v === 'string' && v.length >= 1e6) tags.add('10 MB string');
      else if (typeof v === 'number') {
        if (!Number.isFinite(v)) tags.add('NaN or Infinity');
        else if (v < 0) tags.add('negative number');
        else if (!Number.isInteger(v)) tags.add('fractional number');
      } else if (v === undefined) tags.add('undefined');
      else if (typeof v === 'object' && v !== null) {
        if (depth === 1000) tags.add('nested 1,000+ deep');
        if (depth === 5000) tags.add('nested 5,000+ deep');
        for (const x of Object.values(v)) todo.push([x, depth + 1]);
      }
    }
    for (const t of tags) bump(r.kinds, t);
  };
  const stray = (what: string) => r.strays.length < 20 && r.strays.push(what.slice(0, 200));
  const pendingSends: Promise<unknown>[] = [];

  const postAfterClose = (port: Port) => {
    try {
      port.postMessage({ kind: 'request', id: 'after-close', type: 'bg.ping', payload: {} });
      return 'sent';
    } catch (e) {
      return `refused: ${why(e)}`;
    }
  };

  const viaSendMessage = (m: unknown) => {
    try {
      pendingSends.push(rt.sendMessage(m).then(() => bump(r.sendMessage, 'answered'), (e) => bump(r.sendMessage, why(e))));
      r.sent++;
    } catch (e) {
      bump(r.refusedByBrowser, `sendMessage: ${why(e)}`);
    }
  };

  /** Sends one port's messages; returns what waits for their answers and closes it. */
  async function onePort(from: number, to: number, abandon: boolean): Promise<() => Promise<void>> {
    const port = rt.connect({ name: o.rpcPort });
    const owed = new Map<string, { i: number; at: number; type: string }[]>();
    let waiting = 0;
    let allSent = false;
    let closed = false;
    let wake = () => {};
    const done = new Promise<void>((res) => (wake = res));
    port.onMessage.addListener((m) => {
      lastHeard = performance.now();
      if (!isRecord(m) || typeof m.id !== 'string') return void stray(`not an answer: ${JSON.stringify(m)}`);
      if (m.kind === 'progress') return void r.progress++;
      const res = m.result as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | undefined;
      if (m.kind !== 'response' || !isRecord(res)) return void stray(`not an answer: ${JSON.stringify(m)}`);
      r.answers++;
      const list = owed.get(wellFormed(m.id));
      const asked = list?.shift();
      if (res.ok === true) r.ok++;
      else if (res.ok === false && isRecord(res.error) && CODES.includes(res.error.code as string) && typeof res.error.message === 'string') {
        const code = res.error.code as string;
        bump(r.errors, code);
        if (res.error.message === 'duplicate request id') r.duplicates++;
        const samples = code === 'bad-request' ? [] : (r.samples[code] ??= []);
        if (samples.length < 3) samples.push(`${asked?.type}: ${res.error.message.slice(0, 120)}`);
      } else stray(`untyped answer: ${JSON.stringify(m)}`);
      if (!asked) return void stray(`an answer for ${m.id.slice(0, 40)}, which no message here had`);
      r.slowest.push({ ms: Math.round(performance.now() - asked.at), type: asked.type, ok: res.ok === true });
      r.slowest.sort((a, b) => b.ms - a.ms).splice(3);
      if (--waiting === 0 && allSent) wake();
    });
    port.onDisconnect.addListener(() => {
      closed = true;
      wake();
    });
    for (let i = from; i < to; i++) {
      const m = fuzzer.message(o.seed, i);
      classify(m);
      if (o.sendMessageEvery && i % o.sendMessageEvery === o.sendMessageEvery - 1) {
        viaSendMessage(m);
        continue;
      }
      try {
        port.postMessage(m);
      } catch (e) {
        bump(r.refusedByBrowser, `postMessage: ${why(e)}`);
        continue;
      }
      r.sent++;
      if (abandon) r.abandoned++;
      else if (isRecord(m) && m.kind === 'cancel' && typeof m.id === 'string' && ID.test(m.id)) r.cancelsDropped++;
      else {
        // The background answers with the message's id when it has a string one, else 'invalid'.
        const id = isRecord(m) && typeof m.id === 'string' ? wellFormed(m.id) : 'invalid';
        const type = isRecord(m) && typeof m.type === 'string' ? m.type.slice(0, 30) : typeof (m as { type?: unknown })?.type;
        owed.set(id, [...(owed.get(id) ?? []), { i, at: performance.now(), type }]);
        waiting++;
      }
      // Let the page breathe between big messages.
      if (i % 50 === 49) await sleep(0);
    }
    allSent = true;
    if (abandon) {
      port.disconnect();
      bump(r.afterClose, postAfterClose(port));
      return async () => {};
    }
    return async () => {
      while (waiting > 0 && !closed && performance.now() - lastHeard < o.answerMs) await Promise.race([done, sleep(250)]);
      if (closed) r.rpcPortsClosedByExtension++;
      for (const [id, list] of owed) {
        for (const { i } of list) {
          r.unanswered++;
          if (r.unansweredFirst.length < 10) r.unansweredFirst.push({ i, id: id.slice(0, 40) });
        }
      }
      port.disconnect();
      bump(r.afterClose, postAfterClose(port));
    };
  }

  async function otherPort(name: string, from: number) {
    const port = rt.connect({ name });
    const s = { sent: 0, refused: 0, answers: 0, closedByExtension: false, afterClose: '' };
    port.onMessage.addListener(() => s.answers++);
    port.onDisconnect.addListener(() => (s.closedByExtension = true));
    const messages = [...Array.from({ length: o.otherPortMessages }, (_, k) => fuzzer.message(o.seed, from + k)), { kind: 'request', id: 'ping', type: 'bg.ping', payload: {} }];
    for (const m of messages) {
      try {
        port.postMessage(m);
        s.sent++;
      } catch {
        s.refused++;
      }
    }
    // Closed at once by the background; the deadline only ends a wait that would never end.
    const deadline = performance.now() + 60_000;
    while (!s.closedByExtension && performance.now() < deadline) await sleep(50);
    if (!s.closedByExtension) port.disconnect();
    s.afterClose = postAfterClose(port);
    r.otherPorts[name] = s;
  }

  return (async () => {
    const ports: [number, number][] = [];
    for (let i = 0; i < o.count; i += o.batch) ports.push([i, Math.min(o.count, i + o.batch)]);
    const finishers: (() => Promise<void>)[] = [];
    for (const [k, [from, to]] of ports.entries()) finishers.push(await onePort(from, to, o.abandonEvery > 0 && k % o.abandonEvery === o.abandonEvery - 1));
    r.sendMs = Math.round(performance.now() - started);
    lastHeard = performance.now();
    await Promise.all(finishers.map((finish) => finish()));
    // Once the background has worked through the rest: ports with other names are closed at once.
    await Promise.all(o.otherPorts.map((name, k) => otherPort(name, o.count + k * o.otherPortMessages)));
    await Promise.all(pendingSends);
    r.ms = Math.round(performance.now() - started);
    return r;
  })();
}

/** The expression a page evaluates to run the fuzz (`__name`: see fuzzerSource). */
export const fuzzExpression = (run: FuzzRun): string =>
  `(() => { const __name = (f) => f; return (${fuzzInPage.toString()})(${fuzzerSource(run.mix)}, ${JSON.stringify(run)}); })()`;

/** Sends each request on its own RPC port from the page and returns the answers' results ('disconnected' when the port closed first). */
export function requestsInPage(requests: { type: string; payload: unknown }[]): Promise<unknown[]> {
  type Port = { postMessage(m: unknown): void; onMessage: { addListener(f: (m: { kind: string; result: unknown }) => void): void }; onDisconnect: { addListener(f: () => void): void }; disconnect(): void };
  const g = globalThis as unknown as { chrome?: { runtime: { connect(o: { name: string }): Port } }; browser?: { runtime: { connect(o: { name: string }): Port } } };
  const rt = (g.browser ?? g.chrome)!.runtime;
  return Promise.all(
    requests.map(
      ({ type, payload }, k) =>
        new Promise<unknown>((resolve) => {
          const port = rt.connect({ name: 'dl-tutor/rpc' });
          port.onMessage.addListener((m) => {
            if (m.kind !== 'response') return;
            resolve(m.result);
            port.disconnect();
          });
          port.onDisconnect.addListener(() => resolve('disconnected'));
          port.postMessage({ kind: 'request', id: `valid-${k}`, type, payload });
        }),
    ),
  );
}

export const requestsExpression = (requests: { type: string; payload: unknown }[]): string =>
  `(() => { const __name = (f) => f; return (${requestsInPage.toString()})(${JSON.stringify(requests)}); })()`;

export function fuzzSummary(from: string, r: FuzzReport, run: FuzzRun): string {
  const others = Object.entries(r.otherPorts).map(([name, s]) => `'${name}': ${s.sent} sent (${s.refused} refused), ${s.answers} answers, ${s.closedByExtension ? 'closed by the extension' : 'left open'}`);
  return [
    `[fuzz ${from}] seed ${run.seed}: ${run.count} generated and sent in ${(r.sendMs / 1000).toFixed(1)} s, all answered in ${(r.ms / 1000).toFixed(1)} s; ${r.sent} sent, refused by the browser ${JSON.stringify(r.refusedByBrowser)}`,
    `  generated: ${JSON.stringify(r.kinds)}`,
    `  RPC ports: ${r.answers} answers (${r.ok} ok, typed errors ${JSON.stringify(r.errors)}, ${r.duplicates} of them duplicate ids), ${r.progress} progress, ${r.cancelsDropped} cancels dropped, ${r.abandoned} on ports closed at once, ${r.unanswered} unanswered`,
    `  slowest answers ${JSON.stringify(r.slowest)}; errors other than bad-request ${JSON.stringify(r.samples)}`,
    `  runtime.sendMessage: ${JSON.stringify(r.sendMessage)}; after close: ${JSON.stringify(r.afterClose)}`,
    `  other ports: ${others.join('; ')}`,
  ].join('\n');
}

/** What every fuzz run must show, whoever sent it and in whichever browser. */
export function expectClean(r: FuzzReport, run: Omit<FuzzRun, 'seed'>): void {
  expect(r.strays, 'answers not of the protocol').toEqual([]);
  expect(r.unanswered, `owed answers that never came: ${JSON.stringify(r.unansweredFirst)}`).toBe(0);
  expect(r.rpcPortsClosedByExtension).toBe(0);
  const refused = Object.values(r.refusedByBrowser).reduce((a, b) => a + b, 0);
  expect(r.sent + refused).toBe(run.count);
  // A closed port takes nothing more: the browser refuses, nothing reaches the extension.
  expect(Object.keys(r.afterClose).every((k) => k.startsWith('refused'))).toBe(true);
  for (const [name, s] of Object.entries(r.otherPorts)) {
    expect(s.sent + s.refused).toBe(run.otherPortMessages + 1);
    expect(s.answers, `answers on a port named '${name}'`).toBe(0);
    expect(s.closedByExtension, `a port named '${name}' is closed by the extension`).toBe(true);
    expect(s.afterClose).toMatch(/^refused/);
  }
  // Nothing listens for runtime messages in the extension: each is the browser's "no receiver".
  expect(r.sendMessage.answered ?? 0).toBe(0);
}
