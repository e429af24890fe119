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

/** When the running background started (bg.ping), or 0 when it did not answer. */
const startedAt = (): Promise<number> =>
  requestOnPort(() => browser.runtime.connect({ name: RPC_PORT }), { kind: 'request', id: newId(), type: 'bg.ping', payload: {} } as RequestMsg, { closed: DISCONNECTED }).then((r) =>
    r.ok ? (r.value as { backgroundStartedAt: number }).backgroundStartedAt : 0,
  );

/** How often a pending request checks that the background it was sent to is still the one running. */
const WATCH_MS = 2000;

function once<K extends RequestType>(type: K, payload: Req<K>, opts: CallOptions<K>): Promise<Result<Res<K>>> {
  const req = { kind: 'request', id: newId(), type, payload } as RequestMsg;
  const orphan = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, orphan.signal]) : orphan.signal;
  const answer = requestOnPort(() => browser.runtime.connect({ name: RPC_PORT }), req, {
    onProgress: opts.onProgress as ((data: unknown) => void) | undefined,
    signal,
    closed: DISCONNECTED,
  }) as Promise<Result<Res<K>>>;
  // Chrome can stop the service worker without closing the ports to it (seen when it is stopped
  // while it relays a model host's progress): the request would then wait forever. So the request
  // learns which background instance took it (a ping sent right behind it reaches the same one),
  // and is given up as disconnected, like a closed port, once pings find another instance. Comparing
  // start times with the send time instead gave up every long request that itself woke a stopped
  // worker (Chrome stops idle ones after 30 s): its instance starts after the request is sent.
  let settled = false;
  let servedBy: number | undefined;
  void startedAt().then((t) => (servedBy = t));
  let unanswered = 0;
  const watch = setInterval(() => {
    void startedAt().then((now) => {
      if (settled || now === 0) return;
      // Another instance answers; or later pings are answered while the one behind the request
      // is not (its instance went down without closing the port): twice, so a slow start is not it.
      const gone = servedBy === undefined ? ++unanswered >= 2 : servedBy !== now;
      if (gone) orphan.abort();
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

