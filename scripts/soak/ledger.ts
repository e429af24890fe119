import { LONG_TASK_MS, type MainThreadTask } from '@/scripts/browser/long-tasks';

// What the soak saw: requests served, service-worker stops, expected interruptions, errors, long
// tasks. A failure counts as an expected interruption only when it is one a stopped service worker
// causes ('disconnected', 'host-unavailable') and a stop overlapped it; anything else is an error.

export const INTERRUPTION_CODES = ['disconnected', 'host-unavailable'] as const;

/** The lab's words for those codes (it shows the message, not the code). */
export const INTERRUPTION_TEXT = /background stopped|model host closed|model host worker stopped|cannot start the model host/;

/** A request sent just after a stop can still meet the old worker's closing ports. */
const AFTER_STOP_MS = 3000;

export interface SoakError {
  at: number;
  where: string;
  message: string;
}

export interface LongTask {
  where: string;
  ms: number;
  /** Seconds after the page's navigation started: the first ones are its load. */
  atS: number;
  /** The step running when it started. */
  during: string;
}

/** The side panel's main-thread tasks of one step, from its trace (scripts/browser/long-tasks.ts). */
export interface PanelTasks {
  tasks: number;
  maxCpuMs: number;
  maxWallMs: number;
  /** Tasks over 50 ms of thread CPU time; `atS`: seconds after the panel started opening. */
  long: { cpuMs: number; wallMs: number; atS: number }[];
}

export class Ledger {
  readonly startedAt = Date.now();
  readonly errors: SoakError[] = [];
  readonly interruptions: SoakError[] = [];
  readonly served = new Map<string, number>();
  readonly longTasks: LongTask[] = [];
  /** Per step, the side panel's tasks (the GPT lab's page, traced from its navigation). */
  readonly panelTasks = new Map<string, PanelTasks>();
  readonly stops: { from: number; to: number }[] = [];
  readonly steps = new Map<string, number[]>();
  readonly spans: { name: string; from: number; to: number }[] = [];
  /** Counting errors starts after the warm-up's first loads (still reported, as warm-up errors). */
  phase: 'warm-up' | 'soak' = 'warm-up';

  error(where: string, message: string, at = Date.now()): void {
    this.errors.push({ at, where: `${this.phase === 'warm-up' ? 'warm-up: ' : ''}${where}`, message });
  }

  interrupted(where: string, message: string, at = Date.now()): void {
    this.interruptions.push({ at, where, message });
  }

  serve(type: string, n = 1): void {
    this.served.set(type, (this.served.get(type) ?? 0) + n);
  }

  /** A step starts: what happens until `end` is attributed to it. */
  begin(name: string): { end(): void } {
    const span = { name, from: Date.now(), to: Number.POSITIVE_INFINITY };
    this.spans.push(span);
    return {
      end: () => {
        span.to = Date.now();
        this.steps.set(name, [...(this.steps.get(name) ?? []), span.to - span.from]);
      },
    };
  }

  /** Files the side panel's traced tasks; `startedAt`: the trace's start on the machine's clock. */
  panel(startedAt: number, tasks: MainThreadTask[]): void {
    for (const t of tasks) {
      const k = this.stepAt(startedAt + t.at);
      const p = this.panelTasks.get(k) ?? { tasks: 0, maxCpuMs: 0, maxWallMs: 0, long: [] };
      this.panelTasks.set(k, p);
      p.tasks++;
      p.maxCpuMs = Math.max(p.maxCpuMs, t.cpuMs);
      p.maxWallMs = Math.max(p.maxWallMs, t.wallMs);
      if (t.cpuMs > LONG_TASK_MS) p.long.push({ cpuMs: t.cpuMs, wallMs: t.wallMs, atS: Math.round(t.at / 100) / 10 });
    }
  }

  /** The step that was running at `at` (a time on the machine's clock). */
  stepAt(at: number): string {
    return this.spans.findLast((s) => s.from <= at && at <= s.to)?.name ?? 'between steps';
  }

  /** Whether a service-worker stop overlapped [from, to]. */
  stoppedDuring(from: number, to = Date.now()): boolean {
    return this.stops.some((s) => s.from <= to && s.to + AFTER_STOP_MS >= from);
  }

  /**
   * Files a failed request (code and message) seen in [from, to]: an expected interruption when
   * a stop explains it, else an error. Returns whether it was expected (the caller retries once).
   */
  failure(where: string, code: string, message: string, from: number, to = Date.now()): boolean {
    const expected = (INTERRUPTION_CODES as readonly string[]).includes(code) && this.stoppedDuring(from, to);
    if (expected) this.interrupted(where, `${code}: ${message}`, to);
    else this.error(where, `${code}: ${message}`, to);
    return expected;
  }
}
