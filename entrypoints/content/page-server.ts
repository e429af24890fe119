import { browser, type Browser } from 'wxt/browser';
import type { PageApi, PageMsg } from '@/platform/protocol/protocol';
import { listenUntil } from '@/lib/listen';

/** What the content script answers to each background request. */
export type PageHandlers = { [K in keyof PageApi]: (payload: PageApi[K]['req']) => Promise<PageApi[K]['res']> };

/** Answers the background's page.* messages until `signal` aborts; everything else is ignored. */
export function servePageMessages(handlers: PageHandlers, signal: AbortSignal): void {
  const onMessage = (raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    // Only the background (our id, no tab) may ask; pages can't reach here at all.
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const msg = raw as PageMsg;
    if (msg?.kind !== 'page' || typeof msg.type !== 'string' || !Object.prototype.hasOwnProperty.call(handlers, msg.type)) return undefined;
    const handler = handlers[msg.type] as (payload: unknown) => Promise<unknown>;
    return handler(msg.payload);
  };
  listenUntil(browser.runtime.onMessage, onMessage, signal);
}
