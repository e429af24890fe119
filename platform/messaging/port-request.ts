import type { Browser } from 'wxt/browser';
import { err, type ErrorCode, type RequestMsg, type Result, type ServerMsg } from '@/platform/protocol/protocol';

export interface PortRequestOptions {
  onProgress?(data: unknown): void;
  signal?: AbortSignal;
  /** What a port that closes before the answer means: the background restarted, or the model host went away. */
  closed: { code: ErrorCode; message: string };
  /**
   * What a port that never reached a listener means (Chrome closes it with runtime.lastError set:
   * "Receiving end does not exist"), told apart from one closed after it was heard: only the
   * former is safe to send again. Without it both are `closed`.
   */
  unreachable?: { code: ErrorCode; message: string; lastError(): unknown };
  /**
   * On abort a cancel is always sent. Pages answer 'cancelled' at once; the background waits for
   * the host's own answer to the cancel (a paused training run still reports its summary).
   */
  waitAfterCancel?: boolean;
}

/**
 * One request on a fresh port: posts it, streams its progress, resolves with its one answer and
 * closes the port. Never throws: every failure is an error value.
 */
export function requestOnPort(connect: () => Browser.runtime.Port, req: RequestMsg, opts: PortRequestOptions): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    let port: Browser.runtime.Port;
    let done = false;
    const finish = (result: Result<unknown>) => {
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
        port.postMessage({ kind: 'cancel', id: req.id });
        if (opts.waitAfterCancel) return;
      } catch {
        // the answer is 'cancelled' either way
      }
      finish(err('cancelled', 'cancelled'));
    };
    try {
      port = connect();
    } catch (e) {
      resolve(err(opts.closed.code, `${opts.closed.message}: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    port.onMessage.addListener((msg: ServerMsg) => {
      if (msg.id !== req.id) return;
      if (msg.kind === 'progress') opts.onProgress?.(msg.data);
      else finish(msg.result);
    });
    port.onDisconnect.addListener(() => {
      const why = opts.unreachable?.lastError() ? opts.unreachable : opts.closed;
      finish(err(why.code, why.message));
    });
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort);
    port.postMessage(req);
  });
}
