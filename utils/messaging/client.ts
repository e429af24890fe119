import { browser } from 'wxt/browser';
import {
  DIRECT_PORT,
  err,
  RPC_PORT,
  type Progress,
  type Req,
  type RequestType,
  type Res,
  type Result,
  type ServerMsg,
} from './protocol';

export interface CallOptions<K extends RequestType> {
  onProgress?: (data: Progress<K>) => void;
  signal?: AbortSignal;
  /**
   * Retries once when the background went away before answering (Chrome stops
   * idle service workers; the next connection starts it again). Only for
   * requests that are safe to repeat.
   */
  retryOnDisconnect?: boolean;
}

let counter = 0;
const newId = () => `${Date.now().toString(36)}-${(counter++).toString(36)}`;

function once<K extends RequestType>(type: K, payload: Req<K>, opts: CallOptions<K>): Promise<Result<Res<K>>> {
  return new Promise((resolve) => {
    const id = newId();
    let port: ReturnType<typeof browser.runtime.connect>;
    let done = false;
    const finish = (result: Result<Res<K>>) => {
      if (done) return;
      done = true;
      opts.signal?.removeEventListener('abort', onAbort);
      try {
        port.disconnect();
      } catch {
        // already closed
      }
      resolve(result);
    };
    const onAbort = () => {
      try {
        port.postMessage({ kind: 'cancel', id });
      } catch {
        // the answer is 'cancelled' either way
      }
      finish(err('cancelled', 'cancelled'));
    };
    try {
      port = browser.runtime.connect({ name: RPC_PORT });
    } catch (e) {
      resolve(err('disconnected', `cannot reach the background: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    port.onMessage.addListener((msg: ServerMsg) => {
      if (msg.id !== id) return;
      if (msg.kind === 'progress') opts.onProgress?.(msg.data as Progress<K>);
      else finish(msg.result as Result<Res<K>>);
    });
    port.onDisconnect.addListener(() => finish(err('disconnected', 'the background stopped before answering')));
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort);
    port.postMessage({ kind: 'request', id, type, payload });
  });
}

/** Sends one request to the background and waits for its answer (never throws). */
export async function call<K extends RequestType>(
  type: K,
  payload: Req<K>,
  opts: CallOptions<K> = {},
): Promise<Result<Res<K>>> {
  const first = await once(type, payload, opts);
  if (!first.ok && first.error.code === 'disconnected' && opts.retryOnDisconnect && !opts.signal?.aborted) {
    return once(type, payload, opts);
  }
  return first;
}

/**
 * One long-lived port from an extension page straight to the model host, for
 * requests that must answer within a frame. If the host isn't there (or goes
 * away), requests fall back to the ordinary path through the background,
 * which also starts the host.
 */
export function directChannel() {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  const waiting = new Map<string, (r: Result<unknown>) => void>();
  const open = () => {
    const p = browser.runtime.connect({ name: DIRECT_PORT });
    p.onMessage.addListener((msg: ServerMsg) => {
      if (msg.kind !== 'response') return;
      waiting.get(msg.id)?.(msg.result);
      waiting.delete(msg.id);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      for (const resolve of waiting.values()) resolve(err('disconnected', 'the model host went away'));
      waiting.clear();
    });
    return p;
  };
  return {
    async call<K extends RequestType>(type: K, payload: Req<K>): Promise<Result<Res<K>>> {
      try {
        port ??= open();
        const id = newId();
        const answer = new Promise<Result<unknown>>((resolve) => waiting.set(id, resolve));
        port.postMessage({ kind: 'request', id, type, payload });
        const r = (await answer) as Result<Res<K>>;
        if (r.ok || r.error.code !== 'disconnected') return r;
      } catch {
        port = null;
      }
      return call(type, payload, { retryOnDisconnect: true });
    },
    close() {
      port?.disconnect();
      port = null;
    },
  };
}
