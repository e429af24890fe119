import type { Page } from 'playwright-core';
import type { Harness } from '@/scripts/browser/chromium';
import { attachTarget, type Channel } from '@/scripts/browser/cdp-tunnel';

// The extension's service worker, driven over CDP: stopped the way Chrome stops an idle one (the
// e2e fault tests, the soak), and its JS heap read after a forced GC (the soak's memory check).

interface SwVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

/**
 * Stops the extension's service worker the way Chrome does when it is idle
 * (CDP ServiceWorker.stopWorker) and waits until it has stopped.
 */
export async function stopServiceWorker(h: Harness, page: Page): Promise<void> {
  const cdp = await h.context.newCDPSession(page);
  const latest = new Map<string, SwVersion>();
  const asked = new Set<string>();
  // Seen stopped after the stop was asked: a page's next message can start the worker again
  // within a poll's 50 ms, so its latest status alone may never read 'stopped'.
  const stopped = new Set<string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: SwVersion[] }) => {
    for (const v of e.versions) {
      latest.set(v.versionId, v);
      if (asked.has(v.versionId) && v.runningStatus === 'stopped') stopped.add(v.versionId);
    }
  });
  await cdp.send('ServiceWorker.enable');
  const ours = () => [...latest.values()].filter((v) => v.scriptURL.startsWith(`chrome-extension://${h.extensionId}/`));
  const deadline = Date.now() + 30_000;
  while (!ours().some((v) => v.runningStatus === 'running') && Date.now() < deadline) await page.waitForTimeout(50);
  for (const v of ours()) {
    if (v.runningStatus !== 'running') continue;
    asked.add(v.versionId);
    await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
  }
  const pending = () => [...asked].filter((id) => !stopped.has(id));
  while (pending().length && Date.now() < deadline) await page.waitForTimeout(50);
  await cdp.detach();
  if (pending().length) throw new Error(`the service worker did not stop (${pending().map((id) => latest.get(id)?.runningStatus).join(', ')})`);
}

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** The extension's targets of one type ('service_worker', 'background_page' for the offscreen document). */
export async function extensionTargets(cdp: Channel, extensionId: string, type: string): Promise<TargetInfo[]> {
  const { targetInfos } = await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
  return targetInfos.filter((t) => t.type === type && t.url.startsWith(`chrome-extension://${extensionId}/`));
}

/**
 * The running service worker's used JS heap in bytes, after a full GC (so two readings compare
 * live objects, not garbage). The worker must be running: wake it with a request first.
 */
export async function serviceWorkerHeap(cdp: Channel, extensionId: string): Promise<number> {
  const [sw] = await extensionTargets(cdp, extensionId, 'service_worker');
  if (!sw) throw new Error('the service worker is not running');
  const session = await attachTarget(cdp, sw.targetId);
  try {
    await session.send('HeapProfiler.collectGarbage');
    return (await session.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  } finally {
    await session.detach();
  }
}
