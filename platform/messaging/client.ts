import { browser } from 'wxt/browser';
import { RPC_PORT, type Progress, type Req, type RequestMsg, type RequestType, type Res, type Result } from '@/platform/protocol/protocol';
import { requestOnPort } from '@/platform/messaging/port-request';

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
  const req = { kind: 'request', id: newId(), type, payload } as RequestMsg;
  return requestOnPort(() => browser.runtime.connect({ name: RPC_PORT }), req, {
    onProgress: opts.onProgress as ((data: unknown) => void) | undefined,
    signal: opts.signal,
    closed: { code: 'disconnected', message: 'the background stopped before answering' },
  }) as Promise<Result<Res<K>>>;
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

