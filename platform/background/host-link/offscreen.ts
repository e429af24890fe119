import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { err, HOST_PORT, HOST_READY } from '@/platform/protocol/protocol';
import { requestOnPort } from '@/platform/messaging/port-request';
import type { HostLink } from '@/platform/background/host-link/types';

const OFFSCREEN_PATH = '/offscreen.html';
/** A bound on a document that never says it is listening (its script failed): an error, not a hang. */
const START_LIMIT_MS = 30_000;
/** A document found already open whose port finds no listener: how long its announcement may take. */
const LATE_LIMIT_MS = 10_000;
const NOT_LISTENING = 'the model host is not listening yet';
let creating: Promise<void> | null = null;

async function hasHost(url: string): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [url],
  });
  return contexts.length > 0;
}

/** Whoever waits for the offscreen document's word that it listens. */
const waiters = new Set<() => void>();

/**
 * The offscreen document says it listens by opening a port named HOST_READY to the background
 * (a port, not a runtime message: a message listener here would answer every extension page's
 * sendMessage). Called by the background for each port it is offered: true when `port` was that
 * word from the document itself, now closed and passed on.
 */
export function heardFromHost(port: Browser.runtime.Port): boolean {
  if (port.name !== HOST_READY || port.sender?.id !== browser.runtime.id || port.sender.url !== browser.runtime.getURL(OFFSCREEN_PATH)) return false;
  port.disconnect();
  for (const wake of [...waiters]) wake();
  return true;
}

/**
 * Resolves when the offscreen document next says it listens, rejects after `limitMs`. Asked for
 * before the document is, so the word cannot be missed.
 */
function announcement(limitMs: number): { heard: Promise<void>; stop(): void } {
  let stop = () => {};
  const heard = new Promise<void>((resolve, reject) => {
    const wake = () => {
      stop();
      resolve();
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the model host did not start within ${limitMs / 1000} s`));
    }, limitMs);
    stop = () => {
      clearTimeout(timer);
      waiters.delete(wake);
    };
    waiters.add(wake);
  });
  // Whoever needs the word awaits it; a bound that runs out while nobody does is no error.
  heard.catch(() => undefined);
  return { heard, stop: () => stop() };
}

/**
 * The model host's worker belongs to an offscreen document: unlike the service
 * worker it is not stopped when idle, so loaded sessions and weights survive a
 * restart of the background. Resolves once the document listens for the host's port.
 */
export async function ensureHost(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const exists = await hasHost(url);
  // The document is listed as soon as it is created, before its script runs: while this worker
  // is creating it, "exists" is not "ready", and the creation's promise is.
  if (creating) return creating;
  if (exists) return;
  creating = (async () => {
    const ready = announcement(START_LIMIT_MS);
    try {
      await browser.offscreen.createDocument({
        url,
        reasons: ['WORKERS' as Browser.offscreen.Reason],
        justification: 'Runs the local ONNX models (onnxruntime-web) so they outlive the service worker.',
      });
    } catch (e) {
      ready.stop();
      // Created meanwhile by a background instance that has since stopped: it is there, if maybe
      // not yet listening (the retry in offscreenLink covers that).
      if (!String(e).includes('single offscreen')) throw e;
      return;
    }
    await ready.heard;
  })().finally(() => {
    creating = null;
  });
  return creating;
}

const forward = (...[req, ctx]: Parameters<HostLink>): ReturnType<HostLink> =>
  requestOnPort(() => browser.runtime.connect({ name: HOST_PORT }), req, {
    onProgress: (data) => ctx.progress(data),
    signal: ctx.signal,
    closed: { code: 'host-unavailable', message: 'the model host closed the connection' },
    unreachable: { code: 'host-unavailable', message: NOT_LISTENING, lastError: () => browser.runtime.lastError },
    waitAfterCancel: true,
  });

export const offscreenLink: HostLink = async (req, ctx) => {
  try {
    await ensureHost();
  } catch (e) {
    return err('host-unavailable', `cannot start the model host: ${e instanceof Error ? e.message : String(e)}`);
  }
  const late = announcement(LATE_LIMIT_MS);
  const first = await forward(req, ctx);
  // Nobody heard it: a document another background instance created just before it stopped, its
  // script not yet run. Sent again once the document says it listens (never heard, so never run
  // twice). A request that was heard and then lost (the document closed or crashed) is not resent.
  if (!first.ok && first.error.message === NOT_LISTENING && !ctx.signal.aborted) {
    try {
      await late.heard;
    } catch {
      // It said so before this request asked, or it never will: one more try tells which.
    }
    try {
      await ensureHost(); // gone meanwhile: made again, and heard from
    } catch (e) {
      return err('host-unavailable', `cannot start the model host: ${e instanceof Error ? e.message : String(e)}`);
    }
    return forward(req, ctx);
  }
  late.stop();
  return first;
};
