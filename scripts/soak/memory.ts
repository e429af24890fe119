import type { Page } from 'playwright-core';
import { attachTarget, tunnel, type Channel, type TargetSession } from '@/scripts/browser/cdp-tunnel';
import { extensionTargets, serviceWorkerHeap } from '@/scripts/browser/service-worker';
import type { HostMemory } from '@/platform/protocol/protocol';
import { request } from '@/scripts/soak/rpc';

// Memory of the model host and of the service worker, each read after a forced full GC so that
// two readings compare live objects rather than whatever garbage happened to be waiting.

export interface MemoryReading {
  /** 'host.memory': the offscreen document with its workers (measureUserAgentSpecificMemory: JS, ArrayBuffers, WASM). */
  host: HostMemory;
  /** The model host worker's used JS heap (its share of `host`, read over CDP). */
  hostWorkerHeapBytes: number;
  /** The running service worker's used JS heap. */
  swHeapBytes: number;
  /** When the measured service-worker instance started (bg.ping). */
  swStartedAt: number;
}

/**
 * Full GC in the offscreen document and in the workers it owns (the model host worker); returns
 * those workers' used JS heap after it.
 */
async function collectHostGarbage(cdp: Channel, extensionId: string): Promise<number> {
  let workerHeap = 0;
  for (const doc of await extensionTargets(cdp, extensionId, 'background_page')) {
    const session = await attachTarget(cdp, doc.targetId);
    const workers: TargetSession[] = [];
    const onAttached = (e: { sessionId: string; targetInfo: { type: string } }) => {
      if (e.targetInfo.type === 'worker') workers.push(tunnel(session, e.sessionId));
    };
    session.on('Target.attachedToTarget', onAttached as (p: never) => void);
    try {
      await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
      // Workers already running are announced by events after the call: the host's worker is
      // running (the soak measures after a request), so wait for it to be announced.
      for (const end = Date.now() + 15_000; workers.length === 0 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
      for (const w of workers) {
        await w.send('HeapProfiler.collectGarbage');
        workerHeap += (await w.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
      }
      await session.send('HeapProfiler.collectGarbage');
    } finally {
      for (const w of workers) await w.detach();
      await session.detach();
    }
  }
  return workerHeap;
}

async function ask<T>(page: Page, port: string, type: string): Promise<T> {
  // Measurement runs with no service-worker stops scheduled; one retry covers an idle stop.
  for (let attempt = 0; ; attempt++) {
    const r = await request(page, port, type, {}, { timeoutMs: 60_000 });
    if (r.kind === 'ok') return r.value as T;
    if (attempt > 0 || r.kind !== 'error') throw new Error(`${type}: ${r.kind === 'error' ? `${r.code}: ${r.message}` : r.kind}`);
  }
}

export async function measure(page: Page, cdp: Channel, port: string, extensionId: string): Promise<MemoryReading> {
  const hostWorkerHeapBytes = await collectHostGarbage(cdp, extensionId);
  const host = await ask<HostMemory>(page, port, 'host.memory');
  const { backgroundStartedAt } = await ask<{ backgroundStartedAt: number }>(page, port, 'bg.ping');
  const swHeapBytes = await serviceWorkerHeap(cdp, extensionId);
  return { host, hostWorkerHeapBytes, swHeapBytes, swStartedAt: backgroundStartedAt };
}

/** The lower of two readings of each figure: a GC that ran late only ever adds to one. */
export async function measureTwice(page: Page, cdp: Channel, port: string, extensionId: string): Promise<MemoryReading> {
  const a = await measure(page, cdp, port, extensionId);
  const b = await measure(page, cdp, port, extensionId);
  const min = (x?: number, y?: number) => (x === undefined ? y : y === undefined ? x : Math.min(x, y));
  return {
    host: { agentBytes: min(a.host.agentBytes, b.host.agentBytes), jsHeapBytes: min(a.host.jsHeapBytes, b.host.jsHeapBytes) },
    hostWorkerHeapBytes: Math.min(a.hostWorkerHeapBytes, b.hostWorkerHeapBytes),
    swHeapBytes: Math.min(a.swHeapBytes, b.swHeapBytes),
    swStartedAt: b.swStartedAt,
  };
}
