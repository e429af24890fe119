import type { HandlerSet, HostContext } from '@/models/host/handlers';
import { runSelfTest } from '@/models/host/selftest/run';
import { probeWebGpu } from '@/models/host/webgpu';

/** The host's own requests: its self-test and its status. */
export function coreHandlers({ store, hostStartedAt }: HostContext): HandlerSet<'host.selftest' | 'host.status'> {
  return {
    'host.selftest': (p, ctx) => runSelfTest(store, p.backend, hostStartedAt, (stage) => ctx.progress({ stage }), ctx.signal),
    'host.status': async () => ({
      hostStartedAt,
      webgpu: await probeWebGpu(),
      sessions: await store.list(),
    }),
  };
}
