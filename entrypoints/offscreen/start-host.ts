import { measureMemory } from '@/models/host/memory';
import { settle, type Dispatch } from '@/platform/messaging/serve';
import { workerDispatch } from '@/platform/messaging/worker-link';

/**
 * A WASM thread count forced for this host (`offscreen.html?threads=N`): benchmarks open the
 * host that way to time one thread against the chosen count in the same build.
 */
const forcedThreads = Number(new URLSearchParams(location.search).get('threads')) || 0;

const toWorker = workerDispatch(
  () =>
    new Worker(new URL('./host-worker.ts', import.meta.url), {
      type: 'module',
      // The worker reads its settings from its name: it has no extension APIs to ask.
      name: forcedThreads > 0 ? `dl-tutor-model-host threads=${forcedThreads}` : 'dl-tutor-model-host',
    }),
);

/**
 * The model host as its owner sees it: a dispatch into the host worker (started on first
 * request). Memory is measured here, in the window that owns the worker: a dedicated worker
 * cannot measure itself, and the window's measurement covers its workers.
 */
export const hostWorkerDispatch: Dispatch = (req, ctx) =>
  req.type === 'host.memory' ? settle(() => measureMemory(), ctx.signal) : toWorker(req, ctx);
