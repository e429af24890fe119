import type { Browser } from 'wxt/browser';
import { err, ok, RpcFailure, type ClientMsg, type RequestMsg, type Result, type ServerMsg } from '@/platform/protocol/protocol';
import { parseClientMsg } from '@/platform/protocol/validate';

export interface HandlerContext {
  signal: AbortSignal;
  progress(data: unknown): void;
}

export type Dispatch = (req: RequestMsg, ctx: HandlerContext) => Promise<Result<unknown>>;

/** Runs a handler and turns whatever it throws into an error value. */
export async function settle(run: () => Promise<unknown>, signal: AbortSignal): Promise<Result<unknown>> {
  try {
    const value = await run();
    return signal.aborted ? err('cancelled', 'cancelled') : ok(value);
  } catch (e) {
    if (signal.aborted) return err('cancelled', 'cancelled');
    if (e instanceof RpcFailure) return err(e.code, e.message);
    return err('internal', e instanceof Error ? e.message : String(e));
  }
}

/** What servePort needs of a port: an extension port, or a worker's side of its message channel. */
export interface ServedPort {
  postMessage(msg: unknown): void;
  onMessage: { addListener(f: (msg: unknown) => void): void };
  onDisconnect: { addListener(f: () => void): void };
}

/**
 * Serves requests arriving on one port: validates each message, runs it with
 * an abort signal, streams progress and posts exactly one answer. A closed
 * port cancels whatever it had asked for.
 */

export function servePort(port: Browser.runtime.Port | ServedPort, dispatch: Dispatch, onReject: (why: string) => void): void {
  const running = new Map<string, AbortController>();
  let open = true;
  const post = (msg: ServerMsg) => {
    if (!open) return;
    try {
      port.postMessage(msg);
    } catch {
      open = false;
    }
  };

  port.onMessage.addListener((raw: unknown) => {
    // A listener that throws answers nothing: whatever a message holds, it gets an error value.
    let parsed: Result<ClientMsg>;
    try {
      parsed = parseClientMsg(raw);
    } catch (e) {
      parsed = err('internal', `unreadable message: ${e instanceof Error ? e.message : 'error'}`);
    }
    if (!parsed.ok) {
      onReject(parsed.error.message);
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : 'invalid';
      post({ kind: 'response', id, result: parsed });
      return;
    }
    const msg = parsed.value;
    if (msg.kind === 'cancel') {
      const pending = running.get(msg.id);
      // Nothing to answer; a cancel that finds nothing (an unknown id, or a request just answered) is logged.
      if (pending) pending.abort();
      else onReject(`cancel for no running request (${msg.id})`);
      return;
    }
    if (running.has(msg.id)) {
      post({ kind: 'response', id: msg.id, result: err('bad-request', 'duplicate request id') });
      return;
    }
    const controller = new AbortController();
    running.set(msg.id, controller);
    const ctx: HandlerContext = {
      signal: controller.signal,
      progress: (data) => post({ kind: 'progress', id: msg.id, data }),
    };
    // A dispatch that throws or rejects still answers (dispatchers settle, but a slip must not hang a request).
    let answer: Promise<Result<unknown>>;
    try {
      answer = dispatch(msg, ctx);
    } catch (e) {
      answer = Promise.reject(e);
    }
    void answer
      .catch((e: unknown) => err('internal', e instanceof Error ? e.message : String(e)))
      .then((result) => {
        running.delete(msg.id);
        post({ kind: 'response', id: msg.id, result });
      });
  });

  port.onDisconnect.addListener(() => {
    open = false;
    for (const c of running.values()) c.abort();
    running.clear();
  });
}
