import { useEffect, useState } from 'preact/hooks';
import { call } from '@/platform/messaging/client';
import type { Req, RequestType, Res, RpcError } from '@/platform/protocol/protocol';

export type RpcState<K extends RequestType> =
  | { status: 'idle' }
  | { status: 'loading'; previous?: Res<K> }
  | { status: 'ready'; value: Res<K> }
  | { status: 'error'; error: RpcError };

/**
 * One request to the model host that is re-sent when `key` changes and
 * cancelled when it is superseded or the view unmounts. `payload` null means
 * nothing to ask (empty input).
 */
export function useRpc<K extends RequestType>(type: K, payload: Req<K> | null, key: string): RpcState<K> & { retry: () => void } {
  const [state, setState] = useState<RpcState<K>>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (payload === null) {
      setState({ status: 'idle' });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ status: 'loading', previous: s.status === 'ready' ? s.value : undefined }));
    void call(type, payload, { signal: ctl.signal, retryOnDisconnect: true }).then((r) => {
      if (ctl.signal.aborted) return;
      setState(r.ok ? { status: 'ready', value: r.value } : { status: 'error', error: r.error });
    });
    return () => ctl.abort();
    // The payload is described by key; re-sending on every render would storm the host.
  }, [type, key, attempt]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
