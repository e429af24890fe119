import type { Harness } from '@/scripts/browser/chromium';

/**
 * Closes the extension's model host (Chrome's offscreen document) and opens it again with a
 * forced WASM thread count (`offscreen.html?threads=N`; 0: the count the host chooses). The next
 * request starts its worker with that count.
 */
export async function reopenHost(h: Harness, threads: number): Promise<void> {
  const sw = await h.serviceWorker();
  await sw.evaluate(async (threads) => {
    type Offscreen = { closeDocument(): Promise<void>; createDocument(o: object): Promise<void> };
    const c = (globalThis as unknown as { chrome: { offscreen: Offscreen } }).chrome;
    await c.offscreen.closeDocument().catch(() => undefined);
    await c.offscreen.createDocument({
      url: threads ? `/offscreen.html?threads=${threads}` : '/offscreen.html',
      reasons: ['WORKERS'],
      justification: 'benchmark: the model host with a chosen WASM thread count',
    });
  }, threads);
}
