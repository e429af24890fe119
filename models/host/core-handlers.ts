import type { HandlerSet, HostContext } from '@/models/host/handlers';
import { runSelfTest } from '@/models/host/selftest/run';
import { probeWebGpu } from '@/models/host/webgpu';
import { wasmThreads } from '@/models/host/ort-env';
import { measureMemory } from '@/models/host/memory';

/** The host's own requests: its self-test and its status. */
export function coreHandlers({ store, hostStartedAt }: HostContext): HandlerSet<'host.selftest' | 'host.status' | 'host.memory'> {
  return {
    // Answered here when the host runs in its owner's thread; a worker's owner answers it itself
    // (entrypoints/offscreen/start-host.ts), since only a window can measure its workers.
    'host.memory': () => measureMemory(),
    'host.selftest': (p, ctx) => runSelfTest(store, p.backend, hostStartedAt, (stage) => ctx.progress({ stage }), ctx.signal),
    'host.status': async () => ({
      hostStartedAt,
      webgpu: await probeWebGpu(),
      sessions: await store.list(),
      threads: wasmThreads(),
      inWorker: typeof document === 'undefined',
    }),
  };
}
