import type { CDPSession } from 'playwright-core';

// DevTools sessions on targets Playwright gives no handle for: the extension's service worker
// (Playwright's Worker has no CDP session), its offscreen document and the host worker inside it.
// The protocol's non-flat mode reaches them through any session we do have: Target.attachToTarget
// with flatten: false, then Target.sendMessageToTarget / receivedMessageFromTarget.

type Listener = (params: never) => void;

/** What a tunnel is carried on: a Playwright session, or another tunnel (a worker inside a document). */
export interface Channel {
  send<T = unknown>(method: string, params?: object): Promise<T>;
  on(event: string, fn: Listener): void;
  off(event: string, fn: Listener): void;
}

export interface TargetSession extends Channel {
  readonly sessionId: string;
  detach(): Promise<void>;
}

/** No answer in this long means the target went away without saying so (a stopped worker). */
const CALL_MS = 30_000;

export function channelOf(cdp: CDPSession): Channel {
  const loose = cdp as unknown as { on(e: string, f: Listener): void; off(e: string, f: Listener): void; send(m: string, p?: object): Promise<unknown> };
  return {
    send: <T>(method: string, params?: object) => loose.send(method, params) as Promise<T>,
    on: (event, fn) => loose.on(event, fn),
    off: (event, fn) => loose.off(event, fn),
  };
}

/** Attaches to a target listed by Target.getTargets. */
export async function attachTarget(parent: Channel, targetId: string): Promise<TargetSession> {
  const { sessionId } = await parent.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: false });
  return tunnel(parent, sessionId);
}

/** A session the parent already holds (one Target.attachedToTarget announced). */
export function tunnel(parent: Channel, sessionId: string): TargetSession {
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const listeners = new Map<string, Set<Listener>>();
  const fail = (why: string) => {
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  };
  const onMessage = (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
    } else if (msg.method) {
      for (const fn of listeners.get(msg.method) ?? []) (fn as (p: unknown) => void)(msg.params);
    }
  };
  const onDetached = (e: { sessionId: string }) => {
    if (e.sessionId === sessionId) fail('the target went away');
  };
  parent.on('Target.receivedMessageFromTarget', onMessage as Listener);
  parent.on('Target.detachedFromTarget', onDetached as Listener);
  const stop = () => {
    parent.off('Target.receivedMessageFromTarget', onMessage as Listener);
    parent.off('Target.detachedFromTarget', onDetached as Listener);
    fail('detached');
  };
  return {
    sessionId,
    send: <T>(method: string, params: object = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${method}: no answer in ${CALL_MS / 1000} s`));
        }, CALL_MS);
        pending.set(id, {
          resolve: (v) => (clearTimeout(timer), resolve(v as T)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
        parent.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((e: Error) => pending.get(id)?.reject(e));
      }),
    on: (event, fn) => listeners.set(event, (listeners.get(event) ?? new Set()).add(fn)),
    off: (event, fn) => listeners.get(event)?.delete(fn),
    async detach() {
      stop();
      await parent.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}
