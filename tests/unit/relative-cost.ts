// Speed checks in unit tests that hold on any machine, quiet or loaded.
//
// A wall-clock bound ("under 100 ms") fails on a busy machine and says nothing on a fast one. So a
// check here measures the process's CPU time (which other processes do not stretch) of its work
// and of a fixed reference workload run in the same process at the same moment, and bounds the
// ratio: a quadratic path or a lost index still shows as a ratio ten or a hundred times its usual,
// while a slower processor slows both sides alike. Both are run in alternation, several times,
// keeping the cheapest of each (caches and the collector disturb some runs). The absolute times are
// printed for a reader; budgets in milliseconds live in the benches.

/**
 * The reference: about a million characters scanned, hashed into a Map and sorted, the kind of
 * work (strings, maps, typed loops) the timed code does. A few milliseconds on the 2-core CI machine.
 */
function reference(): number {
  let h = 0;
  const m = new Map<string, number>();
  for (let i = 0; i < 20_000; i++) {
    const s = `w${i % 5000}x${(i * 7919) % 1000}`;
    for (let k = 0; k < s.length; k++) h = (h * 31 + s.charCodeAt(k)) | 0;
    m.set(s, (m.get(s) ?? 0) + 1);
  }
  const a = Float64Array.from({ length: 50_000 }, (_, i) => ((i * 2654435761) % 1e6) / 7);
  a.sort();
  return h + m.size + (a[100] ?? 0);
}

let sink = 0;

/** CPU milliseconds (user + system) this process spent in `run`. */
function timeOnce(run: () => unknown): number {
  const t0 = process.cpuUsage();
  const r = run();
  const d = process.cpuUsage(t0);
  const ms = (d.user + d.system) / 1000;
  sink ^= typeof r === 'number' ? r : 1;
  return ms;
}

export interface RelativeCost {
  /** The cheapest run of the work, CPU ms. */
  ms: number;
  /** The cheapest run of the reference, CPU ms. */
  unitMs: number;
  /** ms / unitMs: the work's cost in reference units. */
  units: number;
}

/** Times `run` against the reference, `reps` times each in alternation (after one warm-up of both). */
export function relativeCost(run: () => unknown, reps = 3): RelativeCost {
  timeOnce(reference);
  timeOnce(run);
  let ms = Infinity;
  let unitMs = Infinity;
  for (let i = 0; i < reps; i++) {
    unitMs = Math.min(unitMs, timeOnce(reference));
    ms = Math.min(ms, timeOnce(run));
  }
  unitMs = Math.max(unitMs, 0.05);
  if (sink === 0.5) console.log('unreachable');
  return { ms, unitMs, units: ms / unitMs };
}

/** "12.3 ms CPU (4.1 units of 3.0 ms)" for a log line. */
export function describeCost(c: RelativeCost): string {
  return `${c.ms.toFixed(1)} ms CPU (${c.units.toFixed(1)} units of ${c.unitMs.toFixed(2)} ms)`;
}
