import { useEffect, useState } from 'preact/hooks';
import { call } from '@/platform/messaging/client';
import { unpackAttention, unpackLayer } from '@/platform/protocol/attention-codec';
import type { GptAttention, RpcError } from '@/platform/protocol/protocol';

export type AttentionState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: GptAttention } | { status: 'error'; error: RpcError };

/**
 * The attention maps of `text`. The host streams them a layer at a time (a 256-token answer whole
 * is 2.8 MB of base64), and each layer is unpacked into numbers as its message arrives, in a task
 * of its own, so neither the relay nor this panel holds its thread for the whole answer.
 */
export function useAttention(text: string): AttentionState & { retry: () => void } {
  const [state, setState] = useState<AttentionState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!text) {
      setState({ status: 'idle' });
      return;
    }
    const ctl = new AbortController();
    // By layer number: a request repeated after the background restarted sends its layers again.
    const layers: number[][][][] = [];
    setState({ status: 'loading' });
    void call(
      'host.gpt.attend',
      { text },
      {
        signal: ctl.signal,
        retryOnDisconnect: true,
        onProgress: (piece) => {
          if (!ctl.signal.aborted) layers[piece.layer] = unpackLayer(piece);
        },
      },
    ).then((r) => {
      if (ctl.signal.aborted) return;
      if (!r.ok) return setState({ status: 'error', error: r.error });
      const { packed, ...rest } = r.value;
      if (packed.lower !== '' || packed.T === 0) return setState({ status: 'ready', value: { ...rest, attentions: packed.T === 0 ? [] : unpackAttention(packed) } });
      const complete = layers.length === packed.n_layer && layers.every((l) => l !== undefined);
      setState(complete ? { status: 'ready', value: { ...rest, attentions: layers } } : { status: 'error', error: { code: 'internal', message: 'the attention maps arrived incomplete' } });
    });
    return () => ctl.abort();
  }, [text, attempt]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
