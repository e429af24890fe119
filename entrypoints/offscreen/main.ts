import { browser } from 'wxt/browser';
import { hostWorkerDispatch } from '@/entrypoints/offscreen/start-host';
import { HOST_PORT, HOST_READY } from '@/platform/protocol/protocol';
import { servePort } from '@/platform/messaging/serve';

// In Chrome the offscreen document owns the model host's worker and relays to it. It answers
// only the background service worker: pages reach models through the background.
const backgroundUrl = browser.runtime.getURL('/background.js');

const warn = (why: string) => console.warn(`[dl-tutor] model host rejected message: ${why}`);

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== HOST_PORT) return;
  if (port.sender?.id !== browser.runtime.id || port.sender.url !== backgroundUrl) {
    console.warn(`[dl-tutor] model host rejected a port from ${port.sender?.url ?? 'unknown'}`);
    port.disconnect();
    return;
  }
  servePort(port, hostWorkerDispatch, warn);
});

// createDocument resolves before this script runs: the background waits for this word (a port it
// closes on arrival) before connecting.
browser.runtime.connect({ name: HOST_READY });
