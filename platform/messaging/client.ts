import { browser } from 'wxt/browser';
import { err, RPC_PORT, type Progress, type Req, type RequestMsg, type RequestType, type Res, type Result } from '@/platform/protocol/protocol';
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

const DISCONNECTED = { code: 'disconnected', message: 'the background stopped before answering' } as const;

let counter = 0;
const newId = () => `${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** How often a pending request checks that the background it was sent to is still the one running. */
const WATCH_MS = 2000;

function once<K extends RequestType>(type: K, payload: Req<K>, opts: CallOptions<K>): Promise<Result<Res<K>>> {
  const req = { kind: 'request', id: newId(), type, payload } as RequestMsg;
  const sentAt = Date.now();
  const orphan = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, orphan.signal]) : orphan.signal;
  const answer = requestOnPort(() => browser.runtime.connect({ name: RPC_PORT }), req, {
    onProgress: opts.onProgress as ((data: unknown) => void) | undefined,
    signal,
    closed: DISCONNECTED,
  }) as Promise<Result<Res<K>>>;
  // Chrome can stop the service worker without closing the ports to it (seen when it is stopped
  // while it relays a model host's progress): the request would then wait forever. A background
  // that started after the request was sent never received it, so the request is given up as
  // disconnected, like a closed port, and the caller can retry.
  let settled = false;
  const watch = setInterval(() => {
    void requestOnPort(() => browser.runtime.connect({ name: RPC_PORT }), { kind: 'request', id: newId(), type: 'bg.ping', payload: {} } as RequestMsg, { closed: DISCONNECTED }).then((r) => {
      const startedAt = r.ok ? (r.value as { backgroundStartedAt: number }).backgroundStartedAt : 0;
      if (!settled && startedAt > sentAt) orphan.abort();
    });
  }, WATCH_MS);
  return answer.then((r) => {
    settled = true;
    clearInterval(watch);
    return orphan.signal.aborted && !opts.signal?.aborted ? (err(DISCONNECTED.code, DISCONNECTED.message) as Result<Res<K>>) : r;
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

