import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { err, HOST_PORT } from '@/platform/protocol/protocol';
import { requestOnPort } from '@/platform/messaging/port-request';
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
 * The model host's worker belongs to an offscreen document: unlike the service
 * worker it is not stopped when idle, so loaded sessions and weights survive a
 * restart of the background.
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

const forward = (...[req, ctx]: Parameters<HostLink>): ReturnType<HostLink> =>
  requestOnPort(() => browser.runtime.connect({ name: HOST_PORT }), req, {
    onProgress: (data) => ctx.progress(data),
    signal: ctx.signal,
    closed: { code: 'host-unavailable', message: 'the model host closed the connection' },
    waitAfterCancel: true,
  });

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
