import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { err, HOST_PORT, type ServerMsg } from '@/platform/protocol/protocol';
import type { HostLink } from '@/platform/background/host-link/types';

const OFFSCREEN_PATH = '/offscreen.html';
let creating: Promise<void> | null = null;

async function hasHost(url: string): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [url],
  });
  return contexts.length > 0;
}

/**
 * The model host lives in an offscreen document: unlike the service worker it
 * is not stopped when idle, so loaded sessions and weights survive a restart
 * of the background.
 */
export async function ensureHost(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  if (await hasHost(url)) return;
  creating ??= browser.offscreen
    .createDocument({
      url,
      reasons: ['WORKERS' as Browser.offscreen.Reason],
      justification: 'Runs the local ONNX models (onnxruntime-web) so they outlive the service worker.',
    })
    .catch((e: unknown) => {
      // Two callers racing: the other one created it, which is what we wanted.
      if (!String(e).includes('single offscreen')) throw e;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

function forward(...[req, ctx]: Parameters<HostLink>): ReturnType<HostLink> {
  return new Promise((resolve) => {
    const port = browser.runtime.connect({ name: HOST_PORT });
    let done = false;
    const finish: typeof resolve = (r) => {
      if (done) return;
      done = true;
      ctx.signal.removeEventListener('abort', onAbort);
      try {
        port.disconnect();
      } catch {
        // already gone
      }
      resolve(r);
    };
    const onAbort = () => {
      try {
        port.postMessage({ kind: 'cancel', id: req.id });
      } catch {
        finish(err('cancelled', 'cancelled'));
      }
    };
    port.onMessage.addListener((msg: ServerMsg) => {
      if (msg.id !== req.id) return;
      if (msg.kind === 'progress') ctx.progress(msg.data);
      else finish(msg.result);
    });
    port.onDisconnect.addListener(() => finish(err('host-unavailable', 'the model host closed the connection')));
    ctx.signal.addEventListener('abort', onAbort);
    port.postMessage(req);
  });
}

export const offscreenLink: HostLink = async (req, ctx) => {
  try {
    await ensureHost();
  } catch (e) {
    return err('host-unavailable', `cannot start the model host: ${e instanceof Error ? e.message : String(e)}`);
  }
  const first = await forward(req, ctx);
  // A document created a moment ago may not be listening yet: one retry.
  if (!first.ok && first.error.code === 'host-unavailable' && !ctx.signal.aborted) {
    await new Promise((r) => setTimeout(r, 100));
    return forward(req, ctx);
  }
  return first;
};
