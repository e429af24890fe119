import { err, type ClientMsg, type RequestMsg, type Result, type ServerMsg } from '@/platform/protocol/protocol';
import { servePort, type Dispatch } from '@/platform/messaging/serve';

// The model host runs in a dedicated worker, so onnxruntime-web never blocks the thread that
// extension pages share. The worker speaks the ports' protocol (request → progress* → answer,
// cancel) over postMessage; ids are the link's own, so two pages' requests never collide.

/** What serveInWorker needs of a dedicated worker's global scope (the DOM lib has no worker types here). */
export interface WorkerScope {
  postMessage(msg: unknown): void;
  addEventListener(type: 'message', f: (e: MessageEvent) => void): void;
}

/** Worker side: answers requests from the owner with `dispatch`, exactly as a port server does. */
export function serveInWorker(scope: WorkerScope, dispatch: Dispatch, onReject: (why: string) => void): void {
  servePort(
    {
      postMessage: (msg: unknown) => scope.postMessage(msg),
      onMessage: { addListener: (f: (msg: unknown) => void) => scope.addEventListener('message', (e) => f(e.data)) },
      onDisconnect: { addListener: () => undefined }, // a worker's owner never "disconnects": it terminates it
    },
    dispatch,
    onReject,
  );
}

/**
 * Owner side: a Dispatch that forwards each request to a worker created on first use. A worker
 * that fails (a crash, an out-of-memory abort) fails what it was running with 'host-unavailable'
 * and is created afresh for the next request.
 */
export function workerDispatch(create: () => Worker): Dispatch {
  let worker: Worker | null = null;
  let counter = 0;
  const pending = new Map<string, { resolve(r: Result<unknown>): void; progress(d: unknown): void }>();

  const fail = (why: string) => {
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) p.resolve(err('host-unavailable', `the model host worker stopped: ${why}`));
    pending.clear();
  };
  const start = (): Worker => {
    const w = create();
    w.addEventListener('message', (e: MessageEvent<ServerMsg>) => {
      const msg = e.data;
      const p = pending.get(msg?.id);
      if (!p) return;
      if (msg.kind === 'progress') p.progress(msg.data);
      else {
        pending.delete(msg.id);
        p.resolve(msg.result);
      }
    });
    w.addEventListener('error', (e) => fail(e.message || 'error'));
    w.addEventListener('messageerror', () => fail('a message could not be read'));
    return w;
  };

  return (req: RequestMsg, ctx) =>
    new Promise((resolve) => {
      let w: Worker;
      try {
        w = worker ??= start();
      } catch (e) {
        resolve(err('host-unavailable', `cannot start the model host worker: ${e instanceof Error ? e.message : String(e)}`));
        return;
      }
      const id = `w${(counter++).toString(36)}`;
      const onAbort = () => w.postMessage({ kind: 'cancel', id } satisfies ClientMsg);
      pending.set(id, {
        resolve: (r) => {
          ctx.signal.removeEventListener('abort', onAbort);
          resolve(r);
        },
        progress: (d) => ctx.progress(d),
      });
      ctx.signal.addEventListener('abort', onAbort);
      w.postMessage({ ...req, id } satisfies RequestMsg);
      if (ctx.signal.aborted) onAbort();
    });
}
