import { browser } from 'wxt/browser';
import { dispatchHost } from '@/models/runtime/host';
import { DIRECT_PORT, err, HOST_PORT } from '@/utils/messaging/protocol';
import { classifySender } from '@/utils/messaging/sender';
import { servePort } from '@/utils/messaging/serve';
import { DIRECT_ALLOWED } from '@/utils/messaging/validate';

// The offscreen document is the model host in Chrome. It answers only the
// background service worker: pages reach models through the background.
const backgroundUrl = browser.runtime.getURL('/background.js');

const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
const warn = (why: string) => console.warn(`[dl-tutor] model host rejected message: ${why}`);

browser.runtime.onConnect.addListener((port) => {
  if (port.name === DIRECT_PORT) {
    // The fast lane: our own extension pages only, and only the listed requests.
    if (classifySender(port.sender, browser.runtime.id, extensionOrigin) !== 'extension-page') {
      warn(`direct port from ${port.sender?.url ?? 'unknown'}`);
      port.disconnect();
      return;
    }
    servePort(
      port,
      (req, ctx) => (DIRECT_ALLOWED.has(req.type) ? dispatchHost(req, ctx) : Promise.resolve(err('forbidden', `${req.type} is not a direct request`))),
      warn,
    );
    return;
  }
  if (port.name !== HOST_PORT) return;
  if (port.sender?.id !== browser.runtime.id || port.sender.url !== backgroundUrl) {
    console.warn(`[dl-tutor] model host rejected a port from ${port.sender?.url ?? 'unknown'}`);
    port.disconnect();
    return;
  }
  servePort(port, dispatchHost, warn);
});
