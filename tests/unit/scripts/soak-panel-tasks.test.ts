// The soak files the side panel's traced tasks under the step they fell in, and reports the long ones.
import { describe, expect, it } from 'vitest';
import { Ledger } from '@/scripts/soak/ledger';
import { buildReport, formatReport } from '@/scripts/soak/report';
import type { MemoryReading } from '@/scripts/soak/memory';

describe('the soak\'s side-panel tasks', () => {
  it('are counted per step, long ones (over 50 ms of CPU) listed with their wall time', () => {
    const ledger = new Ledger();
    const t0 = Date.now();
    ledger.spans.push({ name: 'lab open', from: t0, to: t0 + 1_000 }, { name: 'lab view attention', from: t0 + 1_000, to: t0 + 3_000 });
    ledger.panel(t0 - 10, [
      { at: 100, wallMs: 40, cpuMs: 30 },
      { at: 1_500, wallMs: 300, cpuMs: 20 },
      { at: 2_000, wallMs: 90, cpuMs: 60 },
    ]);
    expect(Object.fromEntries(ledger.panelTasks)).toEqual({
      'lab open': { tasks: 1, maxCpuMs: 30, maxWallMs: 40, long: [] },
      'lab view attention': { tasks: 2, maxCpuMs: 60, maxWallMs: 300, long: [{ cpuMs: 60, wallMs: 90, atS: 2 }] },
    });
    const reading: MemoryReading = { host: { agentBytes: 100, jsHeapBytes: 100 }, hostWorkerHeapBytes: 1, swHeapBytes: 100, swStartedAt: 1 };
    const text = formatReport(buildReport(ledger, { seed: 1, cycles: 1, soakMs: 60_000, start: reading, end: reading }));
    expect(text).toContain('lab open: 1; 30 / 40; none');
    expect(text).toContain('lab view attention: 2; 60 / 300; 1: 60/90 at 2 s');
  });
});
