import { serveInWorker, type WorkerScope } from '@/platform/messaging/worker-link';
import { ortRuntime } from '@/models/host/ort-env';
import { dispatchHost } from '@/entrypoints/offscreen/host';

// The model host's own thread: every onnxruntime-web session (GPT engine, training runs,
// self-tests) runs here, started by the offscreen document (Chrome) or the background page
// (Firefox), so no extension page's main thread ever waits on a model.
const forced = /threads=(\d+)/.exec((self as { name?: string }).name ?? '');
if (forced) ortRuntime(Number(forced[1]));

serveInWorker(self as unknown as WorkerScope, dispatchHost, (why) => console.warn(`[dl-tutor] host worker rejected message: ${why}`));
