import type { Ledger, PanelTasks, SoakError } from '@/scripts/soak/ledger';
import type { MemoryReading } from '@/scripts/soak/memory';

// The soak's report: the JSON written with --json, and the text printed at the end.

/** How much memory may grow over a soak: beyond this, something is kept that should be released. */
export const MAX_GROWTH_PERCENT = 10;

export interface Growth {
  start: number;
  end: number;
  /** (end - start) / start, in percent. */
  percent: number;
}

export interface SoakReport {
  seed: number;
  minutes: number;
  cycles: number;
  serviceWorkerStops: number;
  /** Answered requests of every type but bg.ping (the pages' liveness checks, counted apart). */
  requestsServed: number;
  livenessPings: number;
  requestsByType: Record<string, number>;
  expectedInterruptions: SoakError[];
  errors: SoakError[];
  steps: Record<string, { runs: number; medianMs: number; maxMs: number }>;
  /** Long tasks over 50 ms, per kind of page; `afterLoad`: those starting 5 s or more after navigation. */
  longTasks: Record<string, { count: number; maxMs: number; afterLoad: number; tasks: { ms: number; atS: number; during: string }[] }>;
  /**
   * The side panel's main-thread tasks per step, from a trace of its renderer (thread CPU time, so
   * another process's load does not count; wall time beside): `long` are those over 50 ms of CPU.
   */
  panelTasks: Record<string, PanelTasks>;
  memory: {
    /** Which figure of 'host.memory' was compared: agentBytes where the host is isolated. */
    hostFigure: 'agentBytes' | 'jsHeapBytes';
    host: Growth;
    serviceWorker: Growth;
    start: MemoryReading;
    end: MemoryReading;
    note: string;
  };
}

/** Long tasks in a page's first seconds are mostly its load (bundle evaluation, first render). */
const LOAD_S = 5;

const growth = (start: number, end: number): Growth => ({ start, end, percent: ((end - start) / start) * 100 });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function buildReport(ledger: Ledger, o: { seed: number; cycles: number; soakMs: number; start: MemoryReading; end: MemoryReading }): SoakReport {
  const hostFigure = o.start.host.agentBytes && o.end.host.agentBytes ? 'agentBytes' : 'jsHeapBytes';
  const longTasks: SoakReport['longTasks'] = {};
  for (const t of ledger.longTasks) {
    const k = (longTasks[t.where] ??= { count: 0, maxMs: 0, afterLoad: 0, tasks: [] });
    k.count++;
    k.maxMs = Math.max(k.maxMs, t.ms);
    if (t.atS >= LOAD_S) k.afterLoad++;
    k.tasks.push({ ms: t.ms, atS: t.atS, during: t.during });
  }
  const restarted = o.end.swStartedAt !== o.start.swStartedAt;
  return {
    seed: o.seed,
    minutes: o.soakMs / 60_000,
    cycles: o.cycles,
    serviceWorkerStops: ledger.stops.length,
    requestsServed: [...ledger.served].reduce((a, [type, n]) => (type === 'bg.ping' ? a : a + n), 0),
    livenessPings: ledger.served.get('bg.ping') ?? 0,
    requestsByType: Object.fromEntries([...ledger.served].sort((a, b) => b[1] - a[1])),
    expectedInterruptions: ledger.interruptions,
    errors: ledger.errors,
    steps: Object.fromEntries([...ledger.steps].map(([k, ms]) => [k, { runs: ms.length, medianMs: median(ms), maxMs: Math.max(...ms) }])),
    longTasks,
    panelTasks: Object.fromEntries(ledger.panelTasks),
    memory: {
      hostFigure,
      host: growth(o.start.host[hostFigure] ?? NaN, o.end.host[hostFigure] ?? NaN),
      serviceWorker: growth(o.start.swHeapBytes, o.end.swHeapBytes),
      start: o.start,
      end: o.end,
      note: restarted
        ? `the service worker measured at the end is the instance started at ${new Date(o.end.swStartedAt).toISOString()}, not the one measured at the start (started ${new Date(o.start.swStartedAt).toISOString()}): it was stopped ${ledger.stops.length} times in between`
        : 'the service worker measured at the end is the same instance as at the start',
    },
  };
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(2)} MiB`;
const pct = (p: number) => `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`;

export function formatReport(r: SoakReport): string {
  const lines = [
    `soak: ${r.minutes.toFixed(1)} min, seed ${r.seed}, ${r.cycles} cycles after the warm-up, ${r.serviceWorkerStops} service-worker stops`,
    `requests served: ${r.requestsServed} (${Object.entries(r.requestsByType).filter(([k]) => k !== 'bg.ping').map(([k, n]) => `${k} ${n}`).join(', ')}), and ${r.livenessPings} bg.ping liveness checks`,
    `expected interruptions (a stopped service worker; retried once): ${r.expectedInterruptions.length}`,
    ...r.expectedInterruptions.map((e) => `  - ${e.where}: ${e.message}`),
    `errors: ${r.errors.length}`,
    ...r.errors.map((e) => `  - ${e.where}: ${e.message}`),
    'steps (runs, median / max ms):',
    ...Object.entries(r.steps).map(([k, s]) => `  ${k}: ${s.runs}, ${s.medianMs} / ${s.maxMs}`),
    `long tasks > 50 ms (count; max; ${LOAD_S} s or more after the page opened; the longest with when):${Object.keys(r.longTasks).length ? '' : ' none'}`,
    ...Object.entries(r.longTasks).map(([k, t]) => {
      const worst = [...t.tasks].sort((a, b) => b.ms - a.ms).slice(0, 6).map((x) => `${x.ms} ms at ${x.atS} s (${x.during})`);
      return `  ${k}: ${t.count}; max ${t.maxMs} ms; ${t.afterLoad} after load; ${worst.join(', ')}`;
    }),
    `side panel, traced tasks per step (count; longest CPU / wall ms; over 50 ms of CPU, as CPU/wall ms at s):${Object.keys(r.panelTasks).length ? '' : ' none traced'}`,
    ...Object.entries(r.panelTasks).map(([k, p]) => {
      const worst = [...p.long].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 6).map((x) => `${x.cpuMs}/${x.wallMs} at ${x.atS} s`);
      return `  ${k}: ${p.tasks}; ${p.maxCpuMs} / ${p.maxWallMs}; ${p.long.length ? `${p.long.length}: ${worst.join(', ')}` : 'none'}`;
    }),
    `model host memory (host.memory ${r.memory.hostFigure}, after GC): start ${mib(r.memory.host.start)}, end ${mib(r.memory.host.end)}, growth ${pct(r.memory.host.percent)}`,
    `  of which the host worker's JS heap: start ${mib(r.memory.start.hostWorkerHeapBytes)}, end ${mib(r.memory.end.hostWorkerHeapBytes)}`,
    `service-worker JS heap (after GC): start ${mib(r.memory.serviceWorker.start)}, end ${mib(r.memory.serviceWorker.end)}, growth ${pct(r.memory.serviceWorker.percent)}`,
    `  (${r.memory.note})`,
  ];
  return lines.join('\n');
}
