import { browser } from 'wxt/browser';
import {
  err,
  RPC_PORT,
  type Progress,
  type Req,
  type RequestType,
  type Res,
  type Result,
  type ServerMsg,
} from '@/platform/protocol/protocol';

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

